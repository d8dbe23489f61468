/**
 * Options of the Supabase session cookies, for the server client (hooks.server.ts) and the browser
 * client (+layout.ts) alike. @supabase/ssr sets 400 days and ignores a shorter `maxAge` in its
 * `cookieOptions`, so its options pass through here on every write.
 *
 * The cookies are re-written whenever the access token is refreshed (at least hourly while someone
 * works), so `maxAge` acts as an idle timeout: 12 hours keeps a working day signed in and signs out
 * a session left overnight. They cannot be HttpOnly: the browser client reads the session from
 * `document.cookie` (docs/SECURITY.md, "Session cookie").
 */
export const SESSION_COOKIE_MAX_AGE_SECONDS = 12 * 60 * 60;

export interface SessionCookieOptions {
	maxAge?: number;
	secure?: boolean;
	httpOnly?: boolean;
	sameSite?: boolean | 'lax' | 'strict' | 'none';
	path?: string;
	[option: string]: unknown;
}

export function sessionCookieOptions<T extends SessionCookieOptions>(options: T, https: boolean): T {
	// maxAge 0 is how @supabase/ssr deletes a cookie: keep it.
	const maxAge =
		options.maxAge === 0
			? 0
			: Math.min(options.maxAge ?? SESSION_COOKIE_MAX_AGE_SECONDS, SESSION_COOKIE_MAX_AGE_SECONDS);
	return { ...options, path: '/', sameSite: 'lax', httpOnly: false, secure: https, maxAge };
}
