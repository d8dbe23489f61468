import { describe, expect, it } from 'vitest';
import { fetchWithDeadline } from './supabase-fetch';

describe('fetchWithDeadline', () => {
	const hanging: typeof fetch = (_input, init) =>
		new Promise((_resolve, reject) => {
			init?.signal?.addEventListener('abort', () => {
				const reason: unknown = init.signal?.reason;
				reject(reason instanceof Error ? reason : new Error(String(reason)));
			});
		});

	it('gives up on a request that never answers', async () => {
		const started = Date.now();
		await expect(fetchWithDeadline(hanging, 50)('http://127.0.0.1/')).rejects.toThrow();
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it("still honours the caller's own abort", async () => {
		const controller = new AbortController();
		const pending = fetchWithDeadline(hanging, 60_000)('http://127.0.0.1/', {
			signal: controller.signal
		});
		controller.abort(new Error('caller gave up'));
		await expect(pending).rejects.toThrow('caller gave up');
	});

	it('passes an answer through', async () => {
		const answer: typeof fetch = async () => new Response('ok');
		expect(await (await fetchWithDeadline(answer, 50)('http://127.0.0.1/')).text()).toBe('ok');
	});
});
