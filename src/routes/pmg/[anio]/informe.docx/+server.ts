import { redirect } from '@sveltejs/kit';
import { executiveReportDocx } from '$lib/server/pmg-docx';
import { loadCaller, parseYear, partOf } from '$lib/server/pmg';
import { loadReport } from '$lib/server/pmg-report';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url, fetch }) => {
	const year = parseYear(params.anio, locals.lang);
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const caller = await loadCaller(locals.supabase, locals.user.id, locals.lang);
	const regionCode = partOf(caller, url.searchParams.get('region'));
	const loaded = await loadReport(locals.supabase, fetch, year, regionCode, locals.lang);
	const body = await executiveReportDocx(loaded, locals.lang, new Date());
	const name = `informe-ejecutivo-pmg-${year}${regionCode ? `-region-${regionCode}` : '-nacional'}.docx`;
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
