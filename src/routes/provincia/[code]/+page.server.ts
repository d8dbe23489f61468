import { loadDashboardPage } from '$lib/server/dashboard-page';
import { loadInstitutionSide } from '$lib/server/institution-side';
import { loadProvince } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('supabase:db:provinces', 'supabase:db:projects', 'supabase:db:commitments');
	const territory = await loadProvince(locals.supabase, params.code, locals.lang);
	const [dashboard, side] = await Promise.all([
		loadDashboardPage(locals.supabase, url, { level: 'province', code: params.code }, locals.lang),
		loadInstitutionSide(
			locals.supabase,
			{ kind: 'provincial_delegation', provinceCode: params.code },
			locals.lang
		)
	]);
	return { ...territory, dashboard, side };
};
