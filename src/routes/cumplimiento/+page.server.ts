import { addDays, loadPeriods, requireRole } from '$lib/server/flows';
import { listRegions } from '$lib/server/territory';
import { todayInChile } from '$lib/server/tiles';
import type { PageServerLoad } from './$types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The window judged: `desde`/`hasta` when valid, else the twelve months up to today. */
function window(url: URL, today: string): { from: string; until: string } {
	const from = url.searchParams.get('desde') ?? '';
	const until = url.searchParams.get('hasta') ?? '';
	const defaultFrom = `${addDays(today, -365).slice(0, 7)}-01`;
	return {
		from: DAY.test(from) ? from : defaultFrom,
		// Periods not yet due are not judged: the window stops today.
		until: DAY.test(until) && until < today ? until : today
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const membership = await requireRole(locals, url, ['secretariat', 'gore', 'admin', 'planner']);
	const today = todayInChile();
	const { from, until } = window(url, today);
	const national = membership.role === 'admin' || membership.role === 'planner';
	const asked = url.searchParams.get('region') ?? '';
	const region = national ? (/^\d{2}$/.test(asked) ? asked : null) : membership.region_code;
	const [periods, regions] = await Promise.all([
		loadPeriods(locals.supabase, from, until, region, locals.lang),
		listRegions(locals.supabase, locals.lang)
	]);
	return { periods, regions, region, national, from, until };
};
