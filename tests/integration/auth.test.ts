// Supabase Auth as the app sees it: unmodified supabase-js against the stack's gateway (the local
// Auth service and PostgREST). Every user made here has a random address and is deleted afterwards.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient, testSetting, type TestClient } from '../support/supabase.ts';

const url = testSetting('PUBLIC_SUPABASE_URL');
const anonKey = testSetting('PUBLIC_SUPABASE_ANON_KEY');

let admin: TestClient;

const createdUserIds: string[] = [];
const uniqueEmail = (label: string) => `auth-test-${label}-${randomUUID().slice(0, 8)}@example.test`;
const password = () => `clave-${randomUUID()}`;

async function createUser(label: string, extra: { app_metadata?: Record<string, unknown> } = {}) {
	const email = uniqueEmail(label);
	const secret = password();
	const { data, error } = await admin.auth.admin.createUser({
		email,
		password: secret,
		email_confirm: true,
		...extra
	});
	expect(error).toBeNull();
	createdUserIds.push(data.user!.id);
	return { id: data.user!.id, email, password: secret };
}

/** A random address in 198.18.0.0/15 (reserved for tests), so runs never share counts. */
const testAddress = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

/** The headers with which the app server names the address a person signs in from. */
const from = (address: string) => ({
	'sb-forwarded-for': address,
	'x-sb-forwarding-key': testSetting('SUPABASE_AUTH_FORWARDING_KEY')
});

/**
 * A password sign-in exactly as supabase-js sends it, for comparing raw answers; by default as
 * the app server makes it for someone at a fresh address, so failures here throttle nothing else.
 */
function rawSignIn(email: string, secret: string, headers: Record<string, string> = from(testAddress())) {
	return fetch(`${url}/auth/v1/token?grant_type=password`, {
		method: 'POST',
		headers: {
			apikey: anonKey,
			'content-type': 'application/json;charset=UTF-8',
			'x-supabase-api-version': '2024-01-01',
			...headers
		},
		body: JSON.stringify({ email, password: secret, gotrue_meta_security: {} })
	});
}

/** The sign-in the app server makes for a person at `address` (hooks: client-address.ts). */
async function signInFrom(address: string, email: string, secret: string): Promise<number> {
	const res = await rawSignIn(email, secret, from(address));
	await res.text();
	return res.status;
}

