// `npm run stack -- stop` then `start` keeps every row (scripts/test.ts runs this file only against
// the local stack; a hosted Supabase is not ours to restart).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stackStatus, startStack, stopStack } from '../../scripts/lib/stack/stack.ts';
import { testClient } from '../support/supabase.ts';

describe('the local stack across stop and start', () => {
	it('keeps users, their sessions’ credentials and the data', { timeout: 120_000 }, async () => {
		const admin = testClient({ key: 'service' });
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

		const anon = testClient();
		const signIn = await anon.auth.signInWithPassword({ email, password });
		expect(signIn.error).toBeNull();
		expect(signIn.data.user?.email).toBe(email);
		const after = await admin.from('projects').select('id', { count: 'exact', head: true });
		expect(after.count).toBe(before.count);
		await admin.auth.admin.deleteUser(created.data.user!.id);
	});
});
