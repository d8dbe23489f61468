import { redirect } from '@sveltejs/kit';
import { loadCaller, parseYear, partOf } from '$lib/server/pmg';
import { loadReport, reportHtml } from '$lib/server/pmg-report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch, depends }) => {
	depends('supabase:db:pmg_evaluations');
	const year = parseYear(params.anio, locals.lang);
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const caller = await loadCaller(locals.supabase, locals.user.id, locals.lang);
	const regionCode = partOf(caller, url.searchParams.get('region'));
	const { evaluation, report, outline, shadings } = await loadReport(
		locals.supabase,
		fetch,
		year,
		regionCode,
		locals.lang
	);
	return {
		year,
		regionCode,
		institution: evaluation.institution,
		region: evaluation.region,
		report,
		html: reportHtml(report),
		outline,
		shadings,
		generatedAt: new Date().toISOString()
	};
};
