import { redirect } from '@sveltejs/kit';
import { captureImages, chromiumPath, pdfOrigin } from '$lib/server/pdf';
import { executiveReportDocx } from '$lib/server/pmg-docx';
import { loadCaller, parseYear, partOf } from '$lib/server/pmg';
import { loadReport } from '$lib/server/pmg-report';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url, fetch, cookies }) => {
	const year = parseYear(params.anio, locals.lang);
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const caller = await loadCaller(locals.supabase, locals.user.id, locals.lang);
	const regionCode = partOf(caller, url.searchParams.get('region'));
	// The charts and the map are the report page's own, drawn by the server's Chromium as the
	// requester sees them; without Chromium the document says they are in the PDF.
	const executable = chromiumPath();
	const page = `${pdfOrigin(url.origin)}/pmg/${year}/informe${regionCode ? `?region=${regionCode}` : ''}`;
	const [loaded, images] = await Promise.all([
		loadReport(locals.supabase, fetch, year, regionCode, locals.lang),
		executable ? captureImages(executable, page, cookies.getAll()) : Promise.resolve(new Map())
	]);
	const body = await executiveReportDocx(loaded, locals.lang, new Date(), images);
	const name = `informe-ejecutivo-pmg-${year}${regionCode ? `-region-${regionCode}` : '-nacional'}.docx`;
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
