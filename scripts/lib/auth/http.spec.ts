import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIp } from './http.ts';

const request = (peer: string, headers: Record<string, string> = {}) =>
	({ socket: { remoteAddress: peer }, headers }) as unknown as IncomingMessage;

describe('clientIp', () => {
	const key = 'the-app-servers-key';

	it('is the peer address, without the IPv4-mapped prefix', () => {
		expect(clientIp(request('::ffff:127.0.0.1'), key)).toBe('127.0.0.1');
	});

	it('believes Sb-Forwarded-For only from the holder of the forwarding key', () => {
		const forwarded = { 'sb-forwarded-for': '203.0.113.9, 10.0.0.1' };
		expect(clientIp(request('127.0.0.1', { ...forwarded, 'x-sb-forwarding-key': key }), key)).toBe(
			'203.0.113.9'
		);
		expect(clientIp(request('127.0.0.1', { ...forwarded, 'x-sb-forwarding-key': 'guess' }), key)).toBe(
			'127.0.0.1'
		);
		expect(clientIp(request('127.0.0.1', forwarded), key)).toBe('127.0.0.1');
		// A stack without a key believes no one.
		expect(clientIp(request('127.0.0.1', { ...forwarded, 'x-sb-forwarding-key': key }))).toBe(
			'127.0.0.1'
		);
	});

	it('ignores X-Forwarded-For and a forwarded value that is not an address', () => {
		expect(clientIp(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), key)).toBe('127.0.0.1');
		const junk = { 'sb-forwarded-for': 'victim@example.cl', 'x-sb-forwarding-key': key };
		expect(clientIp(request('127.0.0.1', junk), key)).toBe('127.0.0.1');
	});
});
