import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { fetchWithDeadline } from './supabase-fetch';

/**
 * What `/health` reports: whether the Supabase API answers (its Auth service) and whether the
 * database answers through it (a one-row read via PostgREST, which needs Postgres). Anonymous and
 * read-only, so it reveals nothing a visitor could not already see.
 */
export interface CheckResult {
	ok: boolean;
	ms: number;
	/** A short reason when not ok (an HTTP status or error code), never a secret. */
	error?: string;
}

export interface HealthReport {
	status: 'ok' | 'unavailable';
	checks: { api: CheckResult; database: CheckResult };
}

/** Checks must answer faster than a load balancer's patience. */
const CHECK_TIMEOUT_MS = 3000;

async function timed(check: () => Promise<string | null>): Promise<CheckResult> {
	const started = performance.now();
	let problem: string | null;
	try {
		problem = await check();
	} catch (failure) {
		problem = failure instanceof Error ? failure.name : 'error';
	}
	const ms = Math.round(performance.now() - started);
	return problem === null ? { ok: true, ms } : { ok: false, ms, error: problem };
}

let client: { key: string; supabase: SupabaseClient<Database> } | undefined;

function anonClient(url: string, anonKey: string): SupabaseClient<Database> {
	const key = `${url} ${anonKey}`;
	if (client?.key !== key) {
		client = {
			key,
			supabase: createClient<Database>(url, anonKey, {
				auth: { persistSession: false, autoRefreshToken: false },
				// A health check reports the state now; retrying would hide it.
				db: { retry: false },
				global: { fetch: fetchWithDeadline(fetch, CHECK_TIMEOUT_MS) }
			})
		};
	}
	return client.supabase;
}

export async function checkHealth(url: string, anonKey: string): Promise<HealthReport> {
	const fetchChecked = fetchWithDeadline(fetch, CHECK_TIMEOUT_MS);
	const [api, database] = await Promise.all([
		timed(async () => {
			const response = await fetchChecked(new URL('/auth/v1/health', url), {
				headers: { apikey: anonKey }
			});
			await response.body?.cancel();
			return response.ok ? null : `HTTP ${response.status}`;
		}),
		timed(async () => {
			const result = await anonClient(url, anonKey).from('regions').select('code').limit(1);
			if (!result.error) return null;
			return result.error.code ? result.error.code : `HTTP ${result.status}`;
		})
	]);
	return { status: api.ok && database.ok ? 'ok' : 'unavailable', checks: { api, database } };
}
