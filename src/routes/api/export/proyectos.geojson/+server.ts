import { error } from '@sveltejs/kit';
import { filterToRpc } from '$lib/filters/rpc';
import { filterFromSearchParams } from '$lib/filters/url';
import { translate } from '$lib/i18n';
import { ExportError, projectsGeoJson } from '$lib/server/export';
import type { RequestHandler } from './$types';

// The filtered projects as a GeoJSON FeatureCollection, streamed.
export const GET: RequestHandler = async ({ url, locals }) => {
	try {
		const body = await projectsGeoJson(
			locals.supabase,
			filterToRpc(filterFromSearchParams(url.searchParams).filter)
		);
		return new Response(body, {
			headers: {
				'content-type': 'application/geo+json; charset=utf-8',
				'content-disposition': 'attachment; filename="proyectos.geojson"',
				'cache-control': 'private, no-store'
			}
		});
	} catch (failure) {
		if (!(failure instanceof ExportError)) throw failure;
		console.error(`[export] ${failure.message}`);
		error(failure.status >= 500 ? 502 : failure.status, translate(locals.lang, 'error.unexpected'));
	}
};
