// The embedded stand-in for Supabase Auth (GoTrue): the part of its HTTP API that supabase-js 2
// uses for password accounts, with GoTrue's request and response shapes.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { bannedUntil } from './duration.ts';
import {
	API_VERSION_2024_01_01,
	API_VERSION_HEADER,
	AuthHttpError,
	badRequest,
	errorResponse,
	forbidden,
	invalidCredentials,
	notFound,
	requestsVersion20240101,
	unauthorized,
	unexpectedFailure,
	unprocessable
} from './errors.ts';
import { clientIp, headerValue, readJsonBody, sendJson } from './http.ts';
import { SignInThrottle, type SignInThrottleOptions } from './rate-limit.ts';
import {
	adminCreateUserBody,
	adminDeleteUserBody,
	adminUpdateUserBody,
	checkNewPassword,
	logoutScope,
	normalizeNewEmail,
	normalizeSignInEmail,
	parseBody,
	passwordGrantBody,
	refreshGrantBody
} from './schemas.ts';
import {
	endSessions,
	openSession,
	refreshTokenAlreadyUsed,
	refreshTokenNotFound,
	rotateRefreshToken,
	sessionExists
} from './sessions.ts';
import { bearerToken, isUuid, issueAccessToken, secretKey, verifyToken } from './tokens.ts';
import {
	createUser,
	deleteUser,
	findPasswordUserByEmail,
	findUserById,
	isBanned,
	listUsers,
	softDeleteUser,
	updateUser,
	userJson,
	type UserRow
} from './users.ts';

export interface AuthServiceOptions {
	/** Superuser pool: the service reads and writes schema `auth`. */
	pool: pg.Pool;
	jwtSecret: string;
	/** `iss` of access tokens: `<public API URL>/auth/v1`, as GoTrue's API_EXTERNAL_URL gives it. */
	issuer: string;
	jwtExpirySeconds?: number;
	/** How long after a rotation the previous refresh token still returns its successor (see sessions.ts). */
	parentReuseGraceSeconds?: number;
	signInThrottle?: SignInThrottleOptions;
	log?: (message: string) => void;
}

export interface AuthService {
	/** Handles a request whose path has had `/auth/v1` removed (e.g. `/token`). */
	handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void>;
}

const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

type Handler = (
	req: IncomingMessage,
	res: ServerResponse,
	query: URLSearchParams,
	params: string[]
) => void | Promise<void>;
interface Route {
	method: string;
	pattern: RegExp;
	handler: Handler;
}

