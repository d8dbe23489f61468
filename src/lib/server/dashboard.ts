import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import type { CommuneMetrics, DashboardSummary } from '$lib/dashboard/summary';
import type { SupabaseErrorLike } from '$lib/errors';
import type { RpcFilter } from '$lib/filters/filter';
import type { ProjectRow } from '$lib/projects/project-row';

// The dashboard's reads, for +page.server.ts and +server.ts: every one through the request's own
// client (locals.supabase), so RLS decides what the numbers count. Errors are returned, not
// thrown, so each page words them through $lib/errors (failOnDataError) in its own language.

type Client = SupabaseClient<Database>;
type Enums = Database['public']['Enums'];

/** What $lib/errors (failOnDataError) words for the reader. */
export type DataError = SupabaseErrorLike;

export interface Loaded<T> {
	data: T | null;
	error: DataError | null;
	status: number;
}

const asFilter = (filter: RpcFilter) => filter as unknown as Json;

export async function loadSummary(supabase: Client, filter: RpcFilter): Promise<Loaded<DashboardSummary>> {
	const { data, error, status } = await supabase.rpc('dashboard_summary', { p_filter: asFilter(filter) });
	return { data: (data as unknown as DashboardSummary | null) ?? null, error, status };
}

export async function loadCommuneMetrics(
	supabase: Client,
	filter: RpcFilter
): Promise<Loaded<CommuneMetrics[]>> {
	const { data, error, status } = await supabase.rpc('commune_metrics', { p_filter: asFilter(filter) });
	return { data: data ?? null, error, status };
}

// The latest progress is read for the page's rows in a second request: embedded, PostgREST joins
// it to every filtered project before sorting and limiting (100 000 lookups for the national page's
// 50 rows: past the anonymous role's 3 s timeout at 100k).
export const PROJECT_LIST_COLUMNS =
	'id,name,bip_code,service_code,stage,status,investment_clp,start_on,end_on';
const PROGRESS_COLUMNS = 'project_id,physical_progress,spent_clp,reported_on';

/** What a row of the projects list shows (shared with the components that draw it). */
export type ProjectListRow = ProjectRow;

/**
 * Orders of the list. Each ends in the id so that the order is total and a page boundary (the
 * keyset cursor: the last row's sort value and id) is never ambiguous.
 */
export type ProjectSort = 'name' | 'investment_desc' | 'start_desc';

type SortKey = 'name' | 'investment_clp' | 'start_on';
const SORTS: Record<ProjectSort, { column: SortKey; ascending: boolean }> = {
	name: { column: 'name', ascending: true },
	investment_desc: { column: 'investment_clp', ascending: false },
	start_desc: { column: 'start_on', ascending: false }
};

export function isProjectSort(value: unknown): value is ProjectSort {
	return typeof value === 'string' && value in SORTS;
}

/** Where the next page starts: the last row's sort value (null sorts last) and id. */
export interface ProjectCursor {
	value: string | number | null;
	id: number;
}

export function encodeCursor(cursor: ProjectCursor): string {
	return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** Null for anything that is not a cursor this module wrote (a tampered URL starts over). */
export function decodeCursor(text: string | null | undefined): ProjectCursor | null {
	if (!text) return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
		if (!Array.isArray(parsed) || parsed.length !== 2) return null;
		const [value, id] = parsed as unknown[];
		if (!Number.isSafeInteger(id)) return null;
		if (value !== null && typeof value !== 'string' && typeof value !== 'number') return null;
		return { value: value, id: id as number };
	} catch {
		return null;
	}
}

