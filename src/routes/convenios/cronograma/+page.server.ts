import { callerMembership, homeRegion, loadRegionAgreements } from '$lib/server/agreements';
import { listRegions } from '$lib/server/territory';
import { todayInChile } from '$lib/server/tiles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:agreements', 'supabase:db:commitments');
	const [regions, membership] = await Promise.all([
		listRegions(locals.supabase, locals.lang),
		callerMembership(locals.supabase, locals.user, locals.lang)
	]);
	const region = url.searchParams.get('region') ?? homeRegion(membership, regions);
	return {
		regions,
		...(await loadRegionAgreements(locals.supabase, region, locals.lang)),
		today: todayInChile()
	};
};
