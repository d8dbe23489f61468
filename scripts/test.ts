// npm test: the whole suite a newcomer and CI run — unit (Vitest), database (pgTAP through pg_prove),
// integration (supabase-js against the running stack) and browser (Playwright in Debian's Chromium).
// `npm test -- --only unit,db` runs a subset while developing.
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAppBuild } from './lib/build-app.ts';
import { run } from './lib/process.ts';
import { repoRoot } from './lib/stack/config.ts';
import { ensureSystemPackages } from './lib/stack/system.ts';
import { appEnv, supabaseEnv } from './lib/connection.ts';
import { buildTerritory, territoryBuildIsCurrent } from './lib/data/load.ts';
import { generateDatabaseTypes, typesFile } from './lib/db-types.ts';
import { lintDatabase } from './lib/db-lint.ts';
import { verifyTerritory } from './lib/data/verify.ts';
import pg from 'pg';
import { withFreshDatabase } from './lib/stack/fresh-database.ts';

interface StepResult {
	name: string;
	passed: number;
	failed: number;
	ok: boolean;
}

const suites = ['lint', 'unit', 'types', 'db', 'integration', 'e2e'] as const;
/** Suites that need the database (and so the system packages, the stack and the territory build). */
const needsStack = new Set<Suite>(['types', 'db', 'integration', 'e2e']);
type Suite = (typeof suites)[number];
const onlyIndex = process.argv.indexOf('--only');
const onlyArg =
	process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ??
	(onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined);
const selected = new Set<Suite>(onlyArg ? (onlyArg.split(',') as Suite[]) : suites);
const unknown = [...selected].filter((s) => !suites.includes(s));
if (unknown.length)
	throw new Error(`Suites desconocidas: ${unknown.join(', ')} (válidas: ${suites.join(', ')})`);

const reports = join(repoRoot, 'node_modules', '.cache', 'tablero-tests');
mkdirSync(reports, { recursive: true });
const bin = (path: string) => join(repoRoot, 'node_modules', path);

