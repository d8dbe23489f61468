import { error, fail, redirect } from '@sveltejs/kit';
import { describeDataError } from '$lib/errors';
import { translate } from '$lib/i18n';
import { saveFlowAction } from '$lib/server/flow-actions';
import { loadFlow, loadFlowChoices, requireRole } from '$lib/server/flows';
import type { Actions, PageServerLoad } from './$types';

function flowId(param: string, lang: App.Locals['lang']): number {
	const id = Number(param);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, translate(lang, 'error.notFound'));
	return id;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const membership = await requireRole(locals, url, ['secretariat', 'admin']);
	const id = flowId(params.id, locals.lang);
	const [flow, choices] = await Promise.all([
		loadFlow(locals.supabase, id, locals.lang),
		loadFlowChoices(locals.supabase, membership.region_code, locals.lang)
	]);
	return { flow, choices };
};

export const actions: Actions = {
	save: (event) => saveFlowAction(event, flowId(event.params.id, event.locals.lang)),
	delete: async ({ locals, url, params }) => {
		await requireRole(locals, url, ['secretariat', 'admin']);
		const result = await locals.supabase
			.from('information_flows')
			.delete()
			.eq('id', flowId(params.id, locals.lang))
			.select('id');
		if (result.error || !result.data?.length) {
			const described = result.error
				? describeDataError(result.error, result.status)
				: { status: 403, key: 'db.forbidden' as const };
			return fail(described.status, {
				values: null,
				errors: {},
				message: translate(locals.lang, described.key)
			});
		}
		redirect(303, '/escritorio');
	}
};
