import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { NATIONAL, parseId } from '$lib/server/agreements';
import { commitmentCostsCsv, ExportError, type CostScope } from '$lib/server/export';
import { isRegionCode } from '$lib/territory/order';
import type { RequestHandler } from './$types';

// The estimated costs of one agreement's commitments (`?convenio=12`) or of a region's
// (`?region=08`: its own and the national ones concerning its comunas, with the region's part;
// `?region=nacional`: national ones without comunas), one line per commitment; `?sep=;` for
// spreadsheets set up for Chile.
export const GET: RequestHandler = async ({ url, locals }) => {
	const separator = url.searchParams.get('sep') === ';' ? ';' : ',';
	const agreement = parseId(url.searchParams.get('convenio'));
	const region = url.searchParams.get('region') ?? '';
	let scope: CostScope;
	if (agreement !== null) scope = { agreement };
	else if (isRegionCode(region) || region === NATIONAL) scope = { region };
	else error(400, translate(locals.lang, 'costs.csvScope'));
	try {
		const body = await commitmentCostsCsv(locals.supabase, scope, locals.lang, separator);
		const name =
			'agreement' in scope ? `costos-convenio-${scope.agreement}` : `costos-region-${scope.region}`;
		return new Response(body, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}.csv"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (failure) {
		if (!(failure instanceof ExportError)) throw failure;
		console.error(`[export] ${failure.message}`);
		error(failure.status >= 500 ? 502 : failure.status, translate(locals.lang, 'error.unexpected'));
	}
};
