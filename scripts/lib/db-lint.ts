// Supabase's database linter (splinter, the query behind the Security and Performance Advisors)
// run against our database: every lint is one test result, failed by any ERROR or WARN finding,
// or by an INFO finding that is not among the accepted ones below (docs/SECURITY.md gives the
// same list with the reasons, for people).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from './stack/config.ts';

export const splinterFile = join(repoRoot, 'supabase', 'lint', 'splinter.sql');

export interface Finding {
	name: string;
	level: 'ERROR' | 'WARN' | 'INFO';
	detail: string;
	cacheKey: string;
}

export interface LintResult {
	lint: string;
	ok: boolean;
	/** Findings that fail the lint (ERROR, WARN, and INFO not accepted). */
	failures: Finding[];
	/** INFO findings accepted for a documented reason. */
	accepted: Finding[];
}

/**
 * INFO findings we keep on purpose: the lint name, and which findings (by cache key) it covers.
 * - unused_index: Postgres counts index scans since its statistics were last reset, so on a test
 *   or freshly loaded database every index is "unused"; each one serves a foreign key, an RLS
 *   predicate or a dashboard query.
 * - no_primary_key on private.commune_pieces / private.territory_pieces: derived spatial pieces,
 *   rewritten wholesale by triggers and reached only through their GiST index; not exposed.
 */
export const acceptedInfo: Record<string, (cacheKey: string) => boolean> = {
	unused_index: () => true,
	no_primary_key: (key) =>
		key === 'no_primary_key_private_commune_pieces' || key === 'no_primary_key_private_territory_pieces'
};

/** The names of every lint the query holds, so a lint with no finding still counts as passed. */
export function lintNames(sql: string): string[] {
	return [...new Set([...sql.matchAll(/'([a-z0-9_]+)' as name/g)].map((m) => m[1]))].sort();
}

export function judge(names: string[], findings: Finding[]): LintResult[] {
	const all = [...new Set([...names, ...findings.map((f) => f.name)])].sort();
	return all.map((lint) => {
		const own = findings.filter((f) => f.name === lint);
		const isAccepted = (f: Finding) => f.level === 'INFO' && (acceptedInfo[lint]?.(f.cacheKey) ?? false);
		const failures = own.filter((f) => !isAccepted(f));
		return { lint, ok: failures.length === 0, failures, accepted: own.filter(isAccepted) };
	});
}

/** Runs splinter in a transaction that is rolled back (it sets a local search_path). */
export async function lintDatabase(dbUrl: string): Promise<LintResult[]> {
	const sql = readFileSync(splinterFile, 'utf8');
	const client = new pg.Client({ connectionString: dbUrl });
	await client.connect();
	try {
		await client.query('begin');
		// The lints that look at what the API exposes read PostgREST's schemas from this setting.
		await client.query(`set local pgrst.db_schemas = 'public'`);
		const results = await client.query<{
			name: string;
			level: Finding['level'];
			detail: string;
			cache_key: string;
		}>(sql);
		const rows = (Array.isArray(results) ? results : [results]).flatMap((r) => r.rows ?? []);
		const findings = rows.map((r) => ({
			name: r.name,
			level: r.level,
			detail: r.detail,
			cacheKey: r.cache_key
		}));
		return judge(lintNames(sql), findings);
	} finally {
		await client.query('rollback').catch(() => undefined);
		await client.end();
	}
}
