import { deskMembership } from '$lib/server/publication-desk';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	event.depends('supabase:auth');
	const membership = await deskMembership(event);
	let regionName: string | null = null;
	if (membership.region_code) {
		const region = await event.locals.supabase
			.from('regions')
			.select('name')
			.eq('code', membership.region_code)
			.maybeSingle();
		regionName = region.data?.name ?? null;
	}
	return { membership, regionName };
};
