import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { paths } from './config.ts';

/** The local-only bootstrap (roles, auth schema), applied once to a new cluster. */
export async function applyBootstrap(client: pg.ClientBase, authenticatorPassword: string): Promise<void> {
	const files = readdirSync(paths.bootstrapSql)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	for (const file of files) {
		await inTransaction(
			client,
			() => client.query(readFileSync(join(paths.bootstrapSql, file), 'utf8')),
			file
		);
	}
	await client.query(`alter role authenticator password ${client.escapeLiteral(authenticatorPassword)}`);
}

export interface MigrationFile {
	version: string;
	name: string;
	path: string;
}

/**
 * supabase/migrations/<version>_<name>.sql, in version order — the Supabase CLI's layout. A .sql
 * file that does not follow it is an error rather than silently never applied.
 */
export function migrationFiles(directory: string = paths.migrations): MigrationFile[] {
	const files = readdirSync(directory)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	return files.map((f) => {
		const match = /^(\d{14})_([a-z0-9_]+)\.sql$/.exec(f);
		if (!match)
			throw new Error(`Migración con nombre inválido: ${f} (se espera <AAAAMMDDhhmmss>_<nombre>.sql)`);
		return { version: match[1], name: match[2], path: join(directory, f) };
	});
}

/**
 * Applies pending migrations, each in its own transaction, recording them where the Supabase CLI
 * does (supabase_migrations.schema_migrations) so `supabase db push` sees the same history.
 */
export async function applyMigrations(
	client: pg.ClientBase,
	log: (line: string) => void = () => {}
): Promise<string[]> {
	await client.query(`
		create schema if not exists supabase_migrations;
		create table if not exists supabase_migrations.schema_migrations (
			version text primary key, statements text[], name text
		);`);
	const { rows } = await client.query<{ version: string }>(
		'select version from supabase_migrations.schema_migrations'
	);
	const applied = new Set(rows.map((r) => r.version));
	const done: string[] = [];
	for (const migration of migrationFiles()) {
		if (applied.has(migration.version)) continue;
		const sql = readFileSync(migration.path, 'utf8');
		await inTransaction(
			client,
			async () => {
				await client.query(sql);
				await client.query(
					'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
					[migration.version, migration.name, [sql]]
				);
			},
			`${migration.version}_${migration.name}.sql`
		);
		log(`  migración ${migration.version}_${migration.name}`);
		done.push(migration.version);
	}
	if (done.length) await client.query(`notify pgrst, 'reload schema'`);
	return done;
}

export async function applySeed(client: pg.ClientBase): Promise<boolean> {
	if (!existsSync(paths.seed)) return false;
	const sql = readFileSync(paths.seed, 'utf8');
	await inTransaction(client, () => client.query(sql), 'seed.sql');
	return true;
}

async function inTransaction(
	client: pg.ClientBase,
	work: () => Promise<unknown>,
	label: string
): Promise<void> {
	await client.query('begin');
	try {
		await work();
		await client.query('commit');
	} catch (error) {
		await client.query('rollback');
		const e = error as pg.DatabaseError;
		const where = e.position ? ` (posición ${e.position})` : '';
		throw new Error(`${label}: ${e.message}${where}${e.detail ? `\n${e.detail}` : ''}`, { cause: error });
	}
}
