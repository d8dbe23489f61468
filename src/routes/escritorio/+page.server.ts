import { loadDesk, requireRole } from '$lib/server/flows';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:information_flows');
	const membership = await requireRole(locals, url, ['secretariat', 'admin']);
	// The secretariat's desk is its region's; an administrator may look at one region or all.
	const region =
		membership.role === 'secretariat'
			? membership.region_code
			: /^\d{2}$/.test(url.searchParams.get('region') ?? '')
				? url.searchParams.get('region')
				: null;
	const desk = await loadDesk(locals.supabase, region, locals.lang);
	return { ...desk, region, canPublish: membership.role === 'secretariat' };
};
