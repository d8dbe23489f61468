import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, depends }) => {
	depends('supabase:auth');
	// Only what the page shows: tokens stay in their cookies, not in the HTML payload.
	return {
		lang: locals.lang,
		user: locals.user ? { id: locals.user.id, email: locals.user.email ?? null } : null
	};
};
