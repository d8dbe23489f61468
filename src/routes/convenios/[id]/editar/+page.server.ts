import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { agreementAction } from '$lib/server/agreement-actions';
import {
	loadFormOptions,
	callerMembership,
	parseId,
	requireWriter,
	writesAgreementsOf
} from '$lib/server/agreements';
import { loadAgreement } from '$lib/server/commitments';
import { listRegions } from '$lib/server/territory';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const membership = requireWriter(
		await callerMembership(locals.supabase, locals.user, locals.lang),
		locals.lang
	);
	const { agreement, parties, coveredCommunes } = await loadAgreement(
		locals.supabase,
		params.id,
		locals.lang
	);
	if (!writesAgreementsOf(membership, agreement.region_code))
		error(403, translate(locals.lang, 'workspace.forbidden'));
	const [options, regions] = await Promise.all([
		loadFormOptions(locals.supabase, agreement.region_code, locals.lang),
		membership.role === 'admin' ? listRegions(locals.supabase, locals.lang) : Promise.resolve(undefined)
	]);
	return {
		...options,
		regions,
		agreement,
		values: {
			kind: agreement.kind,
			title: agreement.title,
			problem: agreement.problem,
			signed_on: agreement.signed_on,
			ends_on: agreement.ends_on ?? '',
			region_code: agreement.region_code ?? '',
			parties: parties.flatMap((p) =>
				p.institution ? [{ institution_id: String(p.institution.id), role: p.role }] : []
			),
			communes: coveredCommunes.map((c) => c.code)
		}
	};
};

export const actions: Actions = {
	default: (event) => agreementAction(event, parseId(event.params.id))
};
