import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { Language } from '$lib/i18n';
import { projectLabel, type ProjectChoice, type ProjectMatch } from '$lib/projects/project-label';

// The project picker's two reads: what matches the typed text (public.search_projects: name
// without accents or case, or the beginning of the BIP code; optionally only projects touching a
// region), and the labels of projects already chosen.

type Client = SupabaseClient<Database>;

export async function searchProjects(
	supabase: Client,
	text: string,
	region: string | null,
	lang: Language
): Promise<ProjectMatch[]> {
	const q = text.trim().slice(0, 100);
	if (q.length < 2) return [];
	const result = await supabase.rpc('search_projects', {
		q,
		p_region: region as string,
		max_rows: 20
	});
	failOnDataError(result, lang, 'searchProjects');
	return (result.data ?? []).map((p) => ({ ...p, communes: p.communes ?? null }));
}

/** The chosen projects' labels, in the order given (unknown ids are dropped). */
export async function projectChoices(
	supabase: Client,
	ids: readonly number[],
	lang: Language
): Promise<ProjectChoice[]> {
	if (ids.length === 0) return [];
	const result = await supabase
		.from('projects')
		.select('id,name,bip_code,project_communes(share,commune:communes(name))')
		.in('id', ids.slice(0, 200));
	failOnDataError(result, lang, 'projectChoices');
	const byId = new Map((result.data ?? []).map((p) => [p.id, p]));
	return ids.flatMap((id) => {
		const p = byId.get(id);
		if (!p) return [];
		const communes = [...p.project_communes]
			.sort((a, b) => b.share - a.share)
			.flatMap((link) => (link.commune ? [link.commune.name] : []))
			.join(', ');
		return [
			{ id, label: projectLabel({ name: p.name, bip_code: p.bip_code, communes: communes || null }) }
		];
	});
}
