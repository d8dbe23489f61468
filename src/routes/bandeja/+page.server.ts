import { fail } from '@sveltejs/kit';
import { describeDataError } from '$lib/errors';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import { loadInbox, requireRole } from '$lib/server/flows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:acknowledgements');
	const membership = await requireRole(locals, url, ['gore']);
	const institution = membership.institution_id
		? await locals.supabase
				.from('institutions')
				.select('name')
				.eq('id', membership.institution_id)
				.maybeSingle()
		: null;
	return {
		institution: institution?.data?.name ?? null,
		items: await loadInbox(locals.supabase, locals.lang)
	};
};

export const actions: Actions = {
	// One click: the receipt is the institution's, recorded in the person's name at the database's time.
	acknowledge: async ({ request, locals, url }) => {
		const membership = await requireRole(locals, url, ['gore']);
		const form = await readForm(request, locals.lang);
		const publicationId = Number(formText(form, 'publication_id'));
		if (!Number.isSafeInteger(publicationId) || !membership.institution_id)
			return fail(400, { message: translate(locals.lang, 'flows.form.invalid') });
		const result = await locals.supabase
			.from('acknowledgements')
			.insert({ publication_id: publicationId, institution_id: membership.institution_id });
		// Acknowledging twice (another tab, a colleague) is not an error for the person.
		if (result.error && result.error.code !== '23505') {
			const described = describeDataError(result.error, result.status);
			return fail(described.status, { message: translate(locals.lang, described.key) });
		}
		return { message: null };
	}
};
