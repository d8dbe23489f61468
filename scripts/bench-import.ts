// npm run bench:import -- [--rows 100000] [--seed 11] [--no-baseline] [--keep] [--explain] [--trial]
// The CLI import's budget (issue 11: 100 000 CSV rows validated and committed in ≤ 60 s, memory
// bounded), measured on the local stack (docs/BENCHMARKS.md, "Project import"):
// - generates a CSV as regional staff write it (`;`, decimal-comma coordinates, dotted amounts,
//   day-first dates, a point inside a real comuna per row, the comuna's CUT code, BIP codes);
// - baseline: the same import with the database functions as main had them before the latest
//   import speed-up (SPEED_UP_PREFIX; taken from the landed migrations) put back inside the
//   import's transaction, which then rolls back, so both variants see the same data and load;
// - current: `npm run import` as the user runs it (committed);
// - re-import: the same file again, which must find every row unchanged and write nothing;
// then prints baseline and current side by side and deletes the imported projects (unless --keep).
// Each variant runs in its own Node process (peak RSS is per process) and reports where the
// database spent its time, from pg_stat_xact_user_functions with track_functions on.
import { spawn } from 'node:child_process';
import {
	createReadStream,
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync
} from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { guessMapping } from '../src/lib/import/fields.ts';
import { openImport } from '../src/lib/import/open.ts';
import { runImport, type ImportReport } from '../src/lib/import/run.ts';
import { requireScriptDatabase } from './lib/connection.ts';
import { importReference, transactionSink } from './lib/import/database.ts';
import { repoRoot } from './lib/stack/config.ts';

const { values: args } = parseArgs({
	options: {
		rows: { type: 'string', default: '100000' },
		seed: { type: 'string', default: '11' },
		'no-baseline': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		explain: { type: 'boolean', default: false },
		trial: { type: 'boolean', default: false },
		child: { type: 'string' },
		file: { type: 'string' }
	}
});

const say = (line: string) => process.stdout.write(line + '\n');
const BUDGET_S = 60;
// BIP numbers of the generated rows: far above the sample's (2xxxxxxx–4xxxxxxx).
const BIP_BASE = 900_000_000;
const GENERATED = `bip_code ~ '^9[0-9]{8}-'`;
const MIGRATIONS = join(repoRoot, 'supabase/migrations');
// The migration that made the import fast; the baseline is every function it (re)defines, as the
// migrations before it left them.
const SPEED_UP_PREFIX = '20261203020100';

// trial: the current import rolled back (for profiling without the clean-up).
type Variant = 'baseline' | 'current' | 'reimport' | 'trial';

interface FunctionTime {
	name: string;
	calls: number;
	self_ms: number;
	total_ms: number;
}

interface ChildResult {
	variant: Variant;
	wall_ms: number;
	read_and_stage_ms: number;
	database_ms: number;
	report: Pick<ImportReport, 'rows' | 'new' | 'updated' | 'unchanged' | 'rejected' | 'committed'>;
	functions: FunctionTime[];
	max_rss_mb: number;
	load: number[];
}

// ── The file ────────────────────────────────────────────────────────────────────────────────────
const SERVICES = ['Vialidad', 'DOH', 'Obras Portuarias', 'Arquitectura', 'DAP', 'SSR'];
const STAGES = ['Perfil', 'Diseño', 'Ejecución', 'Prefactibilidad', 'Operación'];
const STATUSES = ['Planificado', 'En curso', 'Terminado', 'Paralizado'];
const WORKS = ['Mejoramiento', 'Construcción', 'Reposición', 'Conservación', 'Ampliación'];
const OBJECTS = ['edificio consistorial', 'puente', 'posta rural', 'sistema APR', 'caleta', 'aeródromo'];

const decimalComma = (value: number) => value.toFixed(6).replace('.', ',');
const dotted = (value: number) => value.toLocaleString('es-CL', { maximumFractionDigits: 0 });
const dayFirst = (date: Date) =>
	`${String(date.getUTCDate()).padStart(2, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${date.getUTCFullYear()}`;

