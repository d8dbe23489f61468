import pg from 'pg';
import { applyBootstrap, applyMigrations, applySeed } from './migrate.ts';
import { readSecrets } from './secrets.ts';

/**
 * A database as `supabase db reset` leaves it — bootstrap, migrations and seed, no territory and no
 * sample data — created in the cluster of `dbUrl` for `work` and dropped afterwards, whatever
 * happens. pgTAP runs there (tests known to pass where Supabase's CLI runs them, not only on the
 * loaded stack), and the import round trip imports into it (an empty stack).
 */
export async function withFreshDatabase<T>(
	dbUrl: string,
	label: string,
	work: (url: string) => Promise<T>
): Promise<T> {
	const name = `tablero_${label}_${process.pid}`;
	const admin = new pg.Client({ connectionString: dbUrl });
	await admin.connect();
	try {
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.query(`create database ${name}`);
		const url = new URL(dbUrl);
		url.pathname = `/${name}`;
		const client = new pg.Client({ connectionString: url.toString() });
		await client.connect();
		try {
			await applyBootstrap(client, readSecrets()!.authenticatorPassword);
			await applyMigrations(client);
			await applySeed(client);
		} finally {
			await client.end();
		}
		return await work(url.toString());
	} finally {
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}
