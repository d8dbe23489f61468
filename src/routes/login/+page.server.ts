import { fail, redirect } from '@sveltejs/kit';
import { loginFieldErrors, loginSchema } from '$lib/auth/login-schema';
import { safeRedirectPath } from '$lib/auth/redirect';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { describeSignInError } from '$lib/errors';
import { translate } from '$lib/i18n';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, url, locals }) => {
		const form = await readForm(request, locals.lang);
		const email = formText(form, 'email') ?? '';
		const parsed = loginSchema.safeParse({
			email: form.get('email') ?? undefined,
			password: form.get('password') ?? undefined
		});

		if (!parsed.success) {
			const errors = Object.fromEntries(
				Object.entries(loginFieldErrors(parsed.error)).map(([field, key]) => [
					field,
					translate(locals.lang, key)
				])
			);
			// The password is never sent back to the page.
			return fail(400, { email, errors, message: null });
		}

		const { error } = await locals.supabase.auth.signInWithPassword(parsed.data);
		if (error) {
			const failure = describeSignInError(error);
			if (failure.key === 'login.unexpected') console.error('signInWithPassword failed:', error);
			return fail(failure.status, {
				email: parsed.data.email,
				errors: {},
				message: translate(locals.lang, failure.key)
			});
		}

		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	}
};
