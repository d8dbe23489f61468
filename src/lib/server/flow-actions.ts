import { fail, redirect } from '@sveltejs/kit';
import { describeDataError } from '$lib/errors';
import { fieldErrors, flowFormFields, flowSchema } from '$lib/flows/forms';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import { requireRole, saveFlow } from './flows';

/** The save action of the flow form, for a new flow (`id` null) or an existing one. */
export async function saveFlowAction(
	{ request, locals, url }: { request: Request; locals: App.Locals; url: URL },
	id: number | null
) {
	const membership = await requireRole(locals, url, ['secretariat', 'admin']);
	const form = await readForm(request, locals.lang);
	const values = flowFormFields(form);
	const parsed = flowSchema.safeParse(values);
	if (!parsed.success) {
		const errors = Object.fromEntries(
			Object.entries(fieldErrors(parsed.error)).map(([field, key]) => [
				field,
				translate(locals.lang, key)
			])
		);
		return fail(400, { values, errors, message: null });
	}
	const { failure } = await saveFlow(locals.supabase, membership.region_code, parsed.data, id);
	if (failure?.error) {
		const described = describeDataError(failure.error, failure.status);
		if (described.status >= 500) console.error('saveFlow failed:', failure.error);
		return fail(described.status, { values, errors: {}, message: translate(locals.lang, described.key) });
	}
	redirect(303, '/escritorio');
}
