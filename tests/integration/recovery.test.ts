// The local stack heals itself (scripts/test.ts runs this file only against the local stack: the
// processes it kills are this checkout's own, found through its pid file).
import { createClient } from '@supabase/supabase-js';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { killPostgrest, restartPostgres } from '../../scripts/lib/bench/faults.ts';

const url = process.env.PUBLIC_SUPABASE_URL!;
const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY!;
const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY!;
const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

/** Milliseconds until a read through PostgREST and a password sign-in both work again. */
async function timeToRecover(email: string, password: string, timeoutMs = 30_000): Promise<number> {
	const started = Date.now();
	const anon = createClient(url, anonKey, noSession);
	for (;;) {
		const read = await anon.from('regions').select('code', { count: 'exact', head: true }).retry(false);
		const signIn = read.error ? null : await anon.auth.signInWithPassword({ email, password });
		if (!read.error && read.count === 16 && signIn && !signIn.error) return Date.now() - started;
		if (Date.now() - started > timeoutMs)
			throw new Error(`not recovered: ${read.error?.message ?? signIn?.error?.message}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

describe('the local stack after a fault', () => {
	it(
		'restarts a killed PostgREST and reconnects to a restarted Postgres',
		{ timeout: 120_000 },
		async () => {
			const admin = createClient(url, serviceKey, noSession);
			const email = `recuperacion-${Date.now()}@example.cl`;
			const password = randomBytes(12).toString('base64url');
			const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
			expect(created.error).toBeNull();
			try {
				expect(killPostgrest(), 'a PostgREST child to kill').not.toBeNull();
				const down = await createClient(url, anonKey, noSession)
					.from('regions')
					.select('code')
					.retry(false);
				expect(down.error).not.toBeNull();
				expect(await timeToRecover(email, password)).toBeLessThan(30_000);

				expect(await restartPostgres()).toBe(0);
				// The Auth service's pool held connections the restart cut: it must not have died with them.
				expect(await timeToRecover(email, password)).toBeLessThan(30_000);
			} finally {
				await admin.auth.admin.deleteUser(created.data.user!.id);
			}
		}
	);
});
