import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { loadDashboardPage } from '$lib/server/dashboard-page';
import { isRegionCode } from '$lib/territory/order';
import type { PageServerLoad } from './$types';

// The filtered part of the region page; the region itself comes from +layout.server.ts, loaded
// in parallel with this.
export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('supabase:db:projects');
	if (!isRegionCode(params.code))
		error(404, translate(locals.lang, 'region.notFound', { code: params.code }));
	const dashboard = await loadDashboardPage(
		locals.supabase,
		url,
		{ level: 'region', code: params.code },
		locals.lang
	);
	return { dashboard };
};
