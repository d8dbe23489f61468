import { filterFromSearchParams } from '$lib/filters/url';
import { callerMembership } from '$lib/server/agreements';
import { listAgreements } from '$lib/server/commitments';
import { listRegions } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:agreements');
	const { filter, notices } = filterFromSearchParams(url.searchParams);
	const page = Math.max(0, Math.min(10_000, Number(url.searchParams.get('pagina') ?? 1) - 1 || 0));
	const [agreements, membership, regions] = await Promise.all([
		listAgreements(locals.supabase, filter, page, locals.lang),
		callerMembership(locals.supabase, locals.user, locals.lang),
		listRegions(locals.supabase, locals.lang)
	]);
	const writes = membership?.role === 'admin' || membership?.role === 'secretariat';
	return { filter, notices, agreements, regions, writes };
};
