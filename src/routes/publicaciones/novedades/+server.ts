import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { translate } from '$lib/i18n';
import { newestPublicationId } from '$lib/server/publications';
import { isCommuneCode, isRegionCode } from '$lib/territory/order';
import type { RequestHandler } from './$types';

// Server-sent events for pages that stay open, where Supabase Realtime is not available (the
// embedded local stack). The stream polls the newest public publication of the place — one indexed
// query per interval and open page — and says `publication` when a newer one appears: a new
// publication, or a scheduled one whose time came (which no row change announces).
const DEFAULT_POLL_SECONDS = 15;

export const GET: RequestHandler = ({ locals, url, request }) => {
	const region = url.searchParams.get('region');
	const commune = url.searchParams.get('comuna');
	const place =
		region && isRegionCode(region) ? { region } : commune && isCommuneCode(commune) ? { commune } : null;
	if (!place) error(400, translate(locals.lang, 'publications.notFound'));
	let newest = Number(url.searchParams.get('desde')) || 0;
	const pollMs = Math.max(1, Number(env.PUBLICATIONS_POLL_SECONDS) || DEFAULT_POLL_SECONDS) * 1000;

	const encoder = new TextEncoder();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => controller.enqueue(encoder.encode(text));
			// Tells EventSource how long to wait before reconnecting after a dropped connection.
			send(`retry: ${pollMs}\n\n`);
			const poll = async (): Promise<void> => {
				if (request.signal.aborted) return;
				try {
					const id = await newestPublicationId(locals.supabase, place);
					if (id !== null && id !== newest) {
						newest = id;
						send(`event: publication\ndata: ${JSON.stringify({ id })}\n\n`);
					} else {
						send(': keep-alive\n\n');
					}
				} catch (failure) {
					console.error('publication events: poll failed', failure);
				}
				timer = setTimeout(() => void poll(), pollMs);
			};
			timer = setTimeout(() => void poll(), 0);
			request.signal.addEventListener('abort', () => {
				clearTimeout(timer);
				try {
					controller.close();
				} catch {
					// Already closed by the client going away.
				}
			});
		},
		cancel() {
			clearTimeout(timer);
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// Proxies such as nginx would otherwise buffer the stream.
			'x-accel-buffering': 'no'
		}
	});
};
