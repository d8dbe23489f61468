import { feedResponse } from '$lib/server/publication-feeds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	feedResponse(event, { kind: 'region', code: event.params.code }, 'atom');
