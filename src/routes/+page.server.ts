import { listRegions } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, depends }) => {
	depends('supabase:db:regions');
	return { regions: await listRegions(locals.supabase, locals.lang) };
};
