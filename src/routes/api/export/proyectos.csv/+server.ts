import { error } from '@sveltejs/kit';
import { filterToRpc } from '$lib/filters/rpc';
import { filterFromSearchParams } from '$lib/filters/url';
import { translate } from '$lib/i18n';
import { ExportError, projectsCsv } from '$lib/server/export';
import type { RequestHandler } from './$types';

// The filtered projects as CSV (`?sep=;` for spreadsheets set up for Chile), streamed.
export const GET: RequestHandler = async ({ url, locals }) => {
	const separator = url.searchParams.get('sep') === ';' ? ';' : ',';
	try {
		const body = await projectsCsv(
			locals.supabase,
			filterToRpc(filterFromSearchParams(url.searchParams).filter),
			locals.lang,
			separator
		);
		return new Response(body, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="proyectos.csv"',
				'cache-control': 'private, no-store'
			}
		});
	} catch (failure) {
		if (!(failure instanceof ExportError)) throw failure;
		console.error(`[export] ${failure.message}`);
		error(failure.status >= 500 ? 502 : failure.status, translate(locals.lang, 'error.unexpected'));
	}
};
