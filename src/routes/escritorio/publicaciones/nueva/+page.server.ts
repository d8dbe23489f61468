import { loadComposeOptions } from '$lib/server/publications';
import { deskMembership, saveFromForm } from '$lib/server/publication-desk';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { membership } = await parent();
	const options = await loadComposeOptions(locals.supabase, membership.region_code, locals.lang);
	// The flows desk links here to deliver a period: ?flujo=<id>&periodo=YYYY-MM-DD.
	const flow = url.searchParams.get('flujo') ?? '';
	const period = url.searchParams.get('periodo') ?? '';
	const flowId = options.flows.some((f) => String(f.id) === flow) ? flow : '';
	return {
		...options,
		defaults: {
			flow_id: flowId,
			due_on: flowId && /^\d{4}-\d{2}-\d{2}$/.test(period) ? period : ''
		}
	};
};

export const actions: Actions = {
	save: async (event) => {
		const membership = await deskMembership(event);
		return saveFromForm(event, membership.region_code, null);
	}
};
