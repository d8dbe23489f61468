import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { DashboardFilter } from '$lib/filters/filter';
import { translate, type Language } from '$lib/i18n';
import { foldForSearch } from '$lib/text/fold';

// Publications as readers see them (the view public_publications: public now, whoever asks — a
// signed-in secretariat's drafts never leak into a reading page or a feed) and as the secretariat's
// desk edits them (the table, under RLS).

type Client = SupabaseClient<Database>;
export type PublicationKind = Database['public']['Enums']['publication_kind'];

/** What the reading list filters on: the shared filter's region, comunas, years and text, plus the kind. */
export interface PublicationQuery {
	filter: Pick<DashboardFilter, 'region' | 'communes' | 'yearFrom' | 'yearTo' | 'text'>;
	kind?: PublicationKind;
	limit?: number;
	offset?: number;
}

const LIST_COLUMNS = 'id,region_code,title,summary,kind,published_at';
export const PAGE_SIZE = 20;

/**
 * Words of a text filter, stripped of what ilike would read as a pattern; folded like search_text
 * unless `fold` is false (columns that keep their accents, where ilike only ignores case).
 */
export function searchWords(text: string | undefined, fold = true): string[] {
	if (!text) return [];
	return (fold ? foldForSearch(text) : text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word.length > 0)
		.slice(0, 8);
}

/** Public publications, newest first, with the exact count of the filtered list. */
export async function listPublicPublications(supabase: Client, query: PublicationQuery, lang: Language) {
	const { filter, kind, limit = PAGE_SIZE, offset = 0 } = query;
	const communes = filter.communes ?? [];
	let request = supabase
		.from('public_publications')
		.select(
			communes.length > 0 ? `${LIST_COLUMNS},publication_communes!inner(commune_code)` : LIST_COLUMNS,
			{ count: 'exact' }
		);
	if (communes.length > 0) request = request.in('publication_communes.commune_code', communes);
	if (filter.region) request = request.eq('region_code', filter.region);
	if (kind) request = request.eq('kind', kind);
	if (filter.yearFrom !== undefined)
		request = request.gte('published_at', `${filter.yearFrom}-01-01T00:00:00-03:00`);
	if (filter.yearTo !== undefined)
		request = request.lt('published_at', `${filter.yearTo + 1}-01-01T00:00:00-03:00`);
	for (const word of searchWords(filter.text)) request = request.ilike('search_text', `%${word}%`);
	const result = await request
		.order('published_at', { ascending: false })
		.order('id', { ascending: false })
		.range(offset, offset + limit - 1);
	failOnDataError(result, lang, 'listPublicPublications');
	const rows = (result.data ?? []) as unknown as PublicationListRow[];
	return {
		rows: rows.map(({ id, region_code, title, summary, kind, published_at }) => ({
			id,
			region_code,
			title,
			summary,
			kind,
			published_at
		})),
		count: result.count ?? 0
	};
}

export interface PublicationListRow {
	id: number;
	region_code: string | null;
	title: string;
	summary: string | null;
	kind: PublicationKind;
	published_at: string;
}

/** The latest public publications of a region (its own and national ones are not mixed) or a comuna. */
export async function latestPublications(
	supabase: Client,
	place: { region: string } | { commune: string },
	lang: Language,
	limit = 5
) {
	const filter = 'region' in place ? { region: place.region } : { communes: [place.commune] };
	return (await listPublicPublications(supabase, { filter, limit }, lang)).rows;
}

/** One public publication with its comunas, projects and commitments; 404 if not public. */
export async function loadPublicPublication(supabase: Client, id: string, lang: Language) {
	if (!/^\d{1,18}$/.test(id)) error(404, translate(lang, 'publications.notFound'));
	const result = await supabase
		.from('public_publications')
		.select('id,region_code,title,summary,body_md,kind,published_at,updated_at')
		.eq('id', Number(id))
		.maybeSingle();
	failOnDataError(result, lang, 'loadPublicPublication');
	if (!result.data) error(404, translate(lang, 'publications.notFound'));
	const links = await loadLinks(supabase, result.data.id!, lang);
	const region = result.data.region_code
		? await supabase.from('regions').select('code,name').eq('code', result.data.region_code).maybeSingle()
		: null;
	if (region) failOnDataError(region, lang, 'loadPublicPublication.region');
	// A view's columns are nullable in the generated types; these come from not-null table columns.
	const row = result.data;
	const publication = {
		id: row.id!,
		region_code: row.region_code,
		title: row.title!,
		summary: row.summary,
		body_md: row.body_md,
		kind: row.kind!,
		published_at: row.published_at!,
		updated_at: row.updated_at!
	};
	return { publication, region: region?.data ?? null, ...links };
}