function decodeClaims(jwt: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

beforeAll(() => {
	admin = testClient({ key: 'service' });
});

afterAll(async () => {
	for (const id of createdUserIds) await admin.auth.admin.deleteUser(id);
});

describe('password sign-in', () => {
	it('returns a session whose access token carries GoTrue claims and app_metadata', async () => {
		const user = await createUser('signin', { app_metadata: { role: 'gore', region_code: '05' } });
		const client = testClient();
		const { data, error } = await client.auth.signInWithPassword({
			email: user.email.toUpperCase(),
			password: user.password
		});
		expect(error).toBeNull();
		const session = data.session!;
		expect(session.token_type).toBe('bearer');
		expect(session.expires_in).toBe(3600);
		expect(session.expires_at! - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
		expect(session.refresh_token.length).toBeGreaterThanOrEqual(12);
		expect(data.user!.id).toBe(user.id);
		expect(data.user!.email).toBe(user.email);
		expect(data.user!.last_sign_in_at).toBeTruthy();

		const claims = decodeClaims(session.access_token);
		expect(claims).toMatchObject({
			sub: user.id,
			aud: 'authenticated',
			role: 'authenticated',
			email: user.email,
			aal: 'aal1',
			is_anonymous: false,
			app_metadata: { provider: 'email', providers: ['email'], role: 'gore', region_code: '05' }
		});
		expect(claims.iss).toBe(`${url}/auth/v1`);
		expect(typeof claims.session_id).toBe('string');
		expect(claims.exp).toBe(session.expires_at);

		// getClaims() with an HS256 token falls back to asking /user.
		const claimsResult = await client.auth.getClaims();
		expect(claimsResult.error).toBeNull();
		expect(claimsResult.data?.claims.sub).toBe(user.id);
	});

	it('answers a wrong password and an unknown e-mail identically', async () => {
		const user = await createUser('enum');
		const wrong = await rawSignIn(user.email, 'not-the-password');
		const unknown = await rawSignIn(uniqueEmail('nobody'), 'not-the-password');
		expect(wrong.status).toBe(400);
		expect(unknown.status).toBe(400);
		const wrongBody = await wrong.text();
		expect(wrongBody).toBe(await unknown.text());
		expect(JSON.parse(wrongBody)).toEqual({
			code: 'invalid_credentials',
			message: 'Invalid login credentials'
		});
		for (const header of [
			'content-type',
			'content-length',
			'x-sb-error-code',
			'x-supabase-api-version'
		]) {
			expect(unknown.headers.get(header)).toBe(wrong.headers.get(header));
		}

		const { error } = await testClient().auth.signInWithPassword({
			email: user.email,
			password: 'not-the-password'
		});
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('invalid_credentials');
	});

	it('takes as long for an unknown e-mail as for a wrong password (bcrypt runs either way)', async () => {
		const user = await createUser('timing');
		const time = async (email: string) => {
			const started = performance.now();
			await (await rawSignIn(email, 'not-the-password')).text();
			return performance.now() - started;
		};
		const wrong: number[] = [];
		const unknown: number[] = [];
		for (let i = 0; i < 3; i++) {
			wrong.push(await time(user.email));
			unknown.push(await time(uniqueEmail('ghost')));
		}
		const median = (values: number[]) => values.sort((a, b) => a - b)[1];
		// Without the dummy hash an unknown address would answer ~10× faster.
		expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
	});

	it("delays guessing one account's password where it comes from, not its owner at their own address", async () => {
		const target = await createUser('ratelimit');
		const own = testAddress();
		const attacker = testAddress();
		expect(await signInFrom(own, target.email, target.password)).toBe(200);

		const statuses: number[] = [];
		for (let attempt = 1; attempt <= 5; attempt++)
			statuses.push(await signInFrom(attacker, target.email, `wrong-${attempt}`));
		// Three free failures, then growing delays at that address: even the right password waits.
		expect(statuses).toEqual([400, 400, 400, 429, 429]);
		const limited = await rawSignIn(target.email, target.password, from(attacker));
		expect(limited.status).toBe(429);
		expect(await limited.json()).toMatchObject({ code: 'over_request_rate_limit' });

		// Naming the owner's address without the app server's key is not believed.
		for (let attempt = 1; attempt <= 4; attempt++) {
			const forged = await rawSignIn(target.email, `forged-${attempt}`, { 'sb-forwarded-for': own });
			await forged.text();
		}
		expect(await signInFrom(own, target.email, target.password)).toBe(200);
	});

	it('delays guessing spread over many addresses, but not the owner at an address they signed in from', async () => {
		const target = await createUser('distributed');
		const own = testAddress();
		expect(await signInFrom(own, target.email, target.password)).toBe(200);
		for (let attempt = 1; attempt <= 10; attempt++)
			expect(await signInFrom(testAddress(), target.email, `wrong-${attempt}`)).toBe(400);
		expect(await signInFrom(testAddress(), target.email, target.password)).toBe(429);
		expect(await signInFrom(own, target.email, target.password)).toBe(200);
	});

	it('limits failures from one address across accounts, known or not', async () => {
		const address = testAddress();
		const statuses: number[] = [];
		// supabase/config.toml [auth.rate_limit] sign_in_sign_ups = 30 per 5 minutes.
		for (let attempt = 1; attempt <= 31; attempt++)
			statuses.push(await signInFrom(address, uniqueEmail(`spray${attempt}`), 'not-the-password'));
		expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
		expect(statuses[30]).toBe(429);
		const bystander = await createUser('bystander');
		expect(await signInFrom(testAddress(), bystander.email, bystander.password)).toBe(200);
	});

	it('refuses banned and deleted users', async () => {
		const banned = await createUser('banned');
		const { error: banError } = await admin.auth.admin.updateUserById(banned.id, { ban_duration: '24h' });
		expect(banError).toBeNull();
		const { error } = await testClient().auth.signInWithPassword(banned);
		expect(error?.code).toBe('user_banned');

		const deleted = await createUser('deleted');
		expect((await admin.auth.admin.deleteUser(deleted.id)).error).toBeNull();
		const { error: deletedError } = await testClient().auth.signInWithPassword(deleted);
		expect(deletedError?.code).toBe('invalid_credentials');
	});
});

describe('refresh tokens', () => {
	it('rotate, and a stale token ends the whole session (reuse detection)', async () => {
		const user = await createUser('refresh');
		const client = testClient();
		const first = (await client.auth.signInWithPassword(user)).data.session!;

		const second = await client.auth.refreshSession();
		expect(second.error).toBeNull();
		const secondSession = second.data.session!;
		expect(secondSession.refresh_token).not.toBe(first.refresh_token);
		expect(decodeClaims(secondSession.access_token).session_id).toBe(
			decodeClaims(first.access_token).session_id
		);

		// Right after a rotation the previous token still yields its successor (two requests
		// refreshing with the same cookie at once must not log the user out), never a new token.
		const sameAgain = await testClient().auth.refreshSession({ refresh_token: first.refresh_token });
		expect(sameAgain.error).toBeNull();
		expect(sameAgain.data.session!.refresh_token).toBe(secondSession.refresh_token);

		const third = await client.auth.refreshSession();
		expect(third.error).toBeNull();
		const thirdSession = third.data.session!;
		expect(thirdSession.refresh_token).not.toBe(secondSession.refresh_token);

		// The first token is now two rotations old: presenting it is reuse.
		const replay = await testClient().auth.refreshSession({ refresh_token: first.refresh_token });
		expect(replay.error?.status).toBe(400);
		expect(replay.error?.code).toBe('refresh_token_already_used');

		// ...and it ended the session: the newest tokens are dead too.
		const afterReuse = await testClient().auth.refreshSession({
			refresh_token: thirdSession.refresh_token
		});
		expect(afterReuse.error?.code).toBe('refresh_token_not_found');
		const { error: userError } = await testClient().auth.getUser(thirdSession.access_token);
		expect(userError?.name).toBe('AuthSessionMissingError');
	});

	it('refuses an unknown refresh token', async () => {
		const { error } = await testClient().auth.refreshSession({ refresh_token: 'no-such-refresh-token' });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('refresh_token_not_found');
	});
});

describe('getUser', () => {
	it('returns the user for a valid token and refuses a tampered one', async () => {
		const user = await createUser('getuser');
		const { data } = await testClient().auth.signInWithPassword(user);
		const token = data.session!.access_token;

		const ok = await testClient().auth.getUser(token);
		expect(ok.error).toBeNull();
		expect(ok.data.user?.id).toBe(user.id);

		const [header, , signature] = token.split('.');
		const claims = decodeClaims(token);
		const forgedPayload = Buffer.from(
			JSON.stringify({ ...claims, app_metadata: { role: 'admin' } })
		).toString('base64url');
		const tampered = await testClient().auth.getUser([header, forgedPayload, signature].join('.'));
		expect(tampered.data.user).toBeNull();
		expect(tampered.error?.status).toBe(403);
		expect(tampered.error?.code).toBe('bad_jwt');

		// PostgREST checks the same signature: the forged token gets nowhere there either.
		const forgedClient = testClient({
			headers: { Authorization: `Bearer ${[header, forgedPayload, signature].join('.')}` }
		});
		const { error: restError } = await forgedClient.from('regions').select('code').limit(1);
		expect(restError).not.toBeNull();
	});
});

describe('sign-out', () => {
	it('ends the session: its refresh token and access token stop working', async () => {
		const user = await createUser('signout');
		const client = testClient();
		const session = (await client.auth.signInWithPassword(user)).data.session!;

		expect((await client.auth.signOut()).error).toBeNull();

		const refresh = await testClient().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(refresh.error?.code).toBe('refresh_token_not_found');
		const { error } = await testClient().auth.getUser(session.access_token);
		expect(error?.name).toBe('AuthSessionMissingError');
	});

	it("scope 'others' keeps only the current session", async () => {
		const user = await createUser('others');
		const here = testClient();
		const elsewhere = testClient();
		const hereSession = (await here.auth.signInWithPassword(user)).data.session!;
		const elsewhereSession = (await elsewhere.auth.signInWithPassword(user)).data.session!;

		expect((await here.auth.signOut({ scope: 'others' })).error).toBeNull();

		expect((await testClient().auth.getUser(hereSession.access_token)).error).toBeNull();
		expect((await testClient().auth.getUser(elsewhereSession.access_token)).error?.name).toBe(
			'AuthSessionMissingError'
		);
	});
});

describe('API keys', () => {
	it('refuses requests without a valid apikey', async () => {
		for (const path of ['/rest/v1/regions?select=code', '/auth/v1/settings']) {
			const missing = await fetch(`${url}${path}`);
			expect(missing.status).toBe(401);
			await missing.text();
			const invalid = await fetch(`${url}${path}`, { headers: { apikey: `${anonKey}tampered` } });
			expect(invalid.status).toBe(401);
			expect((await invalid.json()).message).toBe('Invalid API key');
		}
		const { error } = await testClient({ apiKey: 'not-a-key' }).from('regions').select('code').limit(1);
		expect(error).not.toBeNull();
	});

	it('admin calls need the service key', async () => {
		const { data, error } = await testClient().auth.admin.createUser({
			email: uniqueEmail('sneaky'),
			password: password()
		});
		expect(data.user).toBeNull();
		expect(error?.status).toBe(403);
		expect(error?.code).toBe('not_admin');

		const user = await createUser('admin');
		const signedIn = testClient();
		await signedIn.auth.signInWithPassword(user);
		// A signed-in user's token is not an admin token either.
		const asUser = await signedIn.auth.admin.getUserById(user.id);
		expect(asUser.error?.status).toBe(403);
	});

	it('admin createUser refuses a duplicate e-mail', async () => {
		const user = await createUser('dup');
		const { error } = await admin.auth.admin.createUser({
			email: user.email.toUpperCase(),
			password: password()
		});
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('email_exists');
	});
});

describe('RLS sees the signed-in user', () => {
	it('auth.uid() in policies is the token subject (own membership only)', async () => {
		const user = await createUser('rls', { app_metadata: { role: 'planner' } });
		const other = await createUser('rls-other', { app_metadata: { role: 'planner' } });
		const { error: insertError } = await admin.from('memberships').insert([
			{ user_id: user.id, role: 'planner', region_code: null },
			{ user_id: other.id, role: 'planner', region_code: null }
		]);
		expect(insertError).toBeNull();

		const client = testClient();
		await client.auth.signInWithPassword(user);
		const { data, error } = await client.from('memberships').select('user_id, role');
		expect(error).toBeNull();
		expect(data).toEqual([{ user_id: user.id, role: 'planner' }]);

		const { data: anonRows } = await testClient().from('memberships').select('user_id');
		expect(anonRows ?? []).toEqual([]);
	});
});
