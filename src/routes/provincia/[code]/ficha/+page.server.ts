import { loadBrief } from '$lib/server/briefs';
import { loadProvince } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const territory = await loadProvince(locals.supabase, params.code, locals.lang);
	const brief = await loadBrief(
		locals.supabase,
		{ level: 'province', code: params.code },
		territory.communes.map((c) => c.code),
		locals.lang
	);
	return { ...territory, brief };
};
