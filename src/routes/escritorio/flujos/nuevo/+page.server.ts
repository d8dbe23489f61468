import { saveFlowAction } from '$lib/server/flow-actions';
import { loadFlowChoices, requireRole } from '$lib/server/flows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const membership = await requireRole(locals, url, ['secretariat', 'admin']);
	return { choices: await loadFlowChoices(locals.supabase, membership.region_code, locals.lang) };
};

export const actions: Actions = {
	save: (event) => saveFlowAction(event, null)
};
