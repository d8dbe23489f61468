import { loadRegion } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('supabase:db:regions', 'supabase:db:provinces', 'supabase:db:communes');
	return loadRegion(locals.supabase, params.code, locals.lang);
};
