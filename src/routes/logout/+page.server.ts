import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (the header's form); a GET only goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals }) => {
		const { error } = await locals.supabase.auth.signOut();
		// The local session cookies are cleared even when the Auth server cannot be reached, so the
		// person is signed out of this browser either way; the failure only goes to the log.
		if (error) console.error('signOut failed:', error);
		redirect(303, '/');
	}
};