async function loadLinks(supabase: Client, publicationId: number, lang: Language) {
	const [communes, projects, commitments] = await Promise.all([
		supabase
			.from('publication_communes')
			.select('commune:communes(code,name,region_code,bbox)')
			.eq('publication_id', publicationId),
		supabase
			.from('publication_projects')
			.select('project:projects(id,name,service_code,status)')
			.eq('publication_id', publicationId),
		supabase
			.from('publication_commitments')
			.select('commitment:commitments(id,title,due_on,status)')
			.eq('publication_id', publicationId)
	]);
	failOnDataError(communes, lang, 'publicationLinks.communes');
	failOnDataError(projects, lang, 'publicationLinks.projects');
	failOnDataError(commitments, lang, 'publicationLinks.commitments');
	const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'es');
	return {
		communes: (communes.data ?? []).flatMap((l) => (l.commune ? [l.commune] : [])).sort(byName),
		projects: (projects.data ?? []).flatMap((l) => (l.project ? [l.project] : [])).sort(byName),
		commitments: (commitments.data ?? []).flatMap((l) => (l.commitment ? [l.commitment] : []))
	};
}

// ── The desk ────────────────────────────────────────────────────────────────────────────────────

/** The signed-in user's role and region (their membership; RLS lets everyone read their own). */
export async function loadMembership(supabase: Client, userId: string, lang: Language) {
	const result = await supabase
		.from('memberships')
		.select('role,region_code')
		.eq('user_id', userId)
		.maybeSingle();
	failOnDataError(result, lang, 'loadMembership');
	return result.data;
}

/** Every publication of a region the caller may read (drafts included for its secretariat). */
export async function listDeskPublications(supabase: Client, region: string | null, lang: Language) {
	let request = supabase
		.from('publications')
		.select('id,region_code,title,kind,status,published_at,updated_at,flow_id,due_on')
		.order('updated_at', { ascending: false })
		.limit(200);
	request = region ? request.eq('region_code', region) : request.is('region_code', null);
	const result = await request;
	failOnDataError(result, lang, 'listDeskPublications');
	return result.data ?? [];
}

/** A publication for editing, with its links and every saved version (newest first). */
export async function loadDeskPublication(supabase: Client, id: string, lang: Language) {
	if (!/^\d{1,18}$/.test(id)) error(404, translate(lang, 'publications.notFound'));
	const [publication, versions] = await Promise.all([
		supabase
			.from('publications')
			.select(
				'id,region_code,title,summary,body_md,kind,status,published_at,updated_at,flow_id,due_on,author_id'
			)
			.eq('id', Number(id))
			.maybeSingle(),
		supabase
			.from('publication_versions')
			.select('id,version,title,summary,body_md,kind,status,published_at,saved_by,saved_at')
			.eq('publication_id', Number(id))
			.order('version', { ascending: false })
	]);
	failOnDataError(publication, lang, 'loadDeskPublication');
	failOnDataError(versions, lang, 'loadDeskPublication.versions');
	if (!publication.data) error(404, translate(lang, 'publications.notFound'));
	const links = await loadLinks(supabase, publication.data.id, lang);
	return { publication: publication.data, versions: versions.data ?? [], ...links };
}

/** What the compose form offers: the region's comunas, flows, and the projects and commitments to link. */
export async function loadComposeOptions(supabase: Client, region: string | null, lang: Language) {
	const communes = region
		? supabase.from('communes').select('code,name').eq('region_code', region).order('name')
		: supabase.from('communes').select('code,name').order('name');
	let flows = supabase
		.from('information_flows')
		.select('id,information,periodicity,next_due_on')
		.order('information');
	flows = region ? flows.eq('region_code', region) : flows.is('region_code', null);
	const [communeRows, flowRows] = await Promise.all([communes, flows]);
	failOnDataError(communeRows, lang, 'loadComposeOptions.communes');
	failOnDataError(flowRows, lang, 'loadComposeOptions.flows');
	return { communes: communeRows.data ?? [], flows: flowRows.data ?? [] };
}

/** Commitments whose title matches, for the compose form's picker (at most 20). */
export async function searchCommitments(supabase: Client, text: string, lang: Language) {
	const words = searchWords(text, false);
	if (words.length === 0) return [];
	let request = supabase.from('commitments').select('id,title');
	for (const word of words) request = request.ilike('title', `%${word}%`);
	const result = await request.order('title').limit(20);
	failOnDataError(result, lang, 'searchCommitments');
	return (result.data ?? []).map((c) => ({ id: c.id, label: c.title }));
}

export type SavePublicationArgs = Database['public']['Functions']['save_publication']['Args'];

/** Saves through save_publication (one transaction); returns the row's id and new updated_at, or the error. */
export async function savePublication(supabase: Client, args: SavePublicationArgs) {
	const result = await supabase.rpc('save_publication', args).single();
	return result;
}

/** The id of the newest public publication of a place (what the event stream compares), or null. */
export async function newestPublicationId(
	supabase: Client,
	place: { region: string } | { commune: string }
): Promise<number | null> {
	const result =
		'region' in place
			? await supabase
					.from('public_publications')
					.select('id')
					.eq('region_code', place.region)
					.order('published_at', { ascending: false })
					.order('id', { ascending: false })
					.limit(1)
			: await supabase
					.from('public_publications')
					.select('id,publication_communes!inner(commune_code)')
					.eq('publication_communes.commune_code', place.commune)
					.order('published_at', { ascending: false })
					.order('id', { ascending: false })
					.limit(1);
	if (result.error) throw new Error(result.error.message);
	return result.data?.[0]?.id ?? null;
}
