import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE_MAX_AGE_SECONDS, sessionCookieOptions } from './session-cookie';

describe('sessionCookieOptions', () => {
	it("caps @supabase/ssr's 400 days at the idle timeout", () => {
		const options = sessionCookieOptions({ maxAge: 400 * 24 * 60 * 60, path: '/' }, false);
		expect(options.maxAge).toBe(SESSION_COOKIE_MAX_AGE_SECONDS);
		expect(SESSION_COOKIE_MAX_AGE_SECONDS).toBe(12 * 60 * 60);
	});

	it('keeps maxAge 0, which deletes the cookie', () => {
		expect(sessionCookieOptions({ maxAge: 0 }, true).maxAge).toBe(0);
	});

	it('is Secure exactly over HTTPS, always Lax, site-wide and readable by the browser client', () => {
		expect(sessionCookieOptions({}, true)).toMatchObject({
			secure: true,
			sameSite: 'lax',
			path: '/',
			httpOnly: false
		});
		expect(sessionCookieOptions({ secure: true }, false).secure).toBe(false);
		expect(sessionCookieOptions({ sameSite: 'none' }, true).sameSite).toBe('lax');
	});
});
