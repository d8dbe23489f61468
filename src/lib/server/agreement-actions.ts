import type { SupabaseClient, User } from '@supabase/supabase-js';
import { fail, redirect } from '@sveltejs/kit';
import { agreementSchema, partyRows, translatedFieldErrors } from '$lib/agreements/form-schemas';
import type { Database } from '$lib/database.types';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate, type Language } from '$lib/i18n';
import { callerMembership, requireWriter, saveAgreement, writeFailure } from './agreements';

// The one action behind "new agreement" and "edit agreement": read, validate, save in one call,
// go to the agreement. A refusal comes back with what was typed and a sentence.

interface ActionContext {
	request: Request;
	locals: { supabase: SupabaseClient<Database>; user: User | null; lang: Language };
}

export async function agreementAction({ request, locals }: ActionContext, id: number | null) {
	const membership = requireWriter(
		await callerMembership(locals.supabase, locals.user, locals.lang),
		locals.lang
	);
	const form = await readForm(request, locals.lang);
	const values = {
		kind: formText(form, 'kind') ?? '',
		title: formText(form, 'title') ?? '',
		problem: formText(form, 'problem') ?? '',
		signed_on: formText(form, 'signed_on') ?? '',
		ends_on: formText(form, 'ends_on') ?? '',
		// The secretariat's agreements are its region's whatever the form says; RLS would refuse others.
		region_code:
			membership.role === 'admin'
				? (formText(form, 'region_code') ?? '')
				: (membership.region_code ?? ''),
		parties: partyRows(form),
		communes: form.getAll('communes').filter((c): c is string => typeof c === 'string')
	};
	const parsed = agreementSchema.safeParse(values);
	if (!parsed.success) {
		const errors = translatedFieldErrors(parsed.error, locals.lang);
		return fail(400, { values, errors, message: translate(locals.lang, 'workspace.error.form') });
	}
	const saved = await saveAgreement(locals.supabase, id, parsed.data);
	if (saved.error) return writeFailure(saved.error, saved.status, locals.lang, values);
	redirect(303, `/convenios/${saved.data}`);
}
