import { json } from '@sveltejs/kit';
import { searchCommitments } from '$lib/server/publications';
import type { RequestHandler } from './$types';

// The compose form's commitment picker (projects use the shared /api/proyectos/buscar).
// Commitments are public; the desk's layout already requires a signed-in user for pages, this
// endpoint only answers one too.
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) return json([], { status: 401 });
	const query = (url.searchParams.get('q') ?? '').slice(0, 100);
	return json(await searchCommitments(locals.supabase, query, locals.lang));
};
