import { loadBrief } from '$lib/server/briefs';
import { loadCommune } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const territory = await loadCommune(locals.supabase, params.code, locals.lang);
	const brief = await loadBrief(
		locals.supabase,
		{ level: 'commune', code: params.code },
		[params.code],
		locals.lang
	);
	return { ...territory, brief };
};
