import { loadDashboardPage } from '$lib/server/dashboard-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:regions', 'supabase:db:projects');
	const dashboard = await loadDashboardPage(locals.supabase, url, { level: 'country' }, locals.lang);
	return { regions: dashboard.regions, dashboard };
};
