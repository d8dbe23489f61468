import { loadRegionAgreements } from '$lib/server/agreements';
import { listRegions } from '$lib/server/territory';
import { todayInChile } from '$lib/server/tiles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:agreements', 'supabase:db:commitments');
	const regions = await listRegions(locals.supabase, locals.lang);
	const region = url.searchParams.get('region') ?? regions[0]?.code ?? '';
	return {
		regions,
		...(await loadRegionAgreements(locals.supabase, region, locals.lang)),
		today: todayInChile()
	};
};
