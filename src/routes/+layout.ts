import type { LayoutLoad } from './$types';

// Server-side reads go through locals.supabase (hooks.server.ts); the browser client is loaded on
// demand by the layout component (src/lib/supabase-browser.ts), off the first-paint path.
export const load: LayoutLoad = ({ data, depends }) => {
	depends('supabase:auth');
	return data;
};
