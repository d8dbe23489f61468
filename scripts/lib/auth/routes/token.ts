// POST /token: password sign-in and refresh-token rotation, as GoTrue answers them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthContext, Route } from '../context.ts';
import { AuthHttpError, badRequest, invalidCredentials } from '../errors.ts';
import { clientIp, headerValue, readJsonBody } from '../http.ts';
import { SignInThrottle } from '../rate-limit.ts';
import { normalizeSignInEmail, parseBody, passwordGrantBody, refreshGrantBody } from '../schemas.ts';
import {
	openSession,
	refreshTokenAlreadyUsed,
	refreshTokenNotFound,
	rotateRefreshToken
} from '../sessions.ts';
import { findPasswordUserByEmail, findUserById, isBanned } from '../users.ts';

const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

export function tokenRoutes(context: AuthContext): Route[] {
	const { pool, options } = context;
	const parentReuseGraceSeconds = options.parentReuseGraceSeconds ?? 10;
	const throttle = new SignInThrottle(options.signInThrottle);

	async function passwordGrant(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const body = parseBody(passwordGrantBody, await readJsonBody(req));
		const email = normalizeSignInEmail(body.email);
		const ip = clientIp(req, options.forwardingKey);
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
			storedHash ?? (await context.getDummyHash())
		]);
		if (!user || !storedHash || !rows[0].ok) {
			throttle.recordFailure(email, ip);
			throw invalidCredentials();
		}
		throttle.recordSuccess(email, ip);

		// Only someone who knows the password learns these states.
		if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
		if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');

		const session = await context.withClient((client) =>
			openSession(client, user.id, {
				userAgent: headerValue(req, 'user-agent') ?? null,
				ip: isIpLiteral(ip) ? ip : null
			})
		);
		const fresh = await findUserById(pool, user.id);
		if (!fresh) throw invalidCredentials();
		context.sendOk(req, res, 200, await context.sessionResponse(fresh, session));
	}

	async function refreshTokenGrant(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const body = parseBody(refreshGrantBody, await readJsonBody(req));
		const outcome = await context.withClient((client) =>
			rotateRefreshToken(client, body.refresh_token, parentReuseGraceSeconds)
		);
		if (!outcome) throw refreshTokenNotFound();
		if (outcome.kind === 'reuse-detected') {
			context.log('auth: a revoked refresh token was presented again; its session has been ended');
			throw refreshTokenAlreadyUsed();
		}
		if (outcome.kind === 'user-banned') throw badRequest('user_banned', 'User is banned');
		const user = await findUserById(pool, outcome.userId);
		if (!user || user.deleted_at) throw refreshTokenNotFound();
		context.sendOk(req, res, 200, await context.sessionResponse(user, outcome));
	}

	return [
		{
			method: 'POST',
			pattern: /^\/token$/,
			handler: async (req, res, query) => {
				const grantType = query.get('grant_type');
				if (grantType === 'password') return passwordGrant(req, res);
				if (grantType === 'refresh_token') return refreshTokenGrant(req, res);
				throw badRequest('validation_failed', 'unsupported_grant_type');
			}
		}
	];
}

function isIpLiteral(text: string): boolean {
	return /^[0-9a-fA-F.:]+$/.test(text) && text.length <= 45;
}
