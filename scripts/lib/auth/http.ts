// Small HTTP helpers shared by the Auth service and the gateway.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthHttpError, badRequest } from './errors.ts';

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The request body as JSON; undefined when empty. Too large → 413, unparseable → 400 bad_json. */
export async function readJsonBody(req: IncomingMessage, limitBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > limitBytes) {
			throw new AuthHttpError(
				413,
				'validation_failed',
				`Request body too large (limit ${limitBytes} bytes)`
			);
		}
		chunks.push(chunk);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw badRequest('bad_json', 'Could not parse request body as JSON');
	}
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): void {
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		...headers,
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(payload)
	});
	res.end(payload);
}

/** The peer address; proxies' X-Forwarded-For is not trusted (anyone can send it). */
export function clientIp(req: IncomingMessage): string {
	const address = req.socket.remoteAddress ?? 'unknown';
	return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/** A header's single value (Node joins repeated ones, arrays only for set-cookie). */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
