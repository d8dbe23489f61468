import { filterFromSearchParams } from '$lib/filters/url';
import { loadMembership } from '$lib/server/agreements';
import { listAgreements } from '$lib/server/commitments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:agreements');
	const { filter, notices } = filterFromSearchParams(url.searchParams);
	const [agreements, membership] = await Promise.all([
		listAgreements(locals.supabase, filter, locals.lang),
		loadMembership(locals.supabase, locals.user)
	]);
	const writes = membership?.role === 'admin' || membership?.role === 'secretariat';
	return { filter, notices, agreements, writes };
};
