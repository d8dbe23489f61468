// The gateway in front of a fake PostgREST: API-key checks, CORS, and streaming proxying.
// (The Auth routes need Postgres and are covered by tests/integration/auth.test.ts.)
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiGateway, routeOf } from './server.ts';

const anonKey = 'anon-key-jwt';
const serviceKey = 'service-key-jwt';

interface Seen {
	method?: string;
	url?: string;
	headers?: IncomingHttpHeaders;
	body?: string;
}

let upstream: Server;
let gateway: Server;
let base: string;
const seen: Seen = {};

const listen = (server: Server) =>
	new Promise<number>((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
	);

beforeAll(async () => {
	upstream = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			Object.assign(seen, {
				method: req.method,
				url: req.url,
				headers: req.headers,
				body: Buffer.concat(chunks).toString()
			});
			if (req.url?.startsWith('/stream')) {
				res.writeHead(200, { 'content-type': 'text/plain' });
				let n = 0;
				const timer = setInterval(() => {
					res.write(`chunk${n}\n`);
					if (++n === 3) {
						clearInterval(timer);
						res.end();
					}
				}, 20);
				return;
			}
			res.writeHead(206, { 'content-type': 'application/json', 'content-range': '0-0/16' });
			res.end('[{"code":"05"}]');
		});
	});
	const upstreamPort = await listen(upstream);
	// Any query fails: the Auth service only warms its dummy hash here, which it tolerates.
	const pool = { query: () => Promise.reject(new Error('no database in this test')) } as unknown as pg.Pool;
	gateway = createApiGateway({
		pool,
		jwtSecret: 'x'.repeat(40),
		anonKey,
		serviceKey,
		postgrestUrl: `http://127.0.0.1:${upstreamPort}`,
		maxRestBodyBytes: 1024,
		log: () => {}
	});
	base = `http://127.0.0.1:${await listen(gateway)}`;
});

afterAll(async () => {
	await new Promise((resolve) => gateway.close(resolve));
	await new Promise((resolve) => upstream.close(resolve));
});

describe('routeOf', () => {
	it('splits the service prefix off', () => {
		expect(routeOf('/rest/v1/regions')).toEqual({ service: 'rest', rest: '/regions' });
		expect(routeOf('/rest/v1')).toEqual({ service: 'rest', rest: '' });
		expect(routeOf('/auth/v1/token')).toEqual({ service: 'auth', rest: '/token' });
		expect(routeOf('/rest/v10/x')).toBeNull();
		expect(routeOf('/storage/v1/object')).toBeNull();
	});
});

