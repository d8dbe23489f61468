import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { describeDataError, violatedConstraint } from '$lib/errors';
import { readForm } from '$lib/forms/read-form';
import { translate, type MessageKey } from '$lib/i18n';
import { es } from '$lib/i18n/es';
import {
	chileLocalToIso,
	composeErrors,
	composeInput,
	composeSchema,
	statusFor
} from '$lib/publications/compose';
import type { Database } from '$lib/database.types';
import { loadMembership, savePublication } from './publications';

type Status = Database['public']['Enums']['publication_status'];

/**
 * Who may use the desk: a signed-in secretariat or administrator (anyone else is sent to sign in,
 * or refused). Form actions do not run the layout's load, so every action calls this too. It only
 * decides what to show; every read and write still goes through RLS as the signed-in user.
 */
export async function deskMembership(event: RequestEvent) {
	const { locals, url } = event;
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const membership = await loadMembership(locals.supabase, locals.user.id, locals.lang);
	if (!membership || (membership.role !== 'secretariat' && membership.role !== 'admin'))
		error(403, translate(locals.lang, 'desk.notAllowed'));
	return membership;
}

/** Which field a violated constraint is about, so its message sits next to that field. */
const CONSTRAINT_FIELDS: Record<string, string> = {
	publications_title_not_blank: 'title',
	publications_scheduled_in_future: 'scheduled_at',
	publications_flow_in_region: 'flow_id',
	publications_one_delivery_per_period: 'due_on',
	publications_due_on_with_flow_only: 'due_on',
	publication_communes_in_region: 'communes'
};

/**
 * The compose form's save action, for a new publication (`current` null) or an existing one: the
 * post is validated, saved through save_publication in one transaction as the signed-in user, and
 * answered with a redirect to the saved publication, or with the errors next to their fields. A
 * conflict (someone saved in between) is answered as such; the author's text stays in the form.
 */
export async function saveFromForm(
	event: RequestEvent,
	region: string | null,
	current: { id: number; status: Status } | null
) {
	const { locals, request } = event;
	const lang = locals.lang;
	const form = await readForm(request, lang);
	const parsed = composeSchema.safeParse(composeInput(form));
	if (!parsed.success) {
		const errors = Object.fromEntries(
			Object.entries(composeErrors(parsed.error)).map(([field, key]) => [field, translate(lang, key)])
		);
		return fail(400, { errors, message: null, conflict: false });
	}
	const values = parsed.data;
	const status = statusFor(values.intent, current?.status ?? null);
	// supabase-js types every argument as required; an absent one must be sent as null (an
	// undefined key is dropped from the JSON and PostgREST then finds no matching function).
	const none = null as unknown as string;
	const result = await savePublication(locals.supabase, {
		p_id: current?.id ?? (null as unknown as number),
		p_expected_updated_at: values.expected_updated_at || none,
		p_region_code: region ?? none,
		p_title: values.title,
		p_summary: values.summary || none,
		p_body_md: values.body_md || none,
		p_kind: values.kind,
		p_status: status,
		p_scheduled_at: values.scheduled_at ? chileLocalToIso(values.scheduled_at) : none,
		p_flow_id: values.flow_id ?? (null as unknown as number),
		p_due_on: values.flow_id !== null && values.due_on ? values.due_on : none,
		p_communes: values.communes,
		p_projects: values.projects,
		p_commitments: values.commitments
	});
	if (result.error) {
		const constraint = violatedConstraint(result.error);
		if (constraint === 'publications_edit_conflict')
			return fail(409, { errors: {}, message: null, conflict: true });
		const key = `constraint.${constraint}`;
		const message =
			constraint && key in es
				? translate(lang, key as MessageKey)
				: translate(lang, describeDataError(result.error, result.status).key);
		if (!constraint || !(key in es)) console.error('save_publication failed:', result.error);
		const field = constraint ? CONSTRAINT_FIELDS[constraint] : undefined;
		return fail(result.status >= 400 && result.status < 500 ? result.status : 400, {
			errors: field ? { [field]: message } : {},
			message: field ? null : message,
			conflict: false
		});
	}
	redirect(303, `/escritorio/publicaciones/${result.data.id}`);
}
