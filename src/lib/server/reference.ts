import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { Language } from '$lib/i18n';

// Reference lists the filter bar offers: MOP services and cross-cutting themes (public data).

type Client = SupabaseClient<Database>;

export async function loadFilterOptions(supabase: Client, lang: Language) {
	const [services, themes] = await Promise.all([
		supabase.from('mop_services').select('code,name,acronym').order('name'),
		supabase.from('themes').select('code,name').order('sort_order')
	]);
	failOnDataError(services, lang, 'loadFilterOptions.services');
	failOnDataError(themes, lang, 'loadFilterOptions.themes');
	return { services: services.data ?? [], themes: themes.data ?? [] };
}
