import type pg from 'pg';

/**
 * Row count and checksum of every table that holds the project's data: all of schema `public` and
 * the accounts in `auth`. A backup records them beside the dump; a restore recomputes and compares
 * them, so "restored" means "the same rows", not "pg_restore exited 0".
 */
export interface TableFingerprint {
	rows: number;
	/** md5 over the md5 of each row's text, in the order of those hashes (independent of keys). */
	md5: string;
}

export type Fingerprints = Record<string, TableFingerprint>;

const AUTH_TABLES = ['auth.users', 'auth.identities'];

export async function dataTables(client: pg.ClientBase): Promise<string[]> {
	const { rows } = await client.query<{ name: string }>(
		`select format('%I.%I', table_schema, table_name) as name
		   from information_schema.tables
		  where table_schema = 'public' and table_type = 'BASE TABLE'
		  order by 1`
	);
	return [...AUTH_TABLES, ...rows.map((row) => row.name)];
}

export async function fingerprintTables(client: pg.ClientBase, tables: string[]): Promise<Fingerprints> {
	const result: Fingerprints = {};
	for (const table of tables) {
		// Table names come from the catalog (dataTables) or a backup's own record, already quoted.
		const { rows } = await client.query<{ rows: number; md5: string }>(
			`select count(*)::int as rows,
			        md5(coalesce(string_agg(h, '' order by h), '')) as md5
			   from (select md5(t::text) as h from ${table} t) hashed`
		);
		result[table] = rows[0];
	}
	return result;
}

/** The tables whose count or checksum differ, with both sides; empty when they match. */
export function compareFingerprints(
	expected: Fingerprints,
	actual: Fingerprints
): { table: string; expected?: TableFingerprint; actual?: TableFingerprint }[] {
	const tables = new Set([...Object.keys(expected), ...Object.keys(actual)]);
	return [...tables]
		.filter(
			(table) =>
				expected[table]?.rows !== actual[table]?.rows || expected[table]?.md5 !== actual[table]?.md5
		)
		.map((table) => ({ table, expected: expected[table], actual: actual[table] }));
}
