// auth.sessions and auth.refresh_tokens: opening a session, rotating its refresh token with
// GoTrue's reuse detection, and ending sessions.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { badRequest } from './errors.ts';
import { newRefreshToken } from './tokens.ts';
import type { Queryable } from './users.ts';

export interface OpenedSession {
	sessionId: string;
	refreshToken: string;
	/** Seconds since epoch when the session was authenticated (for the `amr` claim). */
	authenticatedAt: number;
}

/**
 * A new session with its first refresh token, and the user's last_sign_in_at, in one transaction
 * so a failure leaves no session without a token (or the reverse).
 */
export async function openSession(
	client: pg.PoolClient,
	userId: string,
	context: { userAgent: string | null; ip: string | null }
): Promise<OpenedSession> {
	const sessionId = randomUUID();
	const refreshToken = newRefreshToken();
	try {
		await client.query('begin');
		const { rows } = await client.query<{ created_at: Date }>(
			`insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
			 values ($1, $2, now(), now(), 'aal1', $3, $4::inet) returning created_at`,
			[sessionId, userId, context.userAgent?.slice(0, 512) ?? null, context.ip]
		);
		await client.query(
			`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
			 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), null, $3)`,
			[refreshToken, userId, sessionId]
		);
		await client.query(
			`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`,
			[userId]
		);
		await client.query(
			`update auth.identities set last_sign_in_at = now(), updated_at = now() where user_id = $1 and provider = 'email'`,
			[userId]
		);
		await client.query('commit');
		return { sessionId, refreshToken, authenticatedAt: Math.floor(rows[0].created_at.getTime() / 1000) };
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	}
}

export type RefreshOutcome =
	| {
			kind: 'rotated' | 'parent-reused';
			userId: string;
			sessionId: string;
			refreshToken: string;
			authenticatedAt: number;
	  }
	| { kind: 'reuse-detected' }
	| { kind: 'user-banned' };

export const refreshTokenNotFound = () =>
	badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
export const refreshTokenAlreadyUsed = () =>
	badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');

/**
 * Exchanges a refresh token for its successor.
 *
 * - A live token is revoked and a child (parent = the old token, same session) is issued.
 * - A revoked token whose child is still the session's live token gets that same child back, as
 *   GoTrue does: two requests refreshing with the same cookie at once (parallel SSR requests) must
 *   not log the user out. GoTrue allows this for as long as the child lives; here only within
 *   `parentReuseGraceSeconds` of the rotation, so a leaked old token is useless soon after.
 * - Any other revoked token means it leaked (GoTrue's reuse detection with
 *   refresh_token_reuse_interval = 0, as supabase/config.toml sets): the whole session is ended,
 *   so all its refresh tokens die with it and its access tokens stop passing /user.
 *
 * The token row is locked, so concurrent refreshes of one token are serialized.
 */
export async function rotateRefreshToken(
	client: pg.PoolClient,
	presented: string,
	parentReuseGraceSeconds: number
): Promise<RefreshOutcome | null> {
	try {
		await client.query('begin');
		const found = await client.query<{
			id: string;
			revoked: boolean;
			session_id: string | null;
			user_id: string;
			revoked_seconds_ago: number;
			session_created_at: Date | null;
			user_banned: boolean;
		}>(
			`select rt.id, rt.revoked, rt.session_id, rt.user_id,
				extract(epoch from (now() - rt.updated_at))::float8 as revoked_seconds_ago,
				s.created_at as session_created_at,
				coalesce(u.banned_until > now(), false) as user_banned
			 from auth.refresh_tokens rt
			 left join auth.sessions s on s.id = rt.session_id
			 left join auth.users u on u.id = s.user_id and u.deleted_at is null
			 where rt.token = $1
			 for update of rt`,
			[presented]
		);
		const token = found.rows[0];
		if (!token || !token.session_id || !token.session_created_at) {
			await client.query('rollback');
			return null;
		}
		const authenticatedAt = Math.floor(token.session_created_at.getTime() / 1000);
		if (token.user_banned) {
			await client.query('rollback');
			return { kind: 'user-banned' };
		}

		if (token.revoked) {
			const child = await client.query<{ token: string }>(
				`select token from auth.refresh_tokens
				 where session_id = $1 and parent = $2 and revoked = false
				 order by id desc limit 1`,
				[token.session_id, presented]
			);
			if (child.rows[0] && token.revoked_seconds_ago <= parentReuseGraceSeconds) {
				await client.query('commit');
				return {
					kind: 'parent-reused',
					userId: token.user_id,
					sessionId: token.session_id,
					refreshToken: child.rows[0].token,
					authenticatedAt
				};
			}
			await client.query('delete from auth.sessions where id = $1', [token.session_id]);
			await client.query('commit');
			return { kind: 'reuse-detected' };
		}

		const successor = newRefreshToken();
		await client.query(
			'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
			[token.id]
		);
		await client.query(
			`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
			 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
			[successor, token.user_id, presented, token.session_id]
		);
		await client.query(
			`update auth.sessions set refreshed_at = (now() at time zone 'utc'), updated_at = now() where id = $1`,
			[token.session_id]
		);
		await client.query('commit');
		return {
			kind: 'rotated',
			userId: token.user_id,
			sessionId: token.session_id,
			refreshToken: successor,
			authenticatedAt
		};
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	}
}

export async function sessionExists(db: Queryable, sessionId: string, userId: string): Promise<boolean> {
	const { rows } = await db.query('select 1 from auth.sessions where id = $1 and user_id = $2', [
		sessionId,
		userId
	]);
	return rows.length > 0;
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Ends sessions (their refresh tokens go with them through the foreign key's cascade). */
export async function endSessions(
	db: Queryable,
	userId: string,
	sessionId: string | null,
	scope: LogoutScope
): Promise<number> {
	if (scope === 'global' || sessionId === null) {
		const { rowCount } = await db.query('delete from auth.sessions where user_id = $1', [userId]);
		return rowCount ?? 0;
	}
	const operator = scope === 'local' ? '=' : '<>';
	const { rowCount } = await db.query(
		`delete from auth.sessions where user_id = $1 and id ${operator} $2`,
		[userId, sessionId]
	);
	return rowCount ?? 0;
}
