import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import { filterToRpc } from '$lib/filters/rpc';
import { scopeToPlace } from '$lib/filters/scope';
import type { Language } from '$lib/i18n';
import { listCommitments } from './commitments';
import { loadSummary } from './dashboard';
import { listPublicPublications } from './publications';
import { todayInChile } from './tiles';

// The printable brief of a comuna or a province (issue 10 §4): the dashboard's own loaders with
// the place as the whole filter, cut to what fits on one or two A4 pages.

type Client = SupabaseClient<Database>;

/** Rows of commitments and publications a brief prints; the rest is counted, not listed. */
export const BRIEF_COMMITMENTS = 12;
export const BRIEF_PUBLICATIONS = 5;

export async function loadBrief(
	supabase: Client,
	place: { level: 'commune' | 'province'; code: string },
	communeCodes: string[],
	lang: Language
) {
	const { filter } = scopeToPlace({ filter: {}, notices: [] }, place);
	const [summary, commitments, publications] = await Promise.all([
		loadSummary(supabase, filterToRpc(filter)),
		listCommitments(supabase, filter, 0, lang),
		listPublicPublications(
			supabase,
			{ filter: { communes: communeCodes }, limit: BRIEF_PUBLICATIONS },
			lang
		)
	]);
	failOnDataError(summary, lang, 'loadBrief.summary');
	return {
		summary: summary.data!,
		commitments: { rows: commitments.rows.slice(0, BRIEF_COMMITMENTS), total: commitments.total },
		publications: publications.rows,
		today: todayInChile()
	};
}
