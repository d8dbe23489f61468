import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import { filterToRpc } from '$lib/filters/rpc';
import { fixedFields, scopeToPlace, type PagePlace } from '$lib/filters/scope';
import { filterFromSearchParams } from '$lib/filters/url';
import type { Language } from '$lib/i18n';
import { loadCommuneMetrics, loadProjectsPage, loadSummary } from './dashboard';
import { loadFilterOptions } from './reference';
import { listRegions } from './territory';

/** How many projects the dashboard's list shows beside the map; the rest is on /proyectos. */
const DASHBOARD_LIST_SIZE = 50;

/**
 * Everything a dashboard page (national, region, province, comuna) shows for the filter in its URL,
 * in one parallel round of queries: the page's place fixes part of the filter, the rest comes from
 * the query string. Filters change numbers, not geometry: boundaries and project tiles are fetched
 * by the map itself.
 */
export async function loadDashboardPage(
	supabase: SupabaseClient<Database>,
	url: URL,
	place: PagePlace,
	lang: Language
) {
	const { filter, notices } = scopeToPlace(filterFromSearchParams(url.searchParams), place);
	const rpc = filterToRpc(filter);
	const [summary, metrics, projects, options, regions] = await Promise.all([
		loadSummary(supabase, rpc),
		loadCommuneMetrics(supabase, rpc),
		// Counted by the summary (kpis.projects: the same projects, from the roll-up when it can).
		loadProjectsPage(supabase, rpc, 'investment_desc', null, DASHBOARD_LIST_SIZE, false),
		loadFilterOptions(supabase, lang),
		place.level === 'country' ? listRegions(supabase, lang) : Promise.resolve([])
	]);
	failOnDataError(summary, lang, 'dashboard.summary');
	failOnDataError(metrics, lang, 'dashboard.metrics');
	failOnDataError(projects, lang, 'dashboard.projects');
	return {
		filter,
		notices,
		fixed: fixedFields(place),
		place,
		summary: summary.data!,
		metrics: metrics.data ?? [],
		projects: { rows: projects.data?.rows ?? [], count: summary.data!.kpis.projects },
		options,
		regions
	};
}
