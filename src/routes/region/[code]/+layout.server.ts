import { latestPublications } from '$lib/server/publications';
import { loadRegion } from '$lib/server/territory';
import type { LayoutServerLoad } from './$types';

// What the region page shows whatever its filter: the region, its provinces and comunas and its
// latest publications. Read here, where the query string is not read, so that a filter change
// (the page's load, below) does not read them again.
export const load: LayoutServerLoad = async ({ locals, params, depends }) => {
	depends(
		'supabase:db:regions',
		'supabase:db:provinces',
		'supabase:db:communes',
		'supabase:db:publications'
	);
	const [territory, publications] = await Promise.all([
		loadRegion(locals.supabase, params.code, locals.lang),
		latestPublications(locals.supabase, { region: params.code }, locals.lang)
	]);
	return { ...territory, publications };
};
