import { browser } from '$app/environment';
import { env } from '$env/dynamic/public';
import { createBrowserClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr';
import { sessionCookieOptions } from '$lib/auth/session-cookie';
import type { Database } from '$lib/database.types';
import { readSupabaseEnv } from '$lib/supabase-env';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ data, depends, fetch }) => {
	depends('supabase:auth');
	// Server-side reads go through locals.supabase (hooks.server.ts). The browser client exists for
	// what only the browser can do: follow auth changes across tabs now, realtime later. It is a
	// singleton in the browser and shares the session cookies with the server.
	const supabase = browser
		? (() => {
				const { url, anonKey } = readSupabaseEnv(env);
				return createBrowserClient<Database>(url, anonKey, {
					global: { fetch },
					// The same cookie options as the server's, also when this client refreshes the session.
					cookies: {
						getAll: () =>
							parseCookieHeader(document.cookie).map(({ name, value }) => ({
								name,
								value: value ?? ''
							})),
						setAll: (cookies) => {
							const https = location.protocol === 'https:';
							for (const { name, value, options } of cookies) {
								document.cookie = serializeCookieHeader(
									name,
									value,
									sessionCookieOptions(options, https)
								);
							}
						}
					}
				});
			})()
		: null;
	return { ...data, supabase };
};
