// One origin for the local stack, like Supabase's API gateway (Kong) on port 54321:
// `/rest/v1/*` → PostgREST, `/auth/v1/*` → the embedded Auth service, `GET /health`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type pg from 'pg';
import { createAuthService } from '../auth/service.ts';
import { headerValue, sendJson } from '../auth/http.ts';
import { bearerToken, carriesExpiry } from '../auth/tokens.ts';
import { signInsPerFiveMinutes } from '../auth/rate-limit.ts';
import type { StackLimits } from '../stack/supabase-config.ts';
import { matchApiKey, presentedApiKey } from './api-key.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { proxyToPostgrest, upstreamPath } from './proxy.ts';

export interface ApiGatewayOptions {
	/** Superuser pool to the local Postgres (the Auth service owns schema `auth`). */
	pool: pg.Pool;
	/** HS256 secret shared with PostgREST (PGRST_JWT_SECRET). */
	jwtSecret: string;
	/** JWTs with role anon / service_role, signed with jwtSecret. */
	anonKey: string;
	serviceKey: string;
	/** PostgREST's own address, e.g. http://127.0.0.1:54323. */
	postgrestUrl: string;
	/** Auth's limits, from supabase/config.toml (readStackLimits); GoTrue's defaults without them. */
	limits?: Pick<StackLimits, 'jwtExpirySeconds' | 'refreshTokenReuseSeconds' | 'signInsPerAddress'>;
	/** Largest request body /rest/v1 accepts (PostgREST buffers a body whole, several times over). */
	maxRestBodyBytes?: number;
	/** Lets the app server name client addresses to Auth (secrets.ts authForwardingKey). */
	forwardingKey?: string;
	/** The URL clients use to reach this gateway; access tokens' `iss` is `<publicUrl>/auth/v1`. */
	publicUrl?: string;
	log?: (message: string) => void;
}

const REST_PREFIX = '/rest/v1';
// PostgREST holds a request body in memory several times over (a 200 MB POST grew it to ~1 GB).
// The app's largest writes (a project with its geometry) are far below this.
export const MAX_REST_BODY_BYTES = 10 * 1024 * 1024;
const AUTH_PREFIX = '/auth/v1';

/** `rest` / `auth` and the path after the prefix, or null for other paths. */
export function routeOf(pathname: string): { service: 'rest' | 'auth'; rest: string } | null {
	for (const [prefix, service] of [
		[REST_PREFIX, 'rest'],
		[AUTH_PREFIX, 'auth']
	] as const) {
		if (pathname === prefix || pathname.startsWith(`${prefix}/`))
			return { service, rest: pathname.slice(prefix.length) };
	}
	return null;
}

export function createApiGateway(options: ApiGatewayOptions): Server {
	const log = options.log ?? ((message: string) => console.error(message));
	const publicUrl = (options.publicUrl ?? 'http://127.0.0.1:54321').replace(/\/+$/, '');
	const upstream = new URL(options.postgrestUrl);
	const keys = { anonKey: options.anonKey, serviceKey: options.serviceKey };
	const maxBodyBytes = options.maxRestBodyBytes ?? MAX_REST_BODY_BYTES;
	const auth = createAuthService({
		pool: options.pool,
		jwtSecret: options.jwtSecret,
		issuer: `${publicUrl}${AUTH_PREFIX}`,
		forwardingKey: options.forwardingKey,
		jwtExpirySeconds: options.limits?.jwtExpirySeconds,
		parentReuseGraceSeconds: options.limits?.refreshTokenReuseSeconds,
		signInThrottle: options.limits && {
			perAddress: signInsPerFiveMinutes(options.limits.signInsPerAddress)
		},
		log
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const cors = corsHeaders();
		for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);

		// The base is never used for routing decisions; it only lets URL parse a request target.
		const url = new URL(req.url ?? '/', 'http://gateway.invalid');

		if (req.method === 'OPTIONS') {
			res.writeHead(204, preflightHeaders());
			res.end();
			return;
		}

		if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
			sendJson(res, 200, { status: 'ok' });
			return;
		}

		const route = routeOf(url.pathname);
		if (!route) {
			sendJson(res, 404, { message: 'no Route matched with those values' });
			return;
		}

		const apiKey = presentedApiKey(req, url.searchParams);
		if (!apiKey) {
			sendJson(res, 401, {
				message: 'No API key found in request',
				hint: 'No `apikey` request header or url param was found.'
			});
			return;
		}
		if (!matchApiKey(apiKey, keys)) {
			sendJson(res, 401, {
				message: 'Invalid API key',
				hint: 'Double check your Supabase `anon` or `service_role` API key.'
			});
			return;
		}

		if (route.service === 'rest') {
			// PostgREST 12 accepts a signed JWT without `exp`, which would never expire.
			const bearer = bearerToken(headerValue(req, 'authorization'));
			if (bearer && !carriesExpiry(bearer)) {
				sendJson(
					res,
					401,
					{ code: 'PGRST303', details: null, hint: null, message: 'JWT has no expiry (exp) claim' },
					{
						'www-authenticate':
							'Bearer error="invalid_token", error_description="JWT has no expiry"'
					}
				);
				return;
			}
			proxyToPostgrest(req, res, {
				upstream,
				path: upstreamPath(route.rest, url.search),
				apiKey,
				extraHeaders: cors,
				maxBodyBytes
			});
			return;
		}

		await auth.handle(req, res, route.rest === '' ? '/' : route.rest, url.searchParams);
	}

	return createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			log(
				`gateway: ${req.method} ${req.url?.split('?')[0]} failed: ${error instanceof Error ? error.message : String(error)}`
			);
			if (!res.headersSent) sendJson(res, 500, { message: 'An unexpected error occurred' });
			else res.destroy();
		});
	});
}
