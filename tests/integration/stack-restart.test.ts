// `npm run stack -- stop` then `start` keeps every row (scripts/test.ts runs this file only against
// the local stack; a hosted Supabase is not ours to restart).
import { createClient } from '@supabase/supabase-js';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stackStatus, startStack, stopStack } from '../../scripts/lib/stack/stack.ts';

const url = process.env.PUBLIC_SUPABASE_URL!;
const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY!;
const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY!;

describe('the local stack across stop and start', () => {
	it('keeps users, their sessions’ credentials and the data', { timeout: 120_000 }, async () => {
		const admin = createClient(url, serviceKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		const email = `reinicio-${Date.now()}@example.cl`;
		const password = randomBytes(12).toString('base64url');
		const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
		expect(created.error).toBeNull();
		const before = await admin.from('projects').select('id', { count: 'exact', head: true });
		expect(before.error).toBeNull();

		await stopStack();
		expect(await stackStatus()).toMatchObject({ postgres: false, api: false });
		await startStack();
		expect(await stackStatus()).toMatchObject({ postgres: true, api: true });

		const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
		const signIn = await anon.auth.signInWithPassword({ email, password });
		expect(signIn.error).toBeNull();
		expect(signIn.data.user?.email).toBe(email);
		const after = await admin.from('projects').select('id', { count: 'exact', head: true });
		expect(after.count).toBe(before.count);
		await admin.auth.admin.deleteUser(created.data.user!.id);
	});
});
