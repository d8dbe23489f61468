import { browser } from '$app/environment';
import { env } from '$env/dynamic/public';
import { createBrowserClient } from '@supabase/ssr';
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
				return createBrowserClient<Database>(url, anonKey, { global: { fetch } });
			})()
		: null;
	return { ...data, supabase };
};
