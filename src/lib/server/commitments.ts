import type { SupabaseClient } from '@supabase/supabase-js';
import { error } from '@sveltejs/kit';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { DashboardFilter } from '$lib/filters/filter';
import { translate, type Language } from '$lib/i18n';

// Agreements and their commitments as the public and the regional roles read them (RLS decides what
// each role sees; nothing here filters by role). Lists are small next to projects (hundreds per
// region), so they page by offset with exact counts.

type Client = SupabaseClient<Database>;

export const COMMITMENTS_PAGE_SIZE = 50;
/** Agreements are cards with their problem's text: fewer per page than the commitments' table rows. */
export const AGREEMENTS_PAGE_SIZE = 20;

/** The place part of a filter as a prefix of comuna codes (`05`, `051`), or the comunas themselves. */
function placeScope(filter: DashboardFilter): { communes?: string[]; prefix?: string } {
	if (filter.communes?.length) return { communes: filter.communes };
	const prefix = filter.province ?? filter.region;
	return prefix ? { prefix } : {};
}

export async function listCommitments(
	supabase: Client,
	filter: DashboardFilter,
	page: number,
	lang: Language
) {
	const scope = placeScope(filter);
	let query = supabase
		.from('commitments_with_status')
		.select(
			'id,title,status,progress,due_on,overdue,estimated_cost_clp,region_code,theme_code,agreement:agreements(id,title,kind),responsible:institutions!commitments_responsible_institution_id_fkey(id,name,acronym)',
			{ count: 'exact' }
		);
	// A comuna or province filter means "commitments linked to those comunas"; a region filter alone
	// also keeps the region's commitments that name no comuna.
	if (scope.communes || (scope.prefix && scope.prefix.length > 2)) {
		let links = supabase.from('commitment_communes').select('commitment_id');
		links = scope.communes
			? links.in('commune_code', scope.communes)
			: links.like('commune_code', `${scope.prefix}%`);
		const linked = await links;
		failOnDataError(linked, lang, 'listCommitments.communes');
		query = query.in('id', [...new Set((linked.data ?? []).map((l) => l.commitment_id))]);
	} else if (scope.prefix) query = query.eq('region_code', scope.prefix);
	if (filter.themes?.length) query = query.in('theme_code', filter.themes);
	if (filter.commitmentStatus === 'overdue') query = query.eq('overdue', true);
	else if (filter.commitmentStatus) query = query.eq('status', filter.commitmentStatus);
	if (filter.yearFrom !== undefined) query = query.gte('due_on', `${filter.yearFrom}-01-01`);
	if (filter.yearTo !== undefined) query = query.lte('due_on', `${filter.yearTo}-12-31`);
	// PostgREST's ilike pattern: `*` is the wildcard; commas and parentheses would break the filter.
	if (filter.text) query = query.ilike('title', `*${filter.text.replace(/[*,()]/g, ' ')}*`);

	const from = page * COMMITMENTS_PAGE_SIZE;
	const result = await query
		.order('due_on', { ascending: true })
		.order('id', { ascending: true })
		.range(from, from + COMMITMENTS_PAGE_SIZE - 1);
	failOnDataError(result, lang, 'listCommitments');
	return { rows: result.data ?? [], total: result.count ?? 0, page, pageSize: COMMITMENTS_PAGE_SIZE };
}

export type CommitmentRow = Awaited<ReturnType<typeof listCommitments>>['rows'][number];

export async function listAgreements(
	supabase: Client,
	filter: DashboardFilter,
	page: number,
	lang: Language
) {
	let query = supabase
		.from('agreements')
		.select(
			'id,kind,title,problem,signed_on,ends_on,region_code,region:regions(name),commitments(count)',
			{
				count: 'exact'
			}
		);
	if (filter.region) query = query.eq('region_code', filter.region);
	if (filter.text) query = query.ilike('title', `*${filter.text.replace(/[*,()]/g, ' ')}*`);
	const from = page * AGREEMENTS_PAGE_SIZE;
	const result = await query
		.order('signed_on', { ascending: false })
		.order('id', { ascending: false })
		.range(from, from + AGREEMENTS_PAGE_SIZE - 1);
	failOnDataError(result, lang, 'listAgreements');
	return { rows: result.data ?? [], total: result.count ?? 0, page, pageSize: AGREEMENTS_PAGE_SIZE };
}

