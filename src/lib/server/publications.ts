import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { Language } from '$lib/i18n';

/** The latest publications linked to a comuna that the reader may see (RLS: the public sees published ones). */
export async function listCommunePublications(
	supabase: SupabaseClient<Database>,
	communeCode: string,
	lang: Language,
	limit = 10
) {
	return listPublicationsOfCommunes(supabase, [communeCode], lang, limit);
}

/** The same for several comunas (a province), each publication once. */
export async function listPublicationsOfCommunes(
	supabase: SupabaseClient<Database>,
	communeCodes: string[],
	lang: Language,
	limit = 10
) {
	const result = await supabase
		.from('publications')
		.select('id,title,kind,published_at,publication_communes!inner(commune_code)')
		.in('publication_communes.commune_code', communeCodes)
		.eq('status', 'published')
		.order('published_at', { ascending: false })
		.limit(limit);
	failOnDataError(result, lang, 'listCommunePublications');
	return result.data ?? [];
}