/** A seeded generator (mulberry32): the same file for the same seed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

async function generateCsv(client: pg.Client, file: string, rows: number, seed: number): Promise<void> {
	// Points drawn by the database inside each comuna's land, in turn, so every row is inside Chile.
	const { rows: points } = await client.query<{ code: string; x: number; y: number }>(
		`select c.code, extensions.st_x(d.geom) as x, extensions.st_y(d.geom) as y
		 from (select code, geom, row_number() over (order by code) as n from public.communes where geom is not null) c
		 cross join lateral extensions.st_dump(extensions.st_generatepoints(c.geom,
		   ceil($1::numeric / (select count(*) from public.communes where geom is not null))::int, ($2 + c.n)::int)) d
		 order by d.path[1], c.code
		 limit $1`,
		[rows, seed]
	);
	const next = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
	const out = createWriteStream(file, { encoding: 'utf8' });
	out.write(
		'Código BIP;Nombre del proyecto;Servicio;Etapa;Estado;Inversión;Fecha inicio;Fecha término;Comuna;Latitud;Longitud\r\n'
	);
	for (const [i, point] of points.entries()) {
		const number = BIP_BASE + i;
		const start = new Date(
			Date.UTC(2018 + Math.floor(next() * 8), Math.floor(next() * 12), 1 + Math.floor(next() * 28))
		);
		const end = new Date(start.getTime() + (180 + Math.floor(next() * 1500)) * 86_400_000);
		const line = [
			`${number}-${number % 10}`,
			`${pick(WORKS)} ${pick(OBJECTS)} ${i + 1}`,
			pick(SERVICES),
			pick(STAGES),
			pick(STATUSES),
			dotted(Math.round(Math.exp(17 + next() * 6))),
			dayFirst(start),
			dayFirst(end),
			point.code,
			decimalComma(point.y),
			decimalComma(point.x)
		].join(';');
		if (!out.write(line + '\r\n')) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
}

// ── The baseline: the functions as they were ───────────────────────────────────────────────────
/** `create function private.x(` … `$$;` of a migration, as a `create or replace`. */
function definitionIn(text: string, name: string): string | null {
	const start = text.search(new RegExp(`create (or replace )?function ${name.replace('.', '\\.')}\\(`));
	if (start < 0) return null;
	const body = text.indexOf('$$', text.indexOf('$$', start) + 2);
	return text
		.slice(start, text.indexOf(';', body) + 1)
		.replace(/^create function/, 'create or replace function');
}

/**
 * The SQL that puts back, in the current transaction, what the speed-up migration changed: the
 * functions it redefines or alters, as their latest earlier definition (which also resets their settings).
 */
