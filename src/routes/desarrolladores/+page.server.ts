import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import { curlExamples, supabaseJsExample } from '$lib/developers/examples';
import { translate } from '$lib/i18n';
import { loadPublicApi, OpenApiError } from '$lib/server/openapi';
import { readSupabaseEnv } from '$lib/supabase-env';
import type { PageServerLoad } from './$types';

// Valparaíso, until the reader names its own comuna (?comuna=CODE).
const EXAMPLE_COMMUNE = '05101';

export const load: PageServerLoad = async ({ url, locals, fetch }) => {
	const { url: apiUrl, anonKey } = readSupabaseEnv(env);
	const asked = url.searchParams.get('comuna');
	const commune = asked && /^\d{5}$/.test(asked) ? asked : EXAMPLE_COMMUNE;
	let api;
	try {
		api = await loadPublicApi(apiUrl, anonKey, fetch);
	} catch (failure) {
		console.error(`[desarrolladores] ${(failure as Error).message}`);
		error(failure instanceof OpenApiError ? 502 : 503, translate(locals.lang, 'error.unexpected'));
	}
	const settings = { apiUrl, anonKey, siteUrl: url.origin, commune };
	return { api, commune, apiUrl, curl: curlExamples(settings), js: supabaseJsExample(settings) };
};