export async function loadAgreement(supabase: Client, id: string, lang: Language) {
	if (!/^\d{1,18}$/.test(id)) error(404, translate(lang, 'agreement.notFound', { id }));
	const [agreement, parties, commitments, covered, themes] = await Promise.all([
		supabase
			.from('agreements')
			.select(
				'id,kind,title,problem,signed_on,ends_on,region_code,region:regions(code,name,roman,bbox)'
			)
			.eq('id', Number(id))
			.maybeSingle(),
		supabase
			.from('agreement_parties')
			.select('role,institution:institutions(id,name,acronym,kind)')
			.eq('agreement_id', Number(id)),
		supabase
			.from('commitments_with_status')
			.select(
				'id,title,status,progress,due_on,created_at,overdue,estimated_cost_clp,theme_code,responsible:institutions!commitments_responsible_institution_id_fkey(id,name,acronym),commitment_communes(commune_code,commune:communes(name)),commitment_projects(project_id),commitment_progress(id,progress,status,changed_at)'
			)
			.eq('agreement_id', Number(id))
			.order('due_on'),
		supabase
			.from('agreement_communes')
			.select('commune_code,commune:communes(name)')
			.eq('agreement_id', Number(id)),
		supabase.from('themes').select('code,name').order('sort_order')
	]);
	failOnDataError(agreement, lang, 'loadAgreement');
	failOnDataError(parties, lang, 'loadAgreement.parties');
	failOnDataError(commitments, lang, 'loadAgreement.commitments');
	failOnDataError(covered, lang, 'loadAgreement.covered');
	failOnDataError(themes, lang, 'loadAgreement.themes');
	if (!agreement.data) error(404, translate(lang, 'agreement.notFound', { id }));

	const communes = new Map<string, string>();
	for (const c of commitments.data ?? [])
		for (const link of c.commitment_communes)
			communes.set(link.commune_code, link.commune?.name ?? link.commune_code);
	return {
		agreement: agreement.data,
		parties: parties.data ?? [],
		// The view's columns are nullable to PostgREST's eyes; the table's are not.
		commitments: (commitments.data ?? []).map((c) => ({
			...c,
			id: c.id!,
			title: c.title!,
			status: c.status!,
			progress: c.progress ?? 0,
			due_on: c.due_on!,
			created_at: c.created_at!,
			theme_code: c.theme_code!,
			overdue: c.overdue ?? false,
			commitment_progress: [...c.commitment_progress].sort((a, b) => a.id - b.id)
		})),
		communes: [...communes]
			.map(([code, name]) => ({ code, name }))
			.sort((a, b) => a.name.localeCompare(b.name, 'es')),
		themes: themes.data ?? [],
		coveredCommunes: (covered.data ?? [])
			.map((c) => ({ code: c.commune_code, name: c.commune?.name ?? c.commune_code }))
			.sort((a, b) => a.name.localeCompare(b.name, 'es'))
	};
}

/**
 * The notes written with each progress change, for those who may read them (the regional roles of
 * the agreement's region, national roles); others get none. Anonymous readers are not asked: the
 * column is not theirs to select.
 */
export async function loadProgressNotes(
	supabase: Client,
	commitmentIds: number[],
	signedIn: boolean,
	lang: Language
): Promise<Record<number, string>> {
	if (!signedIn || commitmentIds.length === 0) return {};
	const result = await supabase
		.from('commitment_progress')
		.select('id,note')
		.in('commitment_id', commitmentIds)
		.not('note', 'is', null);
	failOnDataError(result, lang, 'loadProgressNotes');
	return Object.fromEntries((result.data ?? []).map((row) => [row.id, row.note ?? '']));
}
