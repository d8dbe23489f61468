import { loadAgreement } from '$lib/server/commitments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('supabase:db:agreements', 'supabase:db:commitments');
	return loadAgreement(locals.supabase, params.id, locals.lang);
};
