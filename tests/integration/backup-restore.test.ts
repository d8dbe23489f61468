// npm run db:backup / db:restore round trip on the local stack (scripts/test.ts runs this file only
// there: replacing a hosted database is not a test's business).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, readManifest, restoreDatabase } from '../../scripts/lib/backup/dump.ts';
import { compareFingerprints, fingerprintTables } from '../../scripts/lib/backup/fingerprint.ts';
import { readStackEnv } from '../../scripts/lib/stack/connection.ts';

/** The local stack's superuser URL (this test replaces the local database). */
const localDatabaseUrl = () => readStackEnv()?.SUPABASE_DB_URL ?? null;

const url = process.env.PUBLIC_SUPABASE_URL!;
const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY!;
const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY!;
const noSession = { auth: { persistSession: false, autoRefreshToken: false } };
const dir = mkdtempSync(join(tmpdir(), 'tablero-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function signIn(email: string, password: string) {
	return createClient(url, anonKey, noSession).auth.signInWithPassword({ email, password });
}

/**
 * PostgREST reconnects on its own after the database is replaced; give it a bounded while. A write
 * proves its schema cache is the restored one: with a cache taken mid-restore (no keys, no
 * relations) an insert answers 404 instead of naming the foreign key it breaks.
 */
async function untilApiAnswers(admin: SupabaseClient, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const read = await admin.from('regions').select('code', { count: 'exact', head: true });
		const write = await admin
			.from('memberships')
			.insert({ user_id: '00000000-0000-0000-0000-000000000000', role: 'planner' });
		if (!read.error && write.error?.code === '23503') return read.count;
		if (Date.now() > deadline)
			throw new Error(
				`API not back: read ${read.error?.message}, write ${write.status} ${write.error?.code}`
			);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe('db:backup and db:restore', () => {
	it(
		'bring back every row, auth users included, and nothing written after the backup',
		{ timeout: 180_000 },
		async () => {
			const databaseUrl = localDatabaseUrl();
			expect(databaseUrl, 'the local stack is running').toBeTruthy();
			const admin = createClient(url, serviceKey, noSession);
			const password = randomBytes(12).toString('base64url');
			const kept = `respaldo-${Date.now()}@example.cl`;
			const later = `posterior-${Date.now()}@example.cl`;
			const keptUser = await admin.auth.admin.createUser({
				email: kept,
				password,
				email_confirm: true
			});
			expect(keptUser.error).toBeNull();

			const file = join(dir, 'tablero.dump');
			const manifest = await backupDatabase(databaseUrl!, file);
			expect(manifest.bytes).toBeGreaterThan(0);
			expect(readManifest(file).fingerprints['auth.users'].rows).toBeGreaterThan(0);
			expect(manifest.fingerprints['public.projects'].rows).toBeGreaterThan(0);
			expect(manifest.databaseSettings.some((setting) => setting.startsWith('search_path='))).toBe(
				true
			);

			const laterUser = await admin.auth.admin.createUser({
				email: later,
				password,
				email_confirm: true
			});
			expect(laterUser.error).toBeNull();

			// Throws unless every table's count and checksum equal the manifest's.
			const restored = await restoreDatabase(databaseUrl!, file);
			expect(restored.tables).toBe(Object.keys(manifest.fingerprints).length);

			expect(await untilApiAnswers(admin)).toBe(16);
			expect((await signIn(kept, password)).error).toBeNull();
			expect((await signIn(later, password)).error?.code).toBe('invalid_credentials');
			await admin.auth.admin.deleteUser(keptUser.data.user!.id);
		}
	);

	it('notices a single changed row', async () => {
		const client = new pg.Client({ connectionString: localDatabaseUrl()! });
		await client.connect();
		try {
			const tables = ['public.regions'];
			const before = await fingerprintTables(client, tables);
			await client.query('begin');
			await client.query(`update public.regions set name = name || ' ' where code = '05'`);
			const changed = await fingerprintTables(client, tables);
			await client.query('rollback');
			expect(before['public.regions'].rows).toBe(changed['public.regions'].rows);
			expect(compareFingerprints(before, changed).map((d) => d.table)).toEqual(['public.regions']);
		} finally {
			await client.end();
		}
	});
});
