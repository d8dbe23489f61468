import { loadDashboardPage } from '$lib/server/dashboard-page';
import { loadRegion } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('supabase:db:regions', 'supabase:db:provinces', 'supabase:db:communes', 'supabase:db:projects');
	const territory = await loadRegion(locals.supabase, params.code, locals.lang);
	const dashboard = await loadDashboardPage(
		locals.supabase,
		url,
		{ level: 'region', code: params.code },
		locals.lang
	);
	return { ...territory, dashboard };
};
