import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import {
	callerMembership,
	homeRegion,
	loadArticulation,
	loadRegionAgreements,
	NATIONAL
} from '$lib/server/agreements';
import { listRegions } from '$lib/server/territory';
import { todayInChile } from '$lib/server/tiles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:agreements');
	const [regions, membership] = await Promise.all([
		listRegions(locals.supabase, locals.lang),
		callerMembership(locals.supabase, locals.user, locals.lang)
	]);
	const region = url.searchParams.get('region') ?? homeRegion(membership, regions);
	if (region === NATIONAL) error(404, translate(locals.lang, 'region.notFound', { code: region }));
	const loaded = await loadRegionAgreements(locals.supabase, region, locals.lang);
	const regionRow = loaded.region;
	// Requirement 1.2 per region: the region's own agreements (docs/DATA.md, "Articulation").
	const agreements = loaded.agreements.filter((a) => a.region_code === region);
	const articulation = await loadArticulation(
		locals.supabase,
		region,
		agreements.map((a) => a.id),
		locals.lang
	);
	return { regions, region: regionRow, agreements, ...articulation, today: todayInChile() };
};
