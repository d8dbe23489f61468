import { filterFromSearchParams } from '$lib/filters/url';
import { callerMembership } from '$lib/server/agreements';
import { listAgreements } from '$lib/server/commitments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:agreements');
	const { filter, notices } = filterFromSearchParams(url.searchParams);
	const [agreements, membership] = await Promise.all([
		listAgreements(locals.supabase, filter, locals.lang),
		callerMembership(locals.supabase, locals.user, locals.lang)
	]);
	const writes = membership?.role === 'admin' || membership?.role === 'secretariat';
	return { filter, notices, agreements, writes };
};
