import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { chromiumPath, pdfOrigin, printToPdf } from '$lib/server/pdf';
import { parseYear } from '$lib/server/pmg';
import { isRegionCode } from '$lib/territory/order';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url, cookies }) => {
	const year = parseYear(params.anio, locals.lang);
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const executable = chromiumPath();
	if (!executable) error(503, translate(locals.lang, 'pmg.report.noChromium'));
	const requested = url.searchParams.get('region');
	const region = requested && isRegionCode(requested) ? requested : null;
	const page = `${pdfOrigin(url.origin)}/pmg/${year}/informe${region ? `?region=${region}` : ''}`;
	const pdf = await printToPdf(executable, page, cookies.getAll());
	const name = `informe-ejecutivo-pmg-${year}${region ? `-region-${region}` : ''}.pdf`;
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