function baselineSql(): string {
	const files = readdirSync(MIGRATIONS).sort();
	const speedUps = files.filter((f) => f.startsWith(SPEED_UP_PREFIX));
	if (!speedUps.length) throw new Error(`No migration ${SPEED_UP_PREFIX}*: nothing to compare against.`);
	const statements: string[] = [];
	for (const speedUp of speedUps) {
		const text = readFileSync(join(MIGRATIONS, speedUp), 'utf8');
		// Only the definitions, not the data the migration built; its new indexes are dropped.
		for (const [, index] of text.matchAll(/create index (\w+)/g))
			statements.push(`drop index if exists public.${index}, private.${index};`);
		for (const [, name] of text.matchAll(/(?:create or replace|alter) function ([\w.]+)\(/g)) {
			const earlier = files
				.filter((f) => f < speedUp)
				.map((f) => definitionIn(readFileSync(join(MIGRATIONS, f), 'utf8'), name))
				.filter((d): d is string => d !== null);
			if (!earlier.length) throw new Error(`${name}: no earlier definition to compare against.`);
			statements.push(earlier[earlier.length - 1]);
		}
	}
	return statements.join('\n');
}

// ── One variant, in its own process ─────────────────────────────────────────────────────────────
async function runChild(variant: Variant, file: string): Promise<ChildResult> {
	const client = new pg.Client({
		connectionString: requireScriptDatabase(),
		application_name: 'bench-import'
	});
	await client.connect();
	const load = [loadavg()[0]];
	const started = performance.now();
	let databaseStarted = 0;
	let functions: FunctionTime[] = [];
	try {
		const sink = transactionSink(client, null, {
			async afterBegin() {
				await client.query(`set local track_functions = 'all'`);
				if (args.explain) {
					// Plans of the slow statements, nested ones included, to stderr (auto_explain's notices).
					client.on('notice', (notice) => process.stderr.write(`${notice.message}\n`));
					await client.query(`load 'auto_explain'`);
					await client.query(
						`set local auto_explain.log_min_duration = 1000; set local auto_explain.log_analyze = on;
						 set local auto_explain.log_timing = off; set local auto_explain.log_nested_statements = on;
						 set local auto_explain.log_level = notice`
					);
				}
				if (variant === 'baseline') await client.query(baselineSql());
			},
			async beforeEnd() {
				const { rows } = await client.query<FunctionTime>(
					`select schemaname || '.' || funcname as name, calls::int, self_time::float8 as self_ms,
					   total_time::float8 as total_ms
					 from pg_stat_xact_user_functions where schemaname in ('private', 'public') order by self_time desc`
				);
				functions = rows;
			},
			rollbackAlways: variant === 'baseline' || variant === 'trial'
		});
		const source = await openImport({
			name: basename(file),
			chunks: createReadStream(file, { highWaterMark: 256 * 1024 })
		});
		const finish = sink.finish.bind(sink);
		sink.finish = (commit) => {
			databaseStarted = performance.now();
			return finish(commit);
		};
		const report = await runImport(
			source,
			guessMapping(source.headers),
			await importReference(client),
			sink,
			{
				commit: true,
				region: null
			}
		);
		const ended = performance.now();
		load.push(loadavg()[0]);
		return {
			variant,
			wall_ms: ended - started,
			read_and_stage_ms: databaseStarted - started,
			database_ms: ended - databaseStarted,
			report: {
				rows: report.rows,
				new: report.new,
				updated: report.updated,
				unchanged: report.unchanged,
				rejected: report.rejected,
				committed: report.committed
			},
			functions,
			max_rss_mb: process.resourceUsage().maxRSS / 1024,
			load
		};
	} finally {
		await client.end();
	}
}

async function spawnChild(variant: Variant, file: string): Promise<ChildResult> {
	const explain = args.explain ? ['--explain'] : [];
	const child = spawn(process.execPath, [process.argv[1], '--child', variant, '--file', file, ...explain], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const [code] = (await once(child, 'exit')) as [number];
	if (code !== 0) throw new Error(`The ${variant} run failed (exit ${code}).`);
	return JSON.parse(output) as ChildResult;
}

// ── The report ──────────────────────────────────────────────────────────────────────────────────
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describe(result: ChildResult): void {
	const r = result.report;
	say(
		`\n${result.variant}: ${seconds(result.wall_ms)} (reading, validating and staging ${seconds(result.read_and_stage_ms)}, ` +
			`database checks and writes ${seconds(result.database_ms)}); ${r.new} new, ${r.updated} updated, ` +
			`${r.unchanged} unchanged, ${r.rejected} rejected; peak RSS ${result.max_rss_mb.toFixed(0)} MB; ` +
			`load ${result.load.map((l) => l.toFixed(1)).join(' → ')}`
	);
	say('  database time by function (self, calls):');
	for (const f of result.functions.filter((f) => f.self_ms >= 100))
		say(`    ${f.name.padEnd(42)} ${seconds(f.self_ms).padStart(8)}  ×${f.calls}`);
}

/** Baseline and current in adjacent columns: the phases, every function either spent ≥ 0.1 s in, RSS, load. */
function compare(baseline: ChildResult, current: ChildResult): void {
	const cell = (text: string) => text.padStart(12);
	const line = (label: string, a: string, b: string) => say(`  ${label.padEnd(42)}${cell(a)}${cell(b)}`);
	say('\nside by side:');
	line('', 'baseline', 'current');
	line('wall time', seconds(baseline.wall_ms), seconds(current.wall_ms));
	line(
		'reading, validating and staging',
		seconds(baseline.read_and_stage_ms),
		seconds(current.read_and_stage_ms)
	);
	line('database checks and writes', seconds(baseline.database_ms), seconds(current.database_ms));
	const selfMs = (result: ChildResult, name: string) =>
		result.functions.find((f) => f.name === name)?.self_ms ?? 0;
	const names = [...new Set([...baseline.functions, ...current.functions].map((f) => f.name))]
		.filter((name) => Math.max(selfMs(baseline, name), selfMs(current, name)) >= 100)
		.sort((a, b) => selfMs(baseline, b) - selfMs(baseline, a));
	for (const name of names)
		line(`— ${name}`, seconds(selfMs(baseline, name)), seconds(selfMs(current, name)));
	line('peak RSS', `${baseline.max_rss_mb.toFixed(0)} MB`, `${current.max_rss_mb.toFixed(0)} MB`);
	const load = (result: ChildResult) => result.load.map((l) => l.toFixed(1)).join('→');
	line('load average (1 min, start→end)', load(baseline), load(current));
}

async function main(): Promise<number> {
	if (args.child) {
		process.stdout.write(JSON.stringify(await runChild(args.child as Variant, args.file!)));
		return 0;
	}
	const rows = Number(args.rows);
	const seed = Number(args.seed);
	const client = new pg.Client({
		connectionString: requireScriptDatabase(),
		application_name: 'bench-import'
	});
	await client.connect();
	try {
		mkdirSync(join(repoRoot, 'bench'), { recursive: true });
		const file = join(repoRoot, 'bench', `import-${rows}-${seed}.csv`);
		if (!existsSync(file)) {
			say(`Generating ${file}…`);
			await generateCsv(client, file, rows, seed);
		}
		const existing = await client.query(
			`select count(*)::int as n from public.projects where ${GENERATED}`
		);
		if (existing.rows[0].n > 0)
			throw new Error('Projects of an earlier run are still there: delete them or reset the stack.');
		if (args.trial) {
			describe(await spawnChild('trial', file));
			return 0;
		}
		const results: ChildResult[] = [];
		if (!args['no-baseline']) results.push(await spawnChild('baseline', file));
		results.push(await spawnChild('current', file));
		results.push(await spawnChild('reimport', file));
		for (const result of results) describe(result);
		const baseline = results.find((r) => r.variant === 'baseline');
		if (baseline)
			compare(
				baseline,
				results.find((r) => r.variant === 'current')!
			);
		const current = results.find((r) => r.variant === 'current')!;
		const reimport = results.find((r) => r.variant === 'reimport')!;
		say(
			`\n${rows} rows validated and committed in ${seconds(current.wall_ms)} ` +
				`(budget ${BUDGET_S} s: ${current.wall_ms <= BUDGET_S * 1000 ? 'met' : 'missed'}).`
		);
		const idempotent = reimport.report.new === 0 && reimport.report.updated === 0;
		say(`Re-import: ${idempotent ? 'nothing changed' : 'CHANGED ROWS (not idempotent)'}.`);
		if (!args.keep) {
			const started = performance.now();
			await client.query(`delete from public.projects where ${GENERATED}`);
			say(`Imported projects deleted in ${seconds(performance.now() - started)}.`);
		}
		return idempotent ? 0 : 1;
	} finally {
		await client.end();
	}
}

process.exitCode = await main();
