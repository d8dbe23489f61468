import { env } from '$env/dynamic/public';
import type { SupabaseClient } from '@supabase/supabase-js';
import { sessionCookieOptions } from '$lib/auth/session-cookie';
import type { Database } from '$lib/database.types';
import { readSupabaseEnv } from '$lib/supabase-env';

// The browser's Supabase client, for what only the browser can do (follow auth changes across
// tabs; realtime later). Loaded on demand: supabase-js with its auth and realtime clients is half of
// a page's JavaScript, and no page needs it to render — server reads go through locals.supabase.
let client: Promise<SupabaseClient<Database>> | null = null;

export function browserSupabase(): Promise<SupabaseClient<Database>> {
	client ??= import('@supabase/ssr').then(
		({ createBrowserClient, parseCookieHeader, serializeCookieHeader }) => {
			const { url, anonKey } = readSupabaseEnv(env);
			return createBrowserClient<Database>(url, anonKey, {
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
		}
	);
	return client;
}
