import { redirect } from '@sveltejs/kit';
import { parseChangesRange, type ChangesRange } from '$lib/pmg/changes';
import { parseSessionId, rangeBetweenSessions, type SessionsRange } from '$lib/pmg/council-sessions';
import { loadChanges } from '$lib/server/changes';
import { councilSessionsById, listCouncilSessions } from '$lib/server/council-sessions';
import { loadCaller } from '$lib/server/pmg';
import { listRegions } from '$lib/server/territory';
import { todayInChile } from '$lib/server/tiles';
import { isCommuneCode, isRegionCode } from '$lib/territory/order';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:audit_log');
	depends('supabase:db:council_sessions');
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const caller = await loadCaller(locals.supabase, locals.user.id, locals.lang);
	const requestedRegion = url.searchParams.get('region');
	// A regional role starts on its region; anyone may look at another (RLS decides what it reads).
	let regionCode =
		requestedRegion === null ? caller.regionCode : isRegionCode(requestedRegion) ? requestedRegion : null;
	// Two recorded sessions of a Regional Council stand for their dates and their region; a session
	// the caller may not read is as unknown as one that does not exist.
	let bySessions: SessionsRange | null = null;
	let range: ChangesRange | null;
	if (url.searchParams.has('desde_sesion') || url.searchParams.has('hasta_sesion')) {
		const fromId = parseSessionId(url.searchParams.get('desde_sesion'));
		const toId = parseSessionId(url.searchParams.get('hasta_sesion'));
		const ids = [fromId, toId].filter((id): id is number => id !== null);
		const found = await councilSessionsById(locals.supabase, ids, locals.lang);
		bySessions = rangeBetweenSessions(
			(fromId && found.get(fromId)) || null,
			(toId && found.get(toId)) || null
		);
		range = bySessions.ok ? bySessions.range : null;
		if (bySessions.ok) regionCode = bySessions.regionCode;
	} else {
		range = parseChangesRange(url.searchParams, todayInChile());
	}
	const requestedCommune = url.searchParams.get('comuna') ?? '';
	const communeCode =
		regionCode && isCommuneCode(requestedCommune) && requestedCommune.startsWith(regionCode)
			? requestedCommune
			: null;
	const [regions, communes, sessions, changes] = await Promise.all([
		listRegions(locals.supabase, locals.lang),
		regionCode
			? locals.supabase.from('communes').select('code,name').eq('region_code', regionCode).order('name')
			: Promise.resolve(null),
		regionCode ? listCouncilSessions(locals.supabase, regionCode, locals.lang) : Promise.resolve([]),
		range
			? loadChanges(locals.supabase, range, { regionCode, communeCode }, locals.lang)
			: Promise.resolve(null)
	]);
	return {
		range,
		requested: { from: url.searchParams.get('desde') ?? '', to: url.searchParams.get('hasta') ?? '' },
		between: bySessions?.ok ? { from: bySessions.from, to: bySessions.to } : null,
		sessionProblem: bySessions && !bySessions.ok ? bySessions.reason : null,
		sessions,
		regionCode,
		communeCode,
		regions,
		communes: communes?.data ?? [],
		changes
	};
};
