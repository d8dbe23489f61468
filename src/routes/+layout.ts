import { loadLanguage } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// Server-side reads go through locals.supabase (hooks.server.ts); the browser client is loaded on
// demand by the layout component (src/lib/supabase-browser.ts), off the first-paint path.
export const load: LayoutLoad = async ({ data, depends }) => {
	depends('supabase:auth');
	// In the browser only Spanish is bundled: another language's messages load before rendering.
	await loadLanguage(data.lang);
	return data;
};
