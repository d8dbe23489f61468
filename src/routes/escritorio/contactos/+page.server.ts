import { fail } from '@sveltejs/kit';
import { describeDataError } from '$lib/errors';
import { contactSchema, fieldErrors } from '$lib/flows/forms';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import { loadContacts, loadFlowChoices, requireRole } from '$lib/server/flows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:contacts');
	const membership = await requireRole(locals, url, ['secretariat', 'admin']);
	const [contacts, choices] = await Promise.all([
		loadContacts(locals.supabase, membership.region_code, locals.lang),
		loadFlowChoices(locals.supabase, membership.region_code, locals.lang)
	]);
	return { contacts, institutions: choices.recipients };
};

export const actions: Actions = {
	add: async ({ request, locals, url }) => {
		await requireRole(locals, url, ['secretariat', 'admin']);
		const form = await readForm(request, locals.lang);
		const values = {
			institution_id: formText(form, 'institution_id'),
			name: formText(form, 'name'),
			email: formText(form, 'email')
		};
		const parsed = contactSchema.safeParse(values);
		if (!parsed.success) {
			const errors = Object.fromEntries(
				Object.entries(fieldErrors(parsed.error)).map(([f, key]) => [f, translate(locals.lang, key)])
			);
			return fail(400, { values, errors, message: null });
		}
		const result = await locals.supabase.from('contacts').insert(parsed.data);
		if (result.error) {
			const described = describeDataError(result.error, result.status);
			return fail(described.status, {
				values,
				errors: {},
				message: translate(locals.lang, described.key)
			});
		}
		return { values: null, errors: {}, message: null };
	},
	remove: async ({ request, locals, url }) => {
		await requireRole(locals, url, ['secretariat', 'admin']);
		const form = await readForm(request, locals.lang);
		const id = Number(formText(form, 'id'));
		const result = await locals.supabase.from('contacts').delete().eq('id', id);
		if (result.error) {
			const described = describeDataError(result.error, result.status);
			return fail(described.status, {
				values: null,
				errors: {},
				message: translate(locals.lang, described.key)
			});
		}
		return { values: null, errors: {}, message: null };
	}
};