export function createAuthService(options: AuthServiceOptions): AuthService {
	const { pool } = options;
	const key = secretKey(options.jwtSecret);
	const expirySeconds = options.jwtExpirySeconds ?? 3600;
	const parentReuseGraceSeconds = options.parentReuseGraceSeconds ?? 10;
	const throttle = new SignInThrottle(options.signInThrottle);
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

	async function passwordGrant(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const body = parseBody(passwordGrantBody, await readJsonBody(req));
		const email = normalizeSignInEmail(body.email);
		const ip = clientIp(req);
		const waitMs = throttle.retryAfterMs(email, ip);
		if (waitMs > 0) {
			throw new AuthHttpError(
				429,
				'over_request_rate_limit',
				`Too many failed sign-in attempts. Try again in ${Math.ceil(waitMs / 1000)} seconds.`
			);
		}

		// Both paths run the same two queries, including one bcrypt comparison in the database.
		const user = await findPasswordUserByEmail(pool, email);
		const storedHash =
			user?.encrypted_password && BCRYPT_HASH.test(user.encrypted_password)
				? user.encrypted_password
				: null;
		const { rows } = await pool.query<{ ok: boolean }>('select extensions.crypt($1, $2) = $2 as ok', [
			body.password,
			storedHash ?? (await getDummyHash())
		]);
		if (!user || !storedHash || !rows[0].ok) {
			throttle.recordFailure(email, ip);
			throw invalidCredentials();
		}
		throttle.recordSuccess(email, ip);

		// Only someone who knows the password learns these states.
		if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
		if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');

		const session = await withClient((client) =>
			openSession(client, user.id, {
				userAgent: headerValue(req, 'user-agent') ?? null,
				ip: isIpLiteral(ip) ? ip : null
			})
		);
		const fresh = await findUserById(pool, user.id);
		if (!fresh) throw invalidCredentials();
		sendOk(req, res, 200, await sessionResponse(fresh, session));
	}

	async function refreshTokenGrant(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const body = parseBody(refreshGrantBody, await readJsonBody(req));
		const outcome = await withClient((client) =>
			rotateRefreshToken(client, body.refresh_token, parentReuseGraceSeconds)
		);
		if (!outcome) throw refreshTokenNotFound();
		if (outcome.kind === 'reuse-detected') {
			log('auth: a revoked refresh token was presented again; its session has been ended');
			throw refreshTokenAlreadyUsed();
		}
		if (outcome.kind === 'user-banned') throw badRequest('user_banned', 'User is banned');
		const user = await findUserById(pool, outcome.userId);
		if (!user || user.deleted_at) throw refreshTokenNotFound();
		sendOk(req, res, 200, await sessionResponse(user, outcome));
	}

	const routes: Route[] = [
		{
			method: 'POST',
			pattern: /^\/token$/,
			handler: async (req, res, query) => {
				const grantType = query.get('grant_type');
				if (grantType === 'password') return passwordGrant(req, res);
				if (grantType === 'refresh_token') return refreshTokenGrant(req, res);
				throw badRequest('validation_failed', 'unsupported_grant_type');
			}
		},
		{
			method: 'GET',
			pattern: /^\/user$/,
			handler: async (req, res) => {
				const { user } = await requireUser(req);
				sendOk(req, res, 200, await userJson(pool, user));
			}
		},
		{
			method: 'POST',
			pattern: /^\/logout$/,
			handler: async (req, res, query) => {
				const scope = logoutScope.safeParse(query.get('scope') ?? 'global');
				if (!scope.success)
					throw badRequest('validation_failed', `Unsupported logout scope "${query.get('scope')}"`);
				const { user, sessionId } = await requireUser(req);
				if (sessionId !== null || scope.data === 'global')
					await endSessions(pool, user.id, sessionId, scope.data);
				sendOk(req, res, 204, null);
			}
		},
		{
			method: 'POST',
			pattern: /^\/signup$/,
			handler: () => {
				// Accounts are created by an administrator (`npm run user:add` or the admin API).
				throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
			}
		},
		{
			method: 'GET',
			pattern: /^\/settings$/,
			handler: (req, res) =>
				sendOk(req, res, 200, {
					external: { anonymous_users: false, email: true, phone: false },
					disable_signup: true,
					mailer_autoconfirm: false,
					phone_autoconfirm: false,
					sms_provider: '',
					saml_enabled: false
				})
		},
		{
			method: 'GET',
			pattern: /^\/health$/,
			handler: (req, res) =>
				sendOk(req, res, 200, {
					version: 'local',
					name: 'GoTrue',
					description: 'GoTrue is a user registration and authentication API'
				})
		},
		{
			method: 'GET',
			pattern: /^\/\.well-known\/jwks\.json$/,
			// HS256 keys are secret, so none are published; supabase-js then verifies through /user.
			handler: (req, res) => sendOk(req, res, 200, { keys: [] })
		},
		{
			method: 'GET',
			pattern: /^\/admin\/users$/,
			handler: async (req, res, query) => {
				await requireAdmin(req);
				const page = positiveInt(query.get('page'), 1);
				const perPage = Math.min(positiveInt(query.get('per_page'), 50), 1000);
				const { users, total } = await listUsers(pool, page, perPage);
				const lastPage = Math.max(1, Math.ceil(total / perPage));
				const links = [];
				if (page < lastPage)
					links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
				links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`);
				res.setHeader('x-total-count', String(total));
				res.setHeader('link', links.join(', '));
				const json = await Promise.all(users.map((user) => userJson(pool, user)));
				sendOk(req, res, 200, { users: json, aud: 'authenticated' });
			}
		},
		{
			method: 'POST',
			pattern: /^\/admin\/users$/,
			handler: async (req, res) => {
				await requireAdmin(req);
				const body = parseBody(adminCreateUserBody, await readJsonBody(req));
				const email = normalizeNewEmail(body.email);
				if (body.password !== undefined) checkNewPassword(body.password);
				const banned = body.ban_duration === undefined ? null : bannedUntil(body.ban_duration);
				if (banned === 'invalid')
					throw badRequest('validation_failed', 'invalid format for ban duration');
				const user = await withClient((client) =>
					createUser(client, {
						email,
						password: body.password,
						emailConfirmed: body.email_confirm ?? false,
						appMetadata: body.app_metadata ?? {},
						userMetadata: body.user_metadata ?? {},
						bannedUntil: banned
					})
				);
				sendOk(req, res, 200, await userJson(pool, user));
			}
		},
		{
			method: 'GET',
			pattern: /^\/admin\/users\/([^/]+)$/,
			handler: async (req, res, _query, [id]) => {
				await requireAdmin(req);
				const user = await findAdminTarget(id);
				sendOk(req, res, 200, await userJson(pool, user));
			}
		},
		{
			method: 'PUT',
			pattern: /^\/admin\/users\/([^/]+)$/,
			handler: async (req, res, _query, [id]) => {
				await requireAdmin(req);
				await findAdminTarget(id);
				const body = parseBody(adminUpdateUserBody, await readJsonBody(req));
				if (body.password !== undefined) checkNewPassword(body.password);
				const banned = body.ban_duration === undefined ? undefined : bannedUntil(body.ban_duration);
				if (banned === 'invalid')
					throw badRequest('validation_failed', 'invalid format for ban duration');
				const user = await updateUser(pool, id, {
					password: body.password,
					emailConfirm: body.email_confirm,
					appMetadata: body.app_metadata,
					userMetadata: body.user_metadata,
					bannedUntil: banned
				});
				if (!user) throw userNotFound();
				sendOk(req, res, 200, await userJson(pool, user));
			}
		},
		{
			method: 'DELETE',
			pattern: /^\/admin\/users\/([^/]+)$/,
			handler: async (req, res, _query, [id]) => {
				await requireAdmin(req);
				await findAdminTarget(id);
				const body = parseBody(adminDeleteUserBody, await readJsonBody(req));
				const deleted = body.should_soft_delete
					? await withClient((client) => softDeleteUser(client, id))
					: await deleteUser(pool, id);
				if (!deleted) throw userNotFound();
				sendOk(req, res, 200, {});
			}
		}
	];

	const userNotFound = () => notFound('user_not_found', 'User not found');

	async function findAdminTarget(id: string): Promise<UserRow> {
		if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
		const user = await findUserById(pool, id);
		if (!user || user.deleted_at) throw userNotFound();
		return user;
	}

	async function handle(
		req: IncomingMessage,
		res: ServerResponse,
		path: string,
		query: URLSearchParams
	): Promise<void> {
		try {
			const matching = routes.filter((route) => route.pattern.test(path));
			if (matching.length === 0) throw notFound('not_found', 'Not Found');
			const route = matching.find((candidate) => candidate.method === req.method);
			if (!route) {
				res.setHeader('allow', matching.map((candidate) => candidate.method).join(', '));
				throw new AuthHttpError(405, 'method_not_allowed', 'Method Not Allowed');
			}
			const params = route.pattern.exec(path)!.slice(1).map(decodePathSegment);
			await route.handler(req, res, query, params);
		} catch (error) {
			const httpError = error instanceof AuthHttpError ? error : unexpectedFailure();
			if (!(error instanceof AuthHttpError)) {
				// The message only: never the request (it may hold a password).
				log(
					`auth: ${req.method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`
				);
			}
			if (res.headersSent) {
				res.destroy();
				return;
			}
			const answer = errorResponse(httpError, headerValue(req, API_VERSION_HEADER));
			sendJson(res, answer.status, answer.body, answer.headers);
		}
	}

	return { handle };
}

function decodePathSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw notFound('not_found', 'Not Found');
	}
}

function positiveInt(text: string | null, fallback: number): number {
	if (text === null || text === '') return fallback;
	const value = Number(text);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

function isIpLiteral(text: string): boolean {
	return /^[0-9a-fA-F.:]+$/.test(text) && text.length <= 45;
}
