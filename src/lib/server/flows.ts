import type { SupabaseClient } from '@supabase/supabase-js';
import { error, redirect } from '@sveltejs/kit';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { FlowInput } from '$lib/flows/forms';
import { translate, type Language } from '$lib/i18n';
import { todayInChile } from './tiles';

// The information flows' desk, the recipients' inbox and compliance, read through the person's
// own client: RLS decides what each role sees and may write (docs/SECURITY.md); nothing here
// filters by role except to choose which page to show.

type Client = SupabaseClient<Database>;
type Role = Database['public']['Enums']['app_role'];

export interface Membership {
	role: Role;
	region_code: string | null;
	institution_id: number | null;
}

export async function loadMembership(supabase: Client, userId: string, lang: Language) {
	const result = await supabase
		.from('memberships')
		.select('role,region_code,institution_id')
		.eq('user_id', userId)
		.maybeSingle();
	failOnDataError(result, lang, 'loadMembership');
	return result.data;
}

/**
 * The page's guard: signed in (else to the sign-in page, back here after) and one of `roles`
 * (else 403). The database refuses the rest anyway; this only spares a page that would be empty.
 */
export async function requireRole(locals: App.Locals, url: URL, roles: readonly Role[]): Promise<Membership> {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const membership = await loadMembership(locals.supabase, locals.user.id, locals.lang);
	if (!membership || !roles.includes(membership.role))
		error(403, translate(locals.lang, 'flows.forbidden'));
	return membership;
}

/** `days` after (or before, negative) a calendar day. */
export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** How far back the desk looks for missing deliveries and unacknowledged receipts. */
export const DESK_LOOKBACK_DAYS = 365;
/** Deliveries due within this many days are flagged before they are late. */
export const DUE_SOON_DAYS = 7;

const FLOW_COLUMNS =
	'id,region_code,information,description,channel,periodicity,first_due_on,next_due_on,producer_institution_id,producer:institutions!information_flows_producer_institution_id_fkey(id,name),recipients:information_flow_recipients(institution:institutions(id,name,kind))';

export async function loadDesk(supabase: Client, region: string | null, lang: Language) {
	const today = todayInChile();
	let flows = supabase.from('information_flows').select(FLOW_COLUMNS).order('information');
	if (region) flows = flows.eq('region_code', region);
	let deliveries = supabase
		.from('flow_deliveries')
		.select(
			'publication_id,flow_id,region_code,title,due_on,published_at,recipients_expected,recipients_acknowledged'
		)
		.eq('delivered', true)
		.gte('published_at', `${addDays(today, -90)}T00:00:00Z`)
		.order('published_at', { ascending: false })
		.limit(40);
	if (region) deliveries = deliveries.eq('region_code', region);
	const [periods, flowRows, deliveryRows] = await Promise.all([
		supabase.rpc('flow_periods', {
			from_date: addDays(today, -DESK_LOOKBACK_DAYS),
			until_date: addDays(today, DUE_SOON_DAYS)
		}),
		flows,
		deliveries
	]);
	failOnDataError(periods, lang, 'loadDesk.periods');
	failOnDataError(flowRows, lang, 'loadDesk.flows');
	failOnDataError(deliveryRows, lang, 'loadDesk.deliveries');

	const pending = (deliveryRows.data ?? []).filter(
		(d) => (d.recipients_acknowledged ?? 0) < (d.recipients_expected ?? 0)
	);
	const acks = pending.length
		? await supabase
				.from('acknowledgements')
				.select('publication_id,institution_id')
				.in(
					'publication_id',
					pending.map((d) => d.publication_id!)
				)
		: { data: [], error: null };
	failOnDataError(acks, lang, 'loadDesk.acknowledgements');
	const acknowledged = new Set((acks.data ?? []).map((a) => `${a.publication_id}:${a.institution_id}`));
	const flowById = new Map((flowRows.data ?? []).map((f) => [f.id, f]));

	return {
		today,
		alerts: (periods.data ?? []).filter(
			(p) => (p.state === 'missing' || p.state === 'due_soon') && (!region || p.region_code === region)
		),
		flows: flowRows.data ?? [],
		unacknowledged: pending.flatMap((d) => {
			const flow = flowById.get(d.flow_id!);
			if (!flow) return [];
			const missing = flow.recipients
				.flatMap((r) => (r.institution ? [r.institution] : []))
				.filter((i) => !acknowledged.has(`${d.publication_id}:${i.id}`));
			return missing.length ? [{ ...d, information: flow.information, missing }] : [];
		})
	};
}

