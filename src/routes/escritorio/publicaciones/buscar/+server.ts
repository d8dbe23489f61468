import { json } from '@sveltejs/kit';
import { searchLinkables } from '$lib/server/publications';
import type { RequestHandler } from './$types';

// The compose form's search pickers. Projects and commitments are public; the desk's layout
// already requires a signed-in user for pages, this endpoint only answers one too.
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) return json([], { status: 401 });
	const kind = url.searchParams.get('tipo') === 'commitments' ? 'commitments' : 'projects';
	const query = (url.searchParams.get('q') ?? '').slice(0, 100);
	return json(await searchLinkables(locals.supabase, kind, query, locals.lang));
};
