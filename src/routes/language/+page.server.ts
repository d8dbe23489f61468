import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/auth/redirect';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { isLanguage, LANGUAGE_COOKIE } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

// Nothing to show here: the route only takes the language form.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await readForm(request, locals.lang);
		const lang = form.get('lang');
		if (isLanguage(lang)) {
			cookies.set(LANGUAGE_COOKIE, lang, {
				path: '/',
				maxAge: 60 * 60 * 24 * 365,
				sameSite: 'lax',
				httpOnly: true
			});
		}
		redirect(303, safeRedirectPath(formText(form, 'redirectTo')));
	}
};