/** The institutions a flow of `region` may name: the region's own bodies and the national ones. */
export async function loadFlowChoices(supabase: Client, region: string | null, lang: Language) {
	let query = supabase.from('institutions').select('id,name,kind,level,region_code').order('name');
	query = region ? query.or(`region_code.eq.${region},region_code.is.null`) : query;
	const result = await query;
	failOnDataError(result, lang, 'loadFlowChoices');
	const institutions = result.data ?? [];
	return {
		producers: institutions,
		// Recipients are the regional government, provincial delegations, municipalities and SEREMIs.
		recipients: institutions.filter((i) =>
			['regional_government', 'provincial_delegation', 'municipality', 'seremi'].includes(i.kind)
		)
	};
}

export async function loadFlow(supabase: Client, id: number, lang: Language) {
	const result = await supabase.from('information_flows').select(FLOW_COLUMNS).eq('id', id).maybeSingle();
	failOnDataError(result, lang, 'loadFlow');
	if (!result.data) error(404, translate(lang, 'error.notFound'));
	return result.data;
}

type WriteResult = { error: { message?: string; details?: string; code?: string } | null; status?: number };

/**
 * Creates or changes a flow and sets its recipients to exactly `input.recipients`. Returns the
 * first failed write (RLS refusals included) for the action to word; the flow row comes first, so
 * a refused flow leaves no recipients behind.
 */
export async function saveFlow(
	supabase: Client,
	region: string | null,
	input: FlowInput,
	id: number | null
): Promise<{ id: number | null; failure: WriteResult | null }> {
	const { recipients, ...fields } = input;
	const saved = id
		? await supabase.from('information_flows').update(fields).eq('id', id).select('id').single()
		: await supabase
				.from('information_flows')
				.insert({ ...fields, region_code: region })
				.select('id')
				.single();
	if (saved.error) return { id: null, failure: saved };
	const flowId = saved.data.id;
	const removed = await supabase
		.from('information_flow_recipients')
		.delete()
		.eq('flow_id', flowId)
		.not('institution_id', 'in', `(${recipients.join(',')})`);
	if (removed.error) return { id: flowId, failure: removed };
	const added = await supabase.from('information_flow_recipients').upsert(
		recipients.map((institution_id) => ({ flow_id: flowId, institution_id })),
		{ onConflict: 'flow_id,institution_id', ignoreDuplicates: true }
	);
	return { id: flowId, failure: added.error ? added : null };
}

export async function loadInbox(supabase: Client, lang: Language) {
	const result = await supabase
		.from('inbox')
		.select(
			'publication_id,title,summary,kind,published_at,due_on,flow_information,institution_id,acknowledged,acknowledged_at'
		)
		.order('acknowledged')
		.order('published_at', { ascending: false })
		.limit(200);
	failOnDataError(result, lang, 'loadInbox');
	return result.data ?? [];
}

export async function loadContacts(supabase: Client, region: string | null, lang: Language) {
	let query = supabase
		.from('contacts')
		.select('id,name,email,institution:institutions!inner(id,name,region_code)')
		.order('email');
	if (region) query = query.eq('institution.region_code', region);
	const result = await query;
	failOnDataError(result, lang, 'loadContacts');
	return result.data ?? [];
}

/** Every period due in [from, until] of the flows the caller reads (RLS), optionally one region's. */
export async function loadPeriods(
	supabase: Client,
	from: string,
	until: string,
	region: string | null,
	lang: Language
) {
	const result = await supabase.rpc('flow_periods', { from_date: from, until_date: until });
	failOnDataError(result, lang, 'loadPeriods');
	const periods = result.data ?? [];
	return region ? periods.filter((p) => p.region_code === region) : periods;
}

/** The region's e-mail outbox as the secretariat (its region's) or an administrator (all) reads it. */
export async function loadOutbox(supabase: Client, lang: Language) {
	const result = await supabase
		.from('email_outbox')
		.select(
			'id,to_address,status,attempts,last_error,next_attempt_at,sent_at,created_at,publication:publications(id,title)'
		)
		.order('created_at', { ascending: false })
		.limit(100);
	failOnDataError(result, lang, 'loadOutbox');
	return result.data ?? [];
}
