// `/rest/v1/*` → PostgREST, streaming both bodies, like Supabase's gateway route to its PostgREST.
import {
	request as httpRequest,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type OutgoingHttpHeaders,
	type ServerResponse
} from 'node:http';
import { pipeline } from 'node:stream';
import { FORWARDING_KEY_HEADER } from '../auth/http.ts';

// Connection-level headers belong to one hop and must not be forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'proxy-authenticate',
	'proxy-authorization',
	'proxy-connection',
	'te',
	'trailer',
	'transfer-encoding',
	'upgrade',
	'host'
]);

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
	const listed = new Set(
		String(headers.connection ?? '')
			.split(',')
			.map((name) => name.trim().toLowerCase())
			.filter(Boolean)
	);
	const kept: OutgoingHttpHeaders = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name)) continue;
		kept[name] = value;
	}
	return kept;
}

/**
 * The headers PostgREST receives: the client's, minus hop-by-hop ones, with `Authorization`
 * defaulting to the API key (the anon or service JWT), which is how Supabase's gateway lets a
 * request that carries only `apikey` reach PostgREST with the key's role.
 */
export function upstreamRequestHeaders(
	headers: IncomingHttpHeaders,
	apiKey: string,
	upstreamHost: string
): OutgoingHttpHeaders {
	const forwarded = withoutHopByHop(headers);
	// The app server's forwarding key is for the gateway's Auth only; it goes no further.
	delete forwarded[FORWARDING_KEY_HEADER];
	if (!forwarded.authorization) forwarded.authorization = `Bearer ${apiKey}`;
	forwarded.host = upstreamHost;
	return forwarded;
}

/**
 * The path PostgREST sees: the prefix removed, and the `apikey` query parameter dropped (PostgREST
 * would read it as a filter on a column named apikey).
 */
export function upstreamPath(pathAfterPrefix: string, search: string): string {
	const params = new URLSearchParams(search);
	params.delete('apikey');
	const query = params.toString();
	const path = pathAfterPrefix === '' ? '/' : pathAfterPrefix;
	return query ? `${path}?${query}` : path;
}

function refuseTooLarge(res: ServerResponse, extraHeaders: Record<string, string>, limit: number): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	const body = JSON.stringify({ message: `Request body too large (limit ${limit} bytes)` });
	res.writeHead(413, {
		...extraHeaders,
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(body)
	});
	res.end(body);
}

// After a 413 the rest of the body is read and thrown away, so the client, still uploading, gets
// to read the answer instead of a broken pipe; past this many times the limit it is cut off.
const DISCARD_FACTOR = 8;

function discardRest(req: IncomingMessage, alreadyReceived: number, limit: number): void {
	let received = alreadyReceived;
	req.on('data', (chunk: Buffer) => {
		received += chunk.length;
		if (received > limit * DISCARD_FACTOR) req.destroy();
	});
	req.resume();
}

export function proxyToPostgrest(
	req: IncomingMessage,
	res: ServerResponse,
	options: {
		upstream: URL;
		path: string;
		apiKey: string;
		extraHeaders: Record<string, string>;
		maxBodyBytes: number;
	}
): void {
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > options.maxBodyBytes) {
		refuseTooLarge(res, options.extraHeaders, options.maxBodyBytes);
		discardRest(req, 0, options.maxBodyBytes);
		return;
	}
	let refused = false;

	const upstreamReq = httpRequest({
		protocol: options.upstream.protocol,
		hostname: options.upstream.hostname,
		port: options.upstream.port,
		method: req.method,
		path: options.path,
		headers: upstreamRequestHeaders(req.headers, options.apiKey, options.upstream.host)
	});

	upstreamReq.on('response', (upstreamRes) => {
		if (refused) {
			upstreamRes.resume();
			return;
		}
		const headers = withoutHopByHop(upstreamRes.headers);
		res.writeHead(upstreamRes.statusCode ?? 502, { ...headers, ...options.extraHeaders });
		pipeline(upstreamRes, res, () => {
			// A client that goes away mid-response only ends this exchange.
		});
	});

	upstreamReq.on('error', () => {
		if (refused) return;
		if (res.headersSent) {
			res.destroy();
			return;
		}
		const body = JSON.stringify({ message: 'An invalid response was received from the upstream server' });
		res.writeHead(502, {
			...options.extraHeaders,
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(body)
		});
		res.end(body);
	});

	// Closing the upstream request when the client disconnects frees PostgREST's connection.
	res.on('close', () => {
		if (!res.writableFinished) upstreamReq.destroy();
	});

	// A body without Content-Length (chunked) is counted as it streams and cut off at the limit.
	let received = 0;
	const counting = (chunk: Buffer) => {
		received += chunk.length;
		if (received <= options.maxBodyBytes) return;
		refused = true;
		req.off('data', counting);
		req.unpipe(upstreamReq);
		upstreamReq.destroy();
		refuseTooLarge(res, options.extraHeaders, options.maxBodyBytes);
		discardRest(req, received, options.maxBodyBytes);
	};
	req.on('data', counting);

	// pipe, not pipeline: an upstream failure must not destroy the client's socket before the 502.
	req.pipe(upstreamReq);
}