/** A value inside a PostgREST logic filter (`or=(…)`): quoted, so commas and parentheses stay data. */
export const quotePostgrestValue = (value: string | number) =>
	`"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The PostgREST `or` filter for "after this cursor" in the given order (nulls last). */
export function afterCursorFilter(sort: ProjectSort, cursor: ProjectCursor): string {
	const { column, ascending } = SORTS[sort];
	const id = cursor.id;
	if (cursor.value === null) return `and(${column}.is.null,id.gt.${id})`;
	const value = quotePostgrestValue(cursor.value);
	const beyond = ascending ? 'gt' : 'lt';
	return `${column}.${beyond}.${value},and(${column}.eq.${value},id.gt.${id}),${column}.is.null`;
}

export const PROJECT_PAGE_SIZE = 50;
/** Past this many rows PostgREST's count is the planner's estimate (exact below it). */
export const EXACT_COUNT_LIMIT = 1000;

export interface ProjectsPage {
	rows: ProjectListRow[];
	/** Only on the first page: exact up to EXACT_COUNT_LIMIT, estimated past it. */
	count: number | null;
	next: string | null;
}

/**
 * A page of the filtered projects. `counted`: the first page also asks PostgREST for the count,
 * which evaluates the filter a second time; a dashboard takes its count from the summary instead.
 */
export async function loadProjectsPage(
	supabase: Client,
	filter: RpcFilter,
	sort: ProjectSort,
	cursor: ProjectCursor | null,
	pageSize = PROJECT_PAGE_SIZE,
	counted = true
): Promise<Loaded<ProjectsPage>> {
	const { column, ascending } = SORTS[sort];
	let query = supabase
		.rpc(
			'filtered_projects',
			{ p_filter: asFilter(filter) },
			cursor || !counted ? undefined : { count: 'estimated' }
		)
		.select(PROJECT_LIST_COLUMNS);
	if (cursor) query = query.or(afterCursorFilter(sort, cursor));
	const { data, error, status, count } = await query
		.order(column, { ascending, nullsFirst: false })
		.order('id', { ascending: true })
		.limit(pageSize);
	if (error) return { data: null, error, status };
	const found = (data ?? []) as unknown as Omit<ProjectListRow, 'project_progress_latest'>[];
	const progress = found.length
		? await supabase
				.from('project_progress_latest')
				.select(PROGRESS_COLUMNS)
				.in(
					'project_id',
					found.map((row) => row.id)
				)
		: { data: [], error: null, status: 200 };
	if (progress.error) return { data: null, error: progress.error, status: progress.status };
	const latest = new Map((progress.data ?? []).map(({ project_id, ...rest }) => [project_id, rest]));
	const rows: ProjectListRow[] = found.map((row) => ({
		...row,
		project_progress_latest: latest.get(row.id) ?? null
	}));
	const last = rows.at(-1);
	const next = rows.length === pageSize && last ? encodeCursor({ value: last[column], id: last.id }) : null;
	return { data: { rows, count: cursor ? null : (count ?? null), next }, error: null, status };
}

/** Everything the project page shows, in one request. */
export const PROJECT_DETAIL_COLUMNS =
	'id,name,description,bip_code,service_code,stage,status,investment_clp,start_on,end_on,geom,created_at,updated_at,' +
	'mop_services(name,acronym),' +
	'project_communes(commune_code,share,communes(name,province_code,region_code)),' +
	'project_themes(theme_code,themes(name)),' +
	'project_progress(reported_on,physical_progress,spent_clp,note),' +
	'commitment_projects(commitments(id,title,status,due_on,progress)),' +
	'publication_projects(publications(id,title,kind,status,published_at))';

export interface ProjectDetail {
	id: number;
	name: string;
	description: string | null;
	bip_code: string | null;
	service_code: string;
	stage: Enums['project_stage'];
	status: Enums['project_status'];
	investment_clp: number | null;
	start_on: string | null;
	end_on: string | null;
	geom: { type: string; coordinates: unknown };
	created_at: string;
	updated_at: string;
	mop_services: { name: string; acronym: string } | null;
	project_communes: {
		commune_code: string;
		share: number;
		communes: { name: string; province_code: string; region_code: string } | null;
	}[];
	project_themes: { theme_code: string; themes: { name: string } | null }[];
	/** Oldest first: the order a chart draws it. */
	project_progress: {
		reported_on: string;
		physical_progress: number;
		spent_clp: number;
		note: string | null;
	}[];
	commitment_projects: {
		commitments: {
			id: number;
			title: string;
			status: Enums['commitment_status'];
			due_on: string;
			progress: number;
		} | null;
	}[];
	publication_projects: {
		publications: {
			id: number;
			title: string;
			kind: Enums['publication_kind'];
			status: Enums['publication_status'];
			published_at: string | null;
		} | null;
	}[];
}

/** Null data (and no error) when the project does not exist or the caller may not read it. */
export async function loadProject(supabase: Client, id: number): Promise<Loaded<ProjectDetail>> {
	const { data, error, status } = await supabase
		.from('projects')
		.select(PROJECT_DETAIL_COLUMNS)
		.eq('id', id)
		.order('reported_on', { referencedTable: 'project_progress', ascending: true })
		.order('share', { referencedTable: 'project_communes', ascending: false })
		.maybeSingle();
	return { data: (data as unknown as ProjectDetail | null) ?? null, error, status };
}
