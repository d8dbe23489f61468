// The one way tests make a Supabase client: typed with the generated Database (a test that uses a
// renamed column or enum value fails to type-check), with no session persisted or refreshed behind
// the test's back, against the Supabase that `npm test` started and passed through the environment.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';

export type TestClient = SupabaseClient<Database>;

type Setting =
	| 'PUBLIC_SUPABASE_URL'
	| 'PUBLIC_SUPABASE_ANON_KEY'
	| 'SUPABASE_SERVICE_ROLE_KEY'
	| 'SUPABASE_AUTH_FORWARDING_KEY';

/** A missing setting is a broken run, not a reason to skip. */
export function testSetting(name: Setting): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} must be set (npm test sets it from the running stack)`);
	return value;
}

export interface TestClientOptions {
	/** The API key: the anon key unless the test acts as a server job. */
	key?: 'anon' | 'service';
	/** A hand-made API key instead, to probe the gateway's check. */
	apiKey?: string;
	/** Extra headers on every request, e.g. a hand-made Authorization to probe token checks. */
	headers?: Record<string, string>;
}

export function testClient({ key = 'anon', apiKey, headers }: TestClientOptions = {}): TestClient {
	const keyValue =
		apiKey ?? testSetting(key === 'anon' ? 'PUBLIC_SUPABASE_ANON_KEY' : 'SUPABASE_SERVICE_ROLE_KEY');
	return createClient<Database>(testSetting('PUBLIC_SUPABASE_URL'), keyValue, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		...(headers ? { global: { headers } } : {})
	});
}
