import { env } from '$env/dynamic/public';
import { error } from '@sveltejs/kit';
import { filterToRpc } from '$lib/filters/rpc';
import { filterFromSearchParams } from '$lib/filters/url';
import { translate } from '$lib/i18n';
import { readSupabaseEnv } from '$lib/supabase-env';
import { parseTileAddress, projectTile, TileError } from '$lib/server/tiles';
import type { RequestHandler } from './$types';

// Project vector tiles for MapLibre, filtered by the same URL parameters as the page.
export const GET: RequestHandler = async ({ params, url, request, locals }) => {
	const tile = parseTileAddress(params.z, params.x, params.y);
	if (!tile) error(404, translate(locals.lang, 'error.notFound'));
	const { url: supabaseUrl, anonKey } = readSupabaseEnv(env);
	const session = locals.session;
	try {
		const result = await projectTile(
			{
				supabase: locals.supabase,
				url: supabaseUrl,
				anonKey,
				session:
					session && locals.user
						? { accessToken: session.access_token, userId: locals.user.id }
						: null
			},
			tile,
			filterToRpc(filterFromSearchParams(url.searchParams).filter),
			request.headers.get('if-none-match')
		);
		return new Response(result.body as BodyInit | null, {
			status: result.status,
			headers: result.headers
		});
	} catch (failure) {
		if (!(failure instanceof TileError)) throw failure;
		console.error(`[tiles] ${failure.message}`);
		error(failure.status >= 500 ? 502 : failure.status, translate(locals.lang, 'error.unexpected'));
	}
};
