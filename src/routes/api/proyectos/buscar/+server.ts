import { json } from '@sveltejs/kit';
import { searchProjects } from '$lib/server/project-search';
import { isRegionCode } from '$lib/territory/order';
import type { RequestHandler } from './$types';

// The project picker's search (`?q=puente&region=08`): projects are public, so anyone may ask;
// RLS on projects applies through the caller's client all the same.
export const GET: RequestHandler = async ({ locals, url }) => {
	const region = url.searchParams.get('region') ?? '';
	const matches = await searchProjects(
		locals.supabase,
		url.searchParams.get('q') ?? '',
		isRegionCode(region) ? region : null,
		locals.lang
	);
	return json(matches, { headers: { 'cache-control': 'private, max-age=30' } });
};
