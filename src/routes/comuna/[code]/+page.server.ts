import { loadCommune } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('supabase:db:communes', 'supabase:db:provinces', 'supabase:db:regions');
	return loadCommune(locals.supabase, params.code, locals.lang);
};
