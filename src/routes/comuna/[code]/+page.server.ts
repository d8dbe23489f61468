import { loadDashboardPage } from '$lib/server/dashboard-page';
import { loadInstitutionSide } from '$lib/server/institution-side';
import { latestPublications } from '$lib/server/publications';
import { loadCommune } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends(
		'supabase:db:communes',
		'supabase:db:provinces',
		'supabase:db:regions',
		'supabase:db:projects',
		'supabase:db:publications'
	);
	const territory = await loadCommune(locals.supabase, params.code, locals.lang);
	const [dashboard, side, publications] = await Promise.all([
		loadDashboardPage(locals.supabase, url, { level: 'commune', code: params.code }, locals.lang),
		loadInstitutionSide(locals.supabase, { kind: 'municipality', communeCode: params.code }, locals.lang),
		latestPublications(locals.supabase, { commune: params.code }, locals.lang)
	]);
	return { ...territory, dashboard, side, publications };
};
