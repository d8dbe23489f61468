import { redirect } from '@sveltejs/kit';
import { parseChangesRange } from '$lib/pmg/changes';
import { loadChanges } from '$lib/server/changes';
import { loadCaller } from '$lib/server/pmg';
import { listRegions } from '$lib/server/territory';
import { todayInChile } from '$lib/server/tiles';
import { isCommuneCode, isRegionCode } from '$lib/territory/order';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:audit_log');
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const caller = await loadCaller(locals.supabase, locals.user.id, locals.lang);
	const range = parseChangesRange(url.searchParams, todayInChile());
	const requestedRegion = url.searchParams.get('region');
	// A regional role starts on its region; anyone may look at another (RLS decides what it reads).
	const regionCode =
		requestedRegion === null ? caller.regionCode : isRegionCode(requestedRegion) ? requestedRegion : null;
	const requestedCommune = url.searchParams.get('comuna') ?? '';
	const communeCode =
		regionCode && isCommuneCode(requestedCommune) && requestedCommune.startsWith(regionCode)
			? requestedCommune
			: null;
	const [regions, communes, changes] = await Promise.all([
		listRegions(locals.supabase, locals.lang),
		regionCode
			? locals.supabase.from('communes').select('code,name').eq('region_code', regionCode).order('name')
			: Promise.resolve(null),
		range
			? loadChanges(locals.supabase, range, { regionCode, communeCode }, locals.lang)
			: Promise.resolve(null)
	]);
	return {
		range,
		requested: { from: url.searchParams.get('desde') ?? '', to: url.searchParams.get('hasta') ?? '' },
		regionCode,
		communeCode,
		regions,
		communes: communes?.data ?? [],
		changes
	};
};
