import { describe, expect, it } from 'vitest';
import { upstreamPath, upstreamRequestHeaders } from './proxy.ts';

describe('upstreamPath', () => {
	it('keeps the path after the prefix and the query, minus apikey', () => {
		expect(upstreamPath('/regions', '?select=code,name&order=code')).toBe(
			'/regions?select=code%2Cname&order=code'
		);
		expect(upstreamPath('/regions', '?apikey=secret&code=eq.05')).toBe('/regions?code=eq.05');
		expect(upstreamPath('', '')).toBe('/');
		expect(upstreamPath('/rpc/commune_at', '')).toBe('/rpc/commune_at');
	});
});

describe('upstreamRequestHeaders', () => {
	it('forwards client headers and defaults Authorization to the API key', () => {
		const headers = upstreamRequestHeaders(
			{
				apikey: 'anon',
				prefer: 'count=exact',
				'accept-profile': 'public',
				range: '0-9',
				host: 'localhost:54321',
				connection: 'keep-alive'
			},
			'anon',
			'127.0.0.1:54323'
		);
		expect(headers).toEqual({
			apikey: 'anon',
			prefer: 'count=exact',
			'accept-profile': 'public',
			range: '0-9',
			authorization: 'Bearer anon',
			host: '127.0.0.1:54323'
		});
	});

	it("keeps the caller's own Authorization", () => {
		const headers = upstreamRequestHeaders({ authorization: 'Bearer user.jwt' }, 'anon', 'up');
		expect(headers.authorization).toBe('Bearer user.jwt');
	});

	it('drops headers named in Connection', () => {
		const headers = upstreamRequestHeaders(
			{ connection: 'x-private, close', 'x-private': '1', 'x-kept': '2' },
			'k',
			'up'
		);
		expect(headers['x-private']).toBeUndefined();
		expect(headers['x-kept']).toBe('2');
	});
});
