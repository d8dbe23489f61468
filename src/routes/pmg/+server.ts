import { redirect } from '@sveltejs/kit';
import { todayInChile } from '$lib/server/tiles';
import type { RequestHandler } from './$types';

/** `/pmg` is the evaluation of the current year in Chile. */
export const GET: RequestHandler = ({ url }) => {
	redirect(307, `/pmg/${todayInChile().slice(0, 4)}${url.search}`);
};
