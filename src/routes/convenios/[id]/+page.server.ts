import { fail } from '@sveltejs/kit';
import { commitmentSchema, progressSchema, translatedFieldErrors } from '$lib/agreements/form-schemas';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import {
	loadFormOptions,
	callerMembership,
	deleteCommitment,
	parseId,
	saveCommitment,
	writeFailure,
	writesAgreementsOf
} from '$lib/server/agreements';
import { loadAgreement, loadProgressNotes } from '$lib/server/commitments';
import { projectChoices } from '$lib/server/project-search';
import { todayInChile } from '$lib/server/tiles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('supabase:db:agreements', 'supabase:db:commitments');
	const [agreement, membership] = await Promise.all([
		loadAgreement(locals.supabase, params.id, locals.lang),
		callerMembership(locals.supabase, locals.user, locals.lang)
	]);
	const canWrite = writesAgreementsOf(membership, agreement.agreement.region_code);
	const linked = [
		...new Set(agreement.commitments.flatMap((c) => c.commitment_projects.map((l) => l.project_id)))
	];
	const [options, notes, projects] = await Promise.all([
		canWrite ? loadFormOptions(locals.supabase, agreement.agreement.region_code, locals.lang) : null,
		loadProgressNotes(
			locals.supabase,
			agreement.commitments.map((c) => c.id),
			locals.user !== null,
			locals.lang
		),
		projectChoices(locals.supabase, linked, locals.lang)
	]);
	return {
		...agreement,
		canWrite,
		options,
		notes,
		projectLabels: Object.fromEntries(projects.map((p) => [p.id, p.label])),
		today: todayInChile()
	};
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
			projects: form.getAll('projects').filter((p): p is string => typeof p === 'string')
		};
		const id = parseId(formText(form, 'id'));
		const parsed = commitmentSchema.safeParse(values);
		// What the picker shows again when the post fails: the chosen projects with their labels.
		const shown = async () => ({
			...values,
			projects: await projectChoices(
				locals.supabase,
				parsed.success
					? parsed.data.projects
					: values.projects.flatMap((p) => (/^\d{1,15}$/.test(p) ? [Number(p)] : [])),
				locals.lang
			)
		});
		if (!parsed.success)
			return fail(400, {
				action: 'commitment',
				id,
				values: await shown(),
				errors: translatedFieldErrors(parsed.error, locals.lang),
				message: translate(locals.lang, 'workspace.error.form')
			});
		const saved = await saveCommitment(locals.supabase, Number(params.id), id, parsed.data);
		if (saved.error) {
			const failure = writeFailure(saved.error, saved.status, locals.lang, await shown());
			return fail(failure.status, { action: 'commitment', id, ...failure.data });
		}
		return { action: 'commitment', id, saved: saved.data };
	},

	/** Deletes a commitment without reported progress (the audit trail keeps the row). */
	delete: async ({ request, locals, params }) => {
		const form = await readForm(request, locals.lang);
		const id = parseId(formText(form, 'id'));
		const agreementId = parseId(params.id);
		if (id === null || agreementId === null)
			return fail(400, {
				action: 'delete',
				id,
				message: translate(locals.lang, 'workspace.error.form')
			});
		const deleted = await deleteCommitment(locals.supabase, agreementId, id);
		if (deleted.error) {
			const failure = writeFailure(deleted.error, deleted.status, locals.lang, {});
			return fail(failure.status, { action: 'delete', id, message: failure.data.message });
		}
		if (!deleted.data)
			return fail(403, {
				action: 'delete',
				id,
				message: translate(locals.lang, 'workspace.deleteForbidden')
			});
		return { action: 'delete', id, deleted: deleted.data.title };
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
