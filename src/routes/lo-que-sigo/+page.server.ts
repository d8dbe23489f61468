import { fail, redirect } from '@sveltejs/kit';
import { describeDataError } from '$lib/errors';
import { followSchema, frequencySchema } from '$lib/flows/follow-form';
import { safeRedirectPath } from '$lib/auth/redirect';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import { followRow, loadFollowing } from '$lib/server/follows';
import type { Actions, PageServerLoad } from './$types';

function signedIn(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
}

function refused(locals: App.Locals, error: { message?: string; code?: string }, status: number) {
	const described = describeDataError(error, status);
	return fail(described.status, { message: translate(locals.lang, described.key) });
}

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:follows');
	signedIn(locals, url);
	return loadFollowing(locals.supabase, locals.lang);
};

export const actions: Actions = {
	// Also posted from the follow buttons of project, agreement, comuna and region pages.
	follow: async ({ request, locals, url }) => {
		signedIn(locals, url);
		const form = await readForm(request, locals.lang);
		const parsed = followSchema.safeParse({
			kind: formText(form, 'kind'),
			target: formText(form, 'target')
		});
		if (!parsed.success) return fail(400, { message: translate(locals.lang, 'flows.form.invalid') });
		const result = await locals.supabase.from('follows').insert(followRow(parsed.data));
		// Following what one already follows is not an error for the person.
		if (result.error && result.error.code !== '23505')
			return refused(locals, result.error, result.status);
		const back = formText(form, 'redirectTo');
		if (back) redirect(303, safeRedirectPath(back));
		return { message: null };
	},
	unfollow: async ({ request, locals, url }) => {
		signedIn(locals, url);
		const form = await readForm(request, locals.lang);
		const result = await locals.supabase
			.from('follows')
			.delete()
			.eq('id', Number(formText(form, 'id')));
		if (result.error) return refused(locals, result.error, result.status);
		return { message: null };
	},
	frequency: async ({ request, locals, url }) => {
		signedIn(locals, url);
		const form = await readForm(request, locals.lang);
		const parsed = frequencySchema.safeParse(formText(form, 'frequency'));
		if (!parsed.success) return fail(400, { message: translate(locals.lang, 'flows.form.invalid') });
		const result = await locals.supabase
			.from('digest_settings')
			.upsert({ user_id: locals.user!.id, frequency: parsed.data }, { onConflict: 'user_id' });
		if (result.error) return refused(locals, result.error, result.status);
		return { message: null };
	}
};