async function vitest(
	project: 'unit' | 'integration',
	env: Record<string, string>,
	extraArgs: string[] = []
): Promise<StepResult> {
	const out = join(reports, `vitest-${project}.json`);
	const { code } = await run(
		process.execPath,
		[
			bin('vitest/vitest.mjs'),
			'run',
			'--project',
			project,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${out}`,
			...extraArgs
		],
		env
	);
	const r = existsSync(out)
		? JSON.parse(readFileSync(out, 'utf8'))
		: { numPassedTests: 0, numFailedTests: 0 };
	return {
		name: `vitest ${project}`,
		passed: r.numPassedTests,
		failed: r.numFailedTests,
		ok: code === 0 && r.numTotalTests > 0
	};
}

async function pgTap(dbUrl: string, name = 'pgTAP'): Promise<StepResult> {
	const dir = join(repoRoot, 'supabase', 'tests', 'database');
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort()
		.map((f) => join(dir, f));
	const url = new URL(dbUrl);
	const { code, output } = await run(
		'pg_prove',
		[
			'--host',
			url.hostname,
			'--port',
			url.port,
			'--username',
			decodeURIComponent(url.username),
			'--dbname',
			url.pathname.slice(1),
			...files
		],
		{ PGPASSWORD: decodeURIComponent(url.password) }
	);
	const total = Number(/Tests=(\d+)/.exec(output)?.[1] ?? 0);
	const failed = [...output.matchAll(/Failed (\d+)\/\d+ subtests/g)].reduce((n, m) => n + Number(m[1]), 0);
	return {
		name,
		passed: total - failed,
		failed: code === 0 ? failed : Math.max(failed, 1),
		ok: code === 0 && total > 0
	};
}

/** Supabase's database linter (splinter): one result per lint, failed by any WARN or ERROR. */
async function databaseLint(dbUrl: string): Promise<StepResult> {
	const results = await lintDatabase(dbUrl);
	for (const r of results) {
		for (const f of r.failures) console.error(`✘ splinter ${r.lint} (${f.level}): ${f.detail}`);
		if (r.accepted.length)
			console.log(`· splinter ${r.lint}: ${r.accepted.length} INFO aceptados (docs/SECURITY.md)`);
	}
	const failed = results.filter((r) => !r.ok).length;
	return {
		name: 'splinter (linter de Supabase)',
		passed: results.length - failed,
		failed,
		ok: failed === 0 && results.length > 0
	};
}

/** The loaded official territory (counts, geometry, commune_at): one result per check. */
async function territoryVerification(dbUrl: string): Promise<StepResult> {
	const client = new pg.Client({ connectionString: dbUrl });
	await client.connect();
	try {
		const checks = await verifyTerritory(client);
		for (const c of checks)
			if (c.problems.length) console.error(`✘ territorio: ${c.name}: ${c.problems.join('; ')}`);
		const failed = checks.filter((c) => c.problems.length).length;
		return {
			name: 'territorio cargado (scripts/lib/data/verify.ts)',
			passed: checks.length - failed,
			failed,
			ok: failed === 0 && checks.length > 0
		};
	} finally {
		await client.end();
	}
}

/** Formatting (Prettier), lint rules (ESLint) and the scripts' own type-check: no database needed. */
async function lint(): Promise<StepResult[]> {
	const step = async (name: string, args: string[]): Promise<StepResult> => {
		const { code } = await run(process.execPath, args);
		return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, ok: code === 0 };
	};
	return [
		await step('prettier', [bin('prettier/bin/prettier.cjs'), '--check', '.']),
		await step('eslint', [bin('eslint/bin/eslint.js'), '--max-warnings=0', '.']),
		await step('tsc scripts', [bin('typescript/bin/tsc'), '-p', 'scripts'])
	];
}

/** The committed database types match the migrations' schema, and the app type-checks against them. */
async function typeChecks(dbUrl: string): Promise<StepResult[]> {
	const generated = await generateDatabaseTypes(dbUrl);
	const drift = generated !== readFileSync(typesFile, 'utf8');
	if (drift)
		console.error(
			'✘ src/lib/database.types.ts difiere del esquema de las migraciones: ejecute `npm run db:types`.'
		);
	const sync = await run(process.execPath, [bin('@sveltejs/kit/svelte-kit.js'), 'sync']);
	const check =
		sync.code === 0
			? await run(process.execPath, [
					bin('svelte-check/bin/svelte-check'),
					'--tsconfig',
					'./tsconfig.json',
					'--fail-on-warnings'
				])
			: sync;
	return [
		{ name: 'tipos de la base de datos', passed: drift ? 0 : 1, failed: drift ? 1 : 0, ok: !drift },
		{
			name: 'svelte-check',
			passed: check.code === 0 ? 1 : 0,
			failed: check.code === 0 ? 0 : 1,
			ok: check.code === 0
		}
	];
}

async function playwright(env: Record<string, string>): Promise<StepResult> {
	await ensureAppBuild();
	const out = join(reports, 'playwright.json');
	const { code } = await run(
		process.execPath,
		[bin('@playwright/test/cli.js'), 'test', '--reporter=list,json'],
		{
			...env,
			PLAYWRIGHT_JSON_OUTPUT_FILE: out
		}
	);
	const stats = existsSync(out)
		? JSON.parse(readFileSync(out, 'utf8')).stats
		: { expected: 0, unexpected: 0, flaky: 0 };
	return {
		name: 'Playwright',
		passed: stats.expected + stats.flaky,
		failed: stats.unexpected,
		ok: code === 0 && stats.expected > 0
	};
}

const results: StepResult[] = [];
if (selected.has('lint')) results.push(...(await lint()));
// Unit tests need nothing running: no apt, no database, no territory build.
// Component specs (Svelte mounted in happy-dom) are unit tests too: no stack, seconds to run.
if (selected.has('unit')) results.push(await vitest('unit', {}, ['--project', 'component']));

if ([...selected].some((s) => needsStack.has(s))) {
	ensureSystemPackages([
		'postgres',
		'postgis',
		'pgtap',
		'pgProve',
		...(selected.has('e2e') ? (['chromium'] as const) : [])
	]);
	const { env, local } = await supabaseEnv();
	if (!(await territoryBuildIsCurrent())) await buildTerritory({});
	const clientEnv = { ...appEnv(env), SUPABASE_SERVICE_ROLE_KEY: env.SUPABASE_SERVICE_ROLE_KEY ?? '' };

	if (selected.has('types')) results.push(...(await typeChecks(env.SUPABASE_DB_URL!)));
	if (selected.has('db')) {
		if (!env.SUPABASE_DB_URL)
			throw new Error('pgTAP necesita SUPABASE_DB_URL para una Supabase externa.');
		results.push(await pgTap(env.SUPABASE_DB_URL));
		if (local)
			results.push(
				await withFreshDatabase(env.SUPABASE_DB_URL, 'pgtap', (url) =>
					pgTap(url, 'pgTAP (base recién migrada, vacía)')
				)
			);
		results.push(await databaseLint(env.SUPABASE_DB_URL));
		results.push(await territoryVerification(env.SUPABASE_DB_URL));
	}
	// Restarting and replacing the database, or adding one, are only ours to test on the local stack.
	const localOnly = [
		'tests/integration/stack-restart.test.ts',
		'tests/integration/backup-restore.test.ts',
		'tests/integration/recovery.test.ts',
		// Creates (and drops) an empty database in the stack's cluster to import into.
		'tests/integration/import-roundtrip.test.ts'
	];
	if (selected.has('integration'))
		results.push(
			await vitest(
				'integration',
				clientEnv,
				local ? [] : localOnly.flatMap((file) => ['--exclude', file])
			)
		);
	if (selected.has('e2e')) results.push(await playwright(clientEnv));
}

console.log('\nResumen de pruebas');
for (const r of results)
	console.log(`  ${r.ok ? '✔' : '✘'} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
