import { error } from '@sveltejs/kit';
import { filterToRpc } from '$lib/filters/rpc';
import { filterFromSearchParams } from '$lib/filters/url';
import { translate } from '$lib/i18n';
import { ExportError, projectsOc4ids } from '$lib/server/export';
import type { RequestHandler } from './$types';

// The filtered projects as an OC4IDS project package, streamed.
export const GET: RequestHandler = async ({ url, locals }) => {
	try {
		const body = await projectsOc4ids(
			locals.supabase,
			filterToRpc(filterFromSearchParams(url.searchParams).filter),
			{ uri: url.href }
		);
		return new Response(body, {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': 'attachment; filename="proyectos.oc4ids.json"',
				'cache-control': 'private, no-store'
			}
		});
	} catch (failure) {
		if (!(failure instanceof ExportError)) throw failure;
		console.error(`[export] ${failure.message}`);
		error(failure.status >= 500 ? 502 : failure.status, translate(locals.lang, 'error.unexpected'));
	}
};
