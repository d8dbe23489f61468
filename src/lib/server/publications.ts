import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { Language } from '$lib/i18n';

/** The latest publications linked to a comuna that the reader may see (RLS: the public sees published ones). */
export async function listCommunePublications(
	supabase: SupabaseClient<Database>,
	communeCode: string,
	lang: Language
) {
	const result = await supabase
		.from('publications')
		.select('id,title,kind,published_at,publication_communes!inner(commune_code)')
		.eq('publication_communes.commune_code', communeCode)
		.eq('status', 'published')
		.order('published_at', { ascending: false })
		.limit(10);
	failOnDataError(result, lang, 'listCommunePublications');
	return result.data ?? [];
}
