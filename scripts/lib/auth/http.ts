// Small HTTP helpers shared by the Auth service and the gateway.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
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

/** GoTrue's header for the end user's address, sent by a server that signs users in. */
export const FORWARDED_FOR_HEADER = 'sb-forwarded-for';
/** Proves the sender is the app server: only it holds the key (secrets.ts authForwardingKey). */
export const FORWARDING_KEY_HEADER = 'x-sb-forwarding-key';

const unmapped = (address: string) =>
	address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;

// Hashing first gives equal-length inputs, so timingSafeEqual never short-circuits on length.
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares a presented secret with the expected one in constant time. */
export function constantTimeEquals(presented: string, expected: string): boolean {
	return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * The client's address. The app server signs people in from its own address, so it names theirs
 * in Sb-Forwarded-For; that header is believed only with the forwarding key, which only the app
 * server holds (GoTrue believes it only with a secret API key). Anyone can send Sb-Forwarded-For
 * or X-Forwarded-For: without the key they are ignored and the peer address counts.
 */
export function clientIp(req: IncomingMessage, forwardingKey?: string): string {
	const peer = unmapped(req.socket.remoteAddress ?? 'unknown');
	const forwarded = headerValue(req, FORWARDED_FOR_HEADER);
	const presented = headerValue(req, FORWARDING_KEY_HEADER);
	if (!forwardingKey || !forwarded || !presented || !constantTimeEquals(presented, forwardingKey))
		return peer;
	const first = forwarded.split(',')[0].trim();
	return isIP(first) ? unmapped(first) : peer;
}

/** A header's single value (Node joins repeated ones, arrays only for set-cookie). */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
