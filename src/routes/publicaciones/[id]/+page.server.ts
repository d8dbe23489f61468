import { loadPublicPublication } from '$lib/server/publications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('supabase:db:publications');
	return loadPublicPublication(locals.supabase, params.id, locals.lang);
};
