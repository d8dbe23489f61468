import { failOnDataError } from '$lib/errors';
import { filterToRpc } from '$lib/filters/rpc';
import { filterFromSearchParams } from '$lib/filters/url';
import { decodeCursor, isProjectSort, loadProjectsPage } from '$lib/server/dashboard';
import { loadFilterOptions } from '$lib/server/reference';
import { listRegions } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:projects');
	const { filter, notices } = filterFromSearchParams(url.searchParams);
	const sortParam = url.searchParams.get('orden');
	const sort = isProjectSort(sortParam) ? sortParam : 'investment_desc';
	const cursor = decodeCursor(url.searchParams.get('desde'));
	const [page, options, regions] = await Promise.all([
		loadProjectsPage(locals.supabase, filterToRpc(filter), sort, cursor),
		loadFilterOptions(locals.supabase, locals.lang),
		listRegions(locals.supabase, locals.lang)
	]);
	failOnDataError(page, locals.lang, 'proyectos.page');
	return { filter, notices, sort, page: page.data!, firstPage: cursor === null, options, regions };
};
