import { error, fail, redirect } from '@sveltejs/kit';
import { describeDataError } from '$lib/errors';
import { fieldErrors } from '$lib/flows/forms';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import { councilSessionSchema, parseSessionId } from '$lib/pmg/council-sessions';
import { renderMarkdown } from '$lib/publications/render';
import {
	deleteCouncilSession,
	listCouncilSessions,
	recordCouncilSession,
	updateCouncilSession
} from '$lib/server/council-sessions';
import { loadCaller, partOf, type Caller } from '$lib/server/pmg';
import { listRegions } from '$lib/server/territory';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The sessions of a region's Consejo Regional MOP: its secretariat records them (admins for any
// region), its GORE reads them. The database decides all the same (council_sessions' RLS).

const READERS = ['secretariat', 'gore', 'admin'];

async function callerOf({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): Promise<Caller> {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const caller = await loadCaller(locals.supabase, locals.user.id, locals.lang);
	if (!caller.role || !READERS.includes(caller.role))
		error(403, translate(locals.lang, 'council.forbidden'));
	return caller;
}

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:council_sessions');
	const caller = await callerOf({ locals, url });
	const regionCode = partOf(caller, url.searchParams.get('region'));
	const [regions, sessions] = await Promise.all([
		listRegions(locals.supabase, locals.lang),
		regionCode ? listCouncilSessions(locals.supabase, regionCode, locals.lang) : Promise.resolve([])
	]);
	const editingId = parseSessionId(url.searchParams.get('editar'));
	return {
		regionCode,
		regions,
		canChooseRegion: caller.role === 'admin',
		canWrite: caller.role === 'admin' || caller.role === 'secretariat',
		sessions: sessions.map((session) => ({ ...session, html: renderMarkdown(session.notes) })),
		editing: sessions.find((session) => session.id === editingId) ?? null
	};
};

function formValues(form: FormData) {
	return {
		held_on: formText(form, 'held_on') ?? '',
		kind: formText(form, 'kind') ?? '',
		place: formText(form, 'place') ?? '',
		notes: formText(form, 'notes') ?? ''
	};
}

export const actions: Actions = {
	save: async (event) => {
		const { locals, request, url } = event;
		const caller = await callerOf(event);
		const regionCode = partOf(caller, url.searchParams.get('region'));
		const form = await readForm(request, locals.lang);
		const values = formValues(form);
		const id = parseSessionId(formText(form, 'id') ?? null);
		const parsed = councilSessionSchema.safeParse(values);
		if (!parsed.success) {
			const errors = Object.fromEntries(
				Object.entries(fieldErrors(parsed.error)).map(([field, key]) => [
					field,
					translate(locals.lang, key)
				])
			);
			return fail(400, { values, id, errors, message: null, saved: null });
		}
		if (!id && !regionCode) {
			return fail(400, {
				values,
				id,
				errors: {},
				message: translate(locals.lang, 'council.chooseRegionFirst'),
				saved: null
			});
		}
		const result = id
			? await updateCouncilSession(locals.supabase, id, parsed.data)
			: await recordCouncilSession(locals.supabase, regionCode!, parsed.data);
		if (result.error) {
			const described = describeDataError(result.error, result.status);
			return fail(described.status, {
				values,
				id,
				errors: {},
				message: translate(locals.lang, described.key),
				saved: null
			});
		}
		if (id && result.count === 0) {
			return fail(404, {
				values,
				id,
				errors: {},
				message: translate(locals.lang, 'council.notFound'),
				saved: null
			});
		}
		return { values: null, id: null, errors: {}, message: null, saved: parsed.data.held_on };
	},
	remove: async (event) => {
		const { locals, request } = event;
		await callerOf(event);
		const form = await readForm(request, locals.lang);
		const id = parseSessionId(formText(form, 'id') ?? null);
		const notFound = {
			values: null,
			id: null,
			errors: {},
			message: translate(locals.lang, 'council.notFound'),
			saved: null
		};
		if (!id) return fail(404, notFound);
		const result = await deleteCouncilSession(locals.supabase, id);
		if (result.error) {
			const described = describeDataError(result.error, result.status);
			return fail(described.status, { ...notFound, message: translate(locals.lang, described.key) });
		}
		if (result.count === 0) return fail(404, notFound);
		return { values: null, id: null, errors: {}, message: null, saved: null };
	}
};
