import { fail } from '@sveltejs/kit';
import { commitmentSchema, progressSchema, translatedFieldErrors } from '$lib/agreements/form-schemas';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import {
	loadFormOptions,
	callerMembership,
	parseId,
	saveCommitment,
	writeFailure,
	writesAgreementsOf
} from '$lib/server/agreements';
import { loadAgreement, loadProgressNotes } from '$lib/server/commitments';
import { todayInChile } from '$lib/server/tiles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('supabase:db:agreements', 'supabase:db:commitments');
	const [agreement, membership] = await Promise.all([
		loadAgreement(locals.supabase, params.id, locals.lang),
		callerMembership(locals.supabase, locals.user, locals.lang)
	]);
	const canWrite = writesAgreementsOf(membership, agreement.agreement.region_code);
	const [options, notes] = await Promise.all([
		canWrite ? loadFormOptions(locals.supabase, agreement.agreement.region_code, locals.lang) : null,
		loadProgressNotes(
			locals.supabase,
			agreement.commitments.map((c) => c.id),
			locals.user !== null,
			locals.lang
		)
	]);
	return { ...agreement, canWrite, options, notes, today: todayInChile() };
};

export const actions: Actions = {
	/** Adds a commitment (or edits one, with `id`). */
	commitment: async ({ request, locals, params }) => {
		const form = await readForm(request, locals.lang);
		const values = {
			title: formText(form, 'title') ?? '',
			responsible_institution_id: formText(form, 'responsible_institution_id') ?? '',
			theme_code: formText(form, 'theme_code') ?? '',
			due_on: formText(form, 'due_on') ?? '',
			estimated_cost_clp: formText(form, 'estimated_cost_clp') ?? '',
			communes: form.getAll('communes').filter((c): c is string => typeof c === 'string'),
			projects: formText(form, 'projects') ?? ''
		};
		const id = parseId(formText(form, 'id'));
		const parsed = commitmentSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				action: 'commitment',
				id,
				values,
				errors: translatedFieldErrors(parsed.error, locals.lang),
				message: translate(locals.lang, 'workspace.error.form')
			});
		const saved = await saveCommitment(locals.supabase, Number(params.id), id, parsed.data);
		if (saved.error) {
			const failure = writeFailure(saved.error, saved.status, locals.lang, values);
			return fail(failure.status, { action: 'commitment', id, ...failure.data });
		}
		return { action: 'commitment', id, saved: saved.data };
	},

	/** Records progress with its note (the history keeps every step). */
	progress: async ({ request, locals }) => {
		const form = await readForm(request, locals.lang);
		const id = parseId(formText(form, 'id'));
		const values = {
			progress: formText(form, 'progress') ?? '',
			status: formText(form, 'status') ?? '',
			note: formText(form, 'note') ?? ''
		};
		const parsed = progressSchema.safeParse(values);
		if (!parsed.success || id === null)
			return fail(400, {
				action: 'progress',
				id,
				values,
				errors: parsed.success ? {} : translatedFieldErrors(parsed.error, locals.lang),
				message: translate(locals.lang, 'workspace.error.form')
			});
		const saved = await locals.supabase.rpc('update_commitment_progress', {
			commitment_id: id,
			progress: parsed.data.progress,
			note: parsed.data.note as string,
			status: parsed.data.status
		});
		if (saved.error) {
			const failure = writeFailure(saved.error, saved.status, locals.lang, values);
			return fail(failure.status, { action: 'progress', id, ...failure.data });
		}
		return { action: 'progress', id, saved: id };
	}
};
