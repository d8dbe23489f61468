// What every route of the local Auth service shares: the database, the signing key, the answer
// shapes and the checks of the caller's token.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import {
	API_VERSION_2024_01_01,
	API_VERSION_HEADER,
	forbidden,
	requestsVersion20240101,
	unauthorized
} from './errors.ts';
import { headerValue, sendJson } from './http.ts';
import type { SignInThrottleOptions } from './rate-limit.ts';
import { sessionExists } from './sessions.ts';
import { bearerToken, isUuid, issueAccessToken, secretKey, verifyToken } from './tokens.ts';
import { findUserById, userJson, type UserRow } from './users.ts';

export interface AuthServiceOptions {
	/** Superuser pool: the service reads and writes schema `auth`. */
	pool: pg.Pool;
	jwtSecret: string;
	/** `iss` of access tokens: `<public API URL>/auth/v1`, as GoTrue's API_EXTERNAL_URL gives it. */
	issuer: string;
	/** supabase/config.toml `[auth] jwt_expiry`. */
	jwtExpirySeconds?: number;
	/** `[auth] refresh_token_reuse_interval`: how long a rotated refresh token still returns its successor. */
	parentReuseGraceSeconds?: number;
	signInThrottle?: SignInThrottleOptions;
	/** The app server's key for naming client addresses (http.ts clientIp); none: peers only. */
	forwardingKey?: string;
	log?: (message: string) => void;
}

export type Handler = (
	req: IncomingMessage,
	res: ServerResponse,
	query: URLSearchParams,
	params: string[]
) => void | Promise<void>;

export interface Route {
	method: string;
	pattern: RegExp;
	handler: Handler;
}

const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

export type AuthContext = ReturnType<typeof createAuthContext>;

export function createAuthContext(options: AuthServiceOptions) {
	const { pool } = options;
	const key = secretKey(options.jwtSecret);
	const expirySeconds = options.jwtExpirySeconds ?? 3600;
	const log = options.log ?? ((message: string) => console.error(message));

	// A real bcrypt hash (same cost as users') that no password matches: checking an unknown
	// address against it costs what checking a real account costs, so timing reveals nothing.
	let dummyHash: Promise<string> | undefined;
	const getDummyHash = () => {
		dummyHash ??= pool
			.query<{ hash: string }>(`select extensions.crypt($1, extensions.gen_salt('bf', 10)) as hash`, [
				randomBytes(32).toString('base64')
			])
			.then(({ rows }) => rows[0].hash)
			.catch((error: unknown) => {
				dummyHash = undefined;
				throw error;
			});
		return dummyHash;
	};

	void getDummyHash().catch(() => {
		// Retried on first use; the database may not accept connections yet.
	});

	async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
		const client = await pool.connect();
		try {
			return await work(client);
		} finally {
			client.release();
		}
	}

	function sendOk(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
		const headers: Record<string, string> = {};
		if (requestsVersion20240101(headerValue(req, API_VERSION_HEADER)))
			headers[API_VERSION_HEADER] = API_VERSION_2024_01_01;
		if (status === 204) {
			res.writeHead(204, headers);
			res.end();
			return;
		}
		sendJson(res, status, body, headers);
	}

	async function sessionResponse(
		user: UserRow,
		session: { sessionId: string; refreshToken: string; authenticatedAt: number }
	) {
		const { token, expiresAt } = await issueAccessToken(
			{
				subject: {
					userId: user.id,
					email: user.email ?? '',
					phone: user.phone ?? '',
					appMetadata: user.raw_app_meta_data ?? {},
					userMetadata: user.raw_user_meta_data ?? {},
					isAnonymous: user.is_anonymous
				},
				sessionId: session.sessionId,
				authenticatedAt: session.authenticatedAt,
				issuer: options.issuer,
				expirySeconds
			},
			key
		);
		return {
			access_token: token,
			token_type: 'bearer',
			expires_in: expirySeconds,
			expires_at: expiresAt,
			refresh_token: session.refreshToken,
			user: await userJson(pool, user)
		};
	}

	/** The caller's verified JWT claims, or GoTrue's 401/403. */
	async function requireToken(req: IncomingMessage) {
		const token = bearerToken(headerValue(req, 'authorization'));
		if (!token) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
		const verified = await verifyToken(token, key);
		if (!verified.ok)
			throw forbidden(
				'bad_jwt',
				`invalid JWT: unable to parse or verify signature, ${verified.reason}`
			);
		return verified.claims;
	}

	/** The signed-in user and session behind the bearer token; ended sessions are refused. */
	async function requireUser(req: IncomingMessage): Promise<{ user: UserRow; sessionId: string | null }> {
		const claims = await requireToken(req);
		if (!isUuid(claims.sub)) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
		const user = await findUserById(pool, claims.sub);
		if (!user || user.deleted_at)
			throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
		const sessionId = claims.session_id;
		if (sessionId === undefined) return { user, sessionId: null };
		if (!isUuid(sessionId) || !(await sessionExists(pool, sessionId, user.id))) {
			throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
		}
		return { user, sessionId };
	}

	async function requireAdmin(req: IncomingMessage): Promise<void> {
		const claims = await requireToken(req);
		if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role))
			throw forbidden('not_admin', 'User not allowed');
	}

	return {
		options,
		pool,
		log,
		getDummyHash,
		withClient,
		sendOk,
		sessionResponse,
		requireUser,
		requireAdmin
	};
}
