import { filterFromSearchParams } from '$lib/filters/url';
import { listCommitments } from '$lib/server/commitments';
import { loadFilterOptions } from '$lib/server/reference';
import { listRegions } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:commitments');
	const { filter, notices } = filterFromSearchParams(url.searchParams);
	const page = Math.max(0, Math.min(10_000, Number(url.searchParams.get('pagina') ?? 1) - 1 || 0));
	const [commitments, options, regions] = await Promise.all([
		listCommitments(locals.supabase, filter, page, locals.lang),
		loadFilterOptions(locals.supabase, locals.lang),
		listRegions(locals.supabase, locals.lang)
	]);
	return { filter, notices, commitments, options, regions };
};
