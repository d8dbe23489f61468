import { agreementAction } from '$lib/server/agreement-actions';
import { loadFormOptions, callerMembership, requireWriter } from '$lib/server/agreements';
import { listRegions } from '$lib/server/territory';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const membership = requireWriter(
		await callerMembership(locals.supabase, locals.user, locals.lang),
		locals.lang
	);
	const isAdmin = membership.role === 'admin';
	// An administrator picks the region first (`?region=08`, empty for national); the form offers its bodies.
	const region = isAdmin ? url.searchParams.get('region') || null : membership.region_code;
	const [options, regions] = await Promise.all([
		loadFormOptions(locals.supabase, region, locals.lang),
		isAdmin ? listRegions(locals.supabase, locals.lang) : Promise.resolve(undefined)
	]);
	return {
		...options,
		regions,
		values: {
			kind: 'working_group',
			title: '',
			problem: '',
			signed_on: '',
			ends_on: '',
			region_code: region ?? '',
			parties: [],
			communes: []
		}
	};
};

export const actions: Actions = {
	default: (event) => agreementAction(event, null)
};
