import { filterFromSearchParams } from '$lib/filters/url';
import { listAgreements } from '$lib/server/commitments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:agreements');
	const { filter, notices } = filterFromSearchParams(url.searchParams);
	return { filter, notices, agreements: await listAgreements(locals.supabase, filter, locals.lang) };
};