describe('gateway', () => {
	it('answers /health without a key', async () => {
		const res = await fetch(`${base}/health`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok' });
	});

	it('refuses /rest/v1 and /auth/v1 without a valid apikey', async () => {
		for (const path of ['/rest/v1/regions', '/auth/v1/settings']) {
			const missing = await fetch(`${base}${path}`);
			expect(missing.status).toBe(401);
			expect((await missing.json()).message).toBe('No API key found in request');
			const wrong = await fetch(`${base}${path}`, { headers: { apikey: `${anonKey}x` } });
			expect(wrong.status).toBe(401);
			expect((await wrong.json()).message).toBe('Invalid API key');
			// A user's access token is not an API key.
			const bearerOnly = await fetch(`${base}${path}`, {
				headers: { authorization: `Bearer ${anonKey}` }
			});
			expect(bearerOnly.status).toBe(401);
		}
	});

	it('proxies to PostgREST with the prefix stripped and all headers passed', async () => {
		const res = await fetch(`${base}/rest/v1/regions?select=code&apikey=${anonKey}`, {
			method: 'POST',
			headers: {
				prefer: 'return=representation',
				'accept-profile': 'public',
				range: '0-0',
				'content-type': 'application/json'
			},
			body: JSON.stringify({ code: '05' })
		});
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('0-0/16');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(await res.json()).toEqual([{ code: '05' }]);
		expect(seen.method).toBe('POST');
		expect(seen.url).toBe('/regions?select=code');
		expect(seen.body).toBe('{"code":"05"}');
		expect(seen.headers).toMatchObject({
			prefer: 'return=representation',
			'accept-profile': 'public',
			range: '0-0',
			authorization: `Bearer ${anonKey}`
		});
	});

	it("passes the caller's Authorization through untouched", async () => {
		await fetch(`${base}/rest/v1/regions`, {
			headers: { apikey: serviceKey, authorization: 'Bearer user.jwt.here' }
		});
		expect(seen.headers?.authorization).toBe('Bearer user.jwt.here');
		expect(seen.headers?.apikey).toBe(serviceKey);
	});

	it('streams responses', async () => {
		const res = await fetch(`${base}/rest/v1/stream`, { headers: { apikey: anonKey } });
		expect(await res.text()).toBe('chunk0\nchunk1\nchunk2\n');
	});

	it('answers CORS preflights with 204 and the headers supabase-js sends', async () => {
		const res = await fetch(`${base}/rest/v1/regions`, {
			method: 'OPTIONS',
			headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' }
		});
		expect(res.status).toBe(204);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		const allowed = res.headers.get('access-control-allow-headers')?.split(', ');
		for (const header of [
			'authorization',
			'apikey',
			'content-type',
			'x-client-info',
			'prefer',
			'accept-profile',
			'content-profile',
			'range',
			'x-supabase-api-version'
		]) {
			expect(allowed).toContain(header);
		}
		expect(res.headers.get('access-control-expose-headers')).toContain('content-range');
	});

	it('answers 502 when PostgREST is unreachable', async () => {
		const pool = { query: () => Promise.reject(new Error('none')) } as unknown as pg.Pool;
		const lonely = createApiGateway({
			pool,
			jwtSecret: 'x'.repeat(40),
			anonKey,
			serviceKey,
			postgrestUrl: 'http://127.0.0.1:1',
			log: () => {}
		});
		const lonelyPort = await listen(lonely);
		const res = await fetch(`http://127.0.0.1:${lonelyPort}/rest/v1/regions`, {
			headers: { apikey: anonKey }
		});
		expect(res.status).toBe(502);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		await new Promise((resolve) => lonely.close(resolve));
	});

	it('answers unknown routes with 404', async () => {
		const res = await fetch(`${base}/storage/v1/object`, { headers: { apikey: anonKey } });
		expect(res.status).toBe(404);
	});

	it('answers Auth validation errors without touching the database', async () => {
		const res = await fetch(`${base}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: {
				apikey: anonKey,
				'content-type': 'application/json',
				'x-supabase-api-version': '2024-01-01'
			},
			body: '{not json'
		});
		expect(res.status).toBe(400);
		expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
		expect(await res.json()).toEqual({
			code: 'bad_json',
			message: 'Could not parse request body as JSON'
		});
		const jwks = await fetch(`${base}/auth/v1/.well-known/jwks.json`, { headers: { apikey: anonKey } });
		expect(await jwks.json()).toEqual({ keys: [] });
		const noToken = await fetch(`${base}/auth/v1/user`, { headers: { apikey: anonKey } });
		expect(noToken.status).toBe(401);
		expect((await noToken.json()).error_code).toBe('no_authorization');
	});

	it('refuses a /rest/v1 body over the limit, declared or streamed, before PostgREST holds it', async () => {
		seen.body = undefined;
		const declared = await fetch(`${base}/rest/v1/regions`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: 'x'.repeat(1025)
		});
		expect(declared.status).toBe(413);
		expect(await declared.json()).toEqual({ message: 'Request body too large (limit 1024 bytes)' });
		expect(seen.body).toBeUndefined();

		const chunks = ['x'.repeat(600), 'x'.repeat(600)];
		const streamed = await fetch(`${base}/rest/v1/regions`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: new ReadableStream({
				pull(controller) {
					const next = chunks.shift();
					if (next) controller.enqueue(new TextEncoder().encode(next));
					else controller.close();
				}
			}),
			duplex: 'half'
		} as RequestInit);
		expect(streamed.status).toBe(413);

		const fits = await fetch(`${base}/rest/v1/regions`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: 'x'.repeat(1024)
		});
		expect(fits.status).toBe(206);
		expect(seen.body).toBe('x'.repeat(1024));
	});

	it('refuses a bearer JWT without exp, which PostgREST would accept forever', async () => {
		const secret = new TextEncoder().encode('x'.repeat(40));
		const forever = await new SignJWT({ role: 'authenticated', sub: 'u' })
			.setProtectedHeader({ alg: 'HS256' })
			.sign(secret);
		const res = await fetch(`${base}/rest/v1/regions`, {
			headers: { apikey: anonKey, authorization: `Bearer ${forever}` }
		});
		expect(res.status).toBe(401);
		expect(await res.json()).toMatchObject({
			code: 'PGRST303',
			message: 'JWT has no expiry (exp) claim'
		});

		const expiring = await new SignJWT({ role: 'authenticated', sub: 'u' })
			.setProtectedHeader({ alg: 'HS256' })
			.setExpirationTime('1h')
			.sign(secret);
		const ok = await fetch(`${base}/rest/v1/regions`, {
			headers: { apikey: anonKey, authorization: `Bearer ${expiring}` }
		});
		expect(ok.status).toBe(206);
		expect(seen.headers?.authorization).toBe(`Bearer ${expiring}`);
	});
});
