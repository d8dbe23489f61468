import { listDeskPublications } from '$lib/server/publications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, depends }) => {
	depends('supabase:db:publications');
	const { membership } = await parent();
	return { publications: await listDeskPublications(locals.supabase, membership.region_code, locals.lang) };
};
