import { loadMembership } from '$lib/server/flows';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
	depends('supabase:auth');
	// The role only chooses which working pages the menu offers; the database decides access.
	const membership = locals.user
		? await loadMembership(locals.supabase, locals.user.id, locals.lang)
		: null;
	// Only what the page shows: tokens stay in their cookies, not in the HTML payload.
	return {
		lang: locals.lang,
		user: locals.user ? { id: locals.user.id, email: locals.user.email ?? null } : null,
		role: membership?.role ?? null
	};
};
