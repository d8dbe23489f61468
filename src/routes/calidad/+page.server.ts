import { failOnDataError } from '$lib/errors';
import { listRegions } from '$lib/server/territory';
import { listUnlocatedCommitments, loadQualitySummary } from '$lib/server/quality';
import type { PageServerLoad } from './$types';

const COMMITMENTS_SHOWN = 100;

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:projects');
	depends('supabase:db:commitments');
	const asked = url.searchParams.get('region');
	const region = asked && /^\d{2}$/.test(asked) ? asked : null;
	const [summary, regions, commitments] = await Promise.all([
		loadQualitySummary(locals.supabase),
		listRegions(locals.supabase, locals.lang),
		listUnlocatedCommitments(locals.supabase, region, COMMITMENTS_SHOWN)
	]);
	failOnDataError(summary, locals.lang, 'calidad.summary');
	failOnDataError(commitments, locals.lang, 'calidad.commitments');
	return {
		summary: summary.data ?? [],
		regions,
		region,
		commitments: commitments.data ?? [],
		commitmentsShown: COMMITMENTS_SHOWN
	};
};
