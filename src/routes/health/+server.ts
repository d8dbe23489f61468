import { json } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import { checkHealth } from '$lib/server/health';
import { readSupabaseEnv } from '$lib/supabase-env';
import type { RequestHandler } from './$types';

// 200 when the API and the database answer, 503 otherwise; never cached.
export const GET: RequestHandler = async () => {
	const { url, anonKey } = readSupabaseEnv(env);
	const report = await checkHealth(url, anonKey);
	return json(report, {
		status: report.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
