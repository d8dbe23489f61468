import { loadDashboardPage } from '$lib/server/dashboard-page';
import { latestPublications } from '$lib/server/publications';
import { loadRegion } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends(
		'supabase:db:regions',
		'supabase:db:provinces',
		'supabase:db:communes',
		'supabase:db:projects',
		'supabase:db:publications'
	);
	const territory = await loadRegion(locals.supabase, params.code, locals.lang);
	const [dashboard, publications] = await Promise.all([
		loadDashboardPage(locals.supabase, url, { level: 'region', code: params.code }, locals.lang),
		latestPublications(locals.supabase, { region: params.code }, locals.lang)
	]);
	return { ...territory, dashboard, publications };
};
