// pg_dump / pg_restore of the whole database (schema, data, auth users), with a manifest beside
// the dump: the row count and checksum of every data table, taken in the dump's own snapshot, and
// the database-level settings pg_restore does not carry. A restore checks itself against it.
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { postgresBinDir } from '../stack/system.ts';
import { compareFingerprints, dataTables, fingerprintTables, type Fingerprints } from './fingerprint.ts';

export interface BackupManifest {
	createdAt: string;
	database: string;
	/** `name=value` as Postgres stores ALTER DATABASE … SET. */
	databaseSettings: string[];
	fingerprints: Fingerprints;
}

export const manifestPath = (dumpFile: string) => `${dumpFile}.json`;

function binary(name: 'pg_dump' | 'pg_restore'): string {
	const dir = postgresBinDir();
	if (!dir) throw new Error('No se encontró PostgreSQL (pg_dump/pg_restore).');
	return join(dir, name);
}

function runTool(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} terminó con código ${code}:\n${stderr}`))
		);
	});
}

function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${encodeURIComponent(database)}`;
	return parsed.toString();
}

const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';

export async function backupDatabase(url: string, file: string): Promise<BackupManifest & { bytes: number }> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		// One snapshot for the checksums and for pg_dump, so both describe the same rows even while
		// the app keeps writing.
		await client.query('begin isolation level repeatable read read only');
		const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
		const settings = await client.query<{ setting: string }>(
			`select unnest(setconfig) as setting from pg_db_role_setting
			  where setrole = 0 and setdatabase = (select oid from pg_database where datname = current_database())`
		);
		const fingerprints = await fingerprintTables(client, await dataTables(client));
		await runTool(binary('pg_dump'), [
			'--format=custom',
			`--snapshot=${rows[0].snapshot}`,
			`--file=${file}`,
			`--dbname=${url}`
		]);
		await client.query('commit');
		const manifest: BackupManifest = {
			createdAt: new Date().toISOString(),
			database: databaseOf(url),
			databaseSettings: settings.rows.map((row) => row.setting),
			fingerprints
		};
		writeFileSync(manifestPath(file), JSON.stringify(manifest, null, '\t') + '\n');
		return { ...manifest, bytes: statSync(file).size };
	} finally {
		await client.end();
	}
}

export function readManifest(file: string): BackupManifest {
	return JSON.parse(readFileSync(manifestPath(file), 'utf8')) as BackupManifest;
}

/**
 * Replaces database `database` (by default the one in `url`) with the dump: drops it (closing its
 * connections: PostgREST and Auth reconnect on their own), creates it empty, restores, re-applies
 * its settings, then compares every table with the manifest. Throws when anything differs.
 */
export async function restoreDatabase(
	url: string,
	file: string,
	options: { database?: string } = {}
): Promise<{ tables: number; rows: number }> {
	const manifest = readManifest(file);
	const database = options.database ?? databaseOf(url);
	const admin = new pg.Client({ connectionString: withDatabase(url, 'template1') });
	await admin.connect();
	try {
		const name = admin.escapeIdentifier(database);
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.query(`create database ${name} template template0`);
		for (const setting of manifest.databaseSettings) {
			const cut = setting.indexOf('=');
			// set_config then FROM CURRENT: Postgres quotes the value itself, whatever it holds.
			await admin.query('select set_config($1, $2, false)', [
				setting.slice(0, cut),
				setting.slice(cut + 1)
			]);
			await admin.query(
				`alter database ${name} set ${admin.escapeIdentifier(setting.slice(0, cut))} from current`
			);
		}
	} finally {
		await admin.end();
	}

	const target = withDatabase(url, database);
	await runTool(binary('pg_restore'), ['--exit-on-error', '--jobs=2', `--dbname=${target}`, file]);

	const client = new pg.Client({ connectionString: target });
	await client.connect();
	try {
		const restored = await fingerprintTables(client, Object.keys(manifest.fingerprints));
		const differences = compareFingerprints(manifest.fingerprints, restored);
		if (differences.length > 0) {
			throw new Error(
				`La restauración no coincide con el respaldo en ${differences.length} tablas: ` +
					differences
						.map(
							(d) => `${d.table} (${d.expected?.rows ?? '—'} → ${d.actual?.rows ?? '—'} filas)`
						)
						.join(', ')
			);
		}
		// PostgREST reconnects while pg_restore is still creating tables, and may cache a schema
		// without keys or relations (inserts then fail with 404): make it read the finished one.
		await client.query(`notify pgrst, 'reload schema'`);
		const rows = Object.values(restored).reduce((sum, table) => sum + table.rows, 0);
		return { tables: Object.keys(restored).length, rows };
	} finally {
		await client.end();
	}
}
