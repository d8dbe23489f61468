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

/** The data of a supabase-js result; its error, if any, fails the test with the API's message. */
export function must<T>(result: { data: T; error: { message: string } | null }): NonNullable<T> {
	if (result.error) throw new Error(result.error.message);
	return result.data as NonNullable<T>;
}

export interface TestUserOptions {
	role: Database['public']['Enums']['app_role'];
	region?: string | null;
	/** Names the suite in the address, so a leftover user says where it came from. */
	label: string;
	/** Claims a client could set on itself, to prove the database never trusts them. */
	appMetadata?: Record<string, unknown>;
}

/**
 * A new user with one membership, signed in through Auth: its client carries a real JWT, as a
 * person's browser would. The caller deletes it (`service.auth.admin.deleteUser(id)`).
 */
export async function signedInUser(
	service: TestClient,
	{ role, region = null, label, appMetadata }: TestUserOptions
): Promise<{ id: string; client: TestClient }> {
	const email = `${label}-${role}-${region ?? 'nac'}-${crypto.randomUUID().slice(0, 8)}@example.test`;
	const password = `clave-${crypto.randomUUID()}`;
	const id = await createMember(service, { email, password, role, region, appMetadata });
	const client = testClient();
	const signIn = await client.auth.signInWithPassword({ email, password });
	if (signIn.error) throw signIn.error;
	return { id, client };
}

/**
 * A confirmed account with one membership (role, region or national), or with none when no role
 * is given (a person who signed up and was granted nothing); returns its user id.
 */
export async function createMember(
	service: TestClient,
	{
		email,
		password,
		role = null,
		region = null,
		appMetadata
	}: { email: string; password: string; role?: TestUserOptions['role'] | null } & Omit<
		TestUserOptions,
		'label' | 'role'
	>
): Promise<string> {
	const { data, error } = await service.auth.admin.createUser({
		email,
		password,
		email_confirm: true,
		...(appMetadata ? { app_metadata: appMetadata } : {})
	});
	if (error) throw error;
	if (role)
		must(await service.from('memberships').insert({ user_id: data.user.id, role, region_code: region }));
	return data.user.id;
}
