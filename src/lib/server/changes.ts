import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { Language } from '$lib/i18n';
import { CHANGE_KINDS, CHANGES_SHOWN, type ChangeKind, type ChangesRange } from '$lib/pmg/changes';

// What changed between two council sessions (public.changes_between), as the caller may read it.

type Client = SupabaseClient<Database>;

export async function loadChanges(
	supabase: Client,
	range: ChangesRange,
	place: { regionCode: string | null; communeCode: string | null },
	lang: Language
) {
	const args = {
		p_from: range.from,
		p_to: range.to,
		p_region_code: place.regionCode ?? undefined,
		p_commune_code: place.communeCode ?? undefined
	};
	const result = await supabase
		.rpc('changes_between', args, { count: 'exact' })
		.order('happened_on', { ascending: false })
		.order('kind')
		.order('subject_id')
		.range(0, CHANGES_SHOWN - 1);
	failOnDataError(result, lang, 'loadChanges');
	const counts = await supabase.rpc('change_counts', args);
	failOnDataError(counts, lang, 'loadChanges.counts');
	const byKind = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
	for (const row of counts.data ?? []) if (row.kind in byKind) byKind[row.kind as ChangeKind] = row.changes;
	return { rows: result.data ?? [], total: result.count ?? 0, counts: byKind };
}
