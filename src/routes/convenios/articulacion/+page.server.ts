import { loadArticulation, loadRegionAgreements } from '$lib/server/agreements';
import { listRegions } from '$lib/server/territory';
import { todayInChile } from '$lib/server/tiles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:agreements');
	const regions = await listRegions(locals.supabase, locals.lang);
	const region = url.searchParams.get('region') ?? regions[0]?.code ?? '';
	const { region: regionRow, agreements } = await loadRegionAgreements(
		locals.supabase,
		region,
		locals.lang
	);
	const articulation = await loadArticulation(
		locals.supabase,
		region,
		agreements.map((a) => a.id),
		locals.lang
	);
	return { regions, region: regionRow, agreements, ...articulation, today: todayInChile() };
};
