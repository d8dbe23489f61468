// npm run bench:sample -- [--projects N] [--naive N]
// Times `npm run data:sample` end to end (generation, load, comuna assignment by the database) in a
// scratch copy of the local database, and puts the figures next to baselines measured in the same
// run: the same load without the audit trigger, without the placement and audit triggers, and a
// naive loader inserting one project per statement. The scratch database is dropped afterwards.
import { spawn } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_PROJECTS } from './lib/sample/generate.ts';
import { requireScriptDatabase } from './lib/connection.ts';
import { loadSample, SAMPLE_TABLES, type LoadSampleResult } from './lib/sample/load.ts';
import { postgresBinDir } from './lib/stack/system.ts';

const say = (line: string) => process.stdout.write(line + '\n');
const BUDGET_S = 60;
const PROJECT_PHASE = 'Proyectos (comunas asignadas por la base)';
// The baseline copy keeps the schema and reference data; the sample's own tables (and the audit
// trail they write) are left empty.
const BASELINE_EMPTY_TABLES = [...SAMPLE_TABLES, 'audit_log'];

const withDatabase = (url: string, name: string) => {
	const parsed = new URL(url);
	parsed.pathname = `/${name}`;
	return parsed.toString();
};

/** pg_dump | psql: schema, territory and reference rows, without any sample or audit rows. */
async function copyDatabase(from: string, to: string): Promise<void> {
	const bin = postgresBinDir();
	const tool = (name: string) => (bin ? join(bin, name) : name);
	const dump = spawn(
		tool('pg_dump'),
		[
			'--no-owner',
			'--no-privileges',
			...BASELINE_EMPTY_TABLES.map((t) => `--exclude-table-data=public.${t}`),
			from
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const restore = spawn(tool('psql'), ['--quiet', '--set', 'ON_ERROR_STOP=1', '--dbname', to], {
		stdio: ['pipe', 'ignore', 'pipe']
	});
	dump.stdout.pipe(restore.stdin);
	let errors = '';
	dump.stderr.on('data', (chunk) => (errors += chunk));
	restore.stderr.on('data', (chunk) => (errors += chunk));
	const exit = (child: ReturnType<typeof spawn>) =>
		new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
	const [dumped, restored] = await Promise.all([exit(dump), exit(restore)]);
	if (dumped !== 0 || restored !== 0) throw new Error(`No se pudo copiar la base de datos:\n${errors}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const phaseMs = (result: LoadSampleResult, name: string) =>
	result.phases.find((p) => p.phase === name)?.ms ?? 0;

async function run(
	url: string,
	label: string,
	options: Parameters<typeof loadSample>[1],
	prepare?: string,
	restore?: string
) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		if (prepare) await client.query(prepare);
		const started = performance.now();
		let lastShown = 0;
		const result = await loadSample(client, {
			...options,
			onProgress: (event) => {
				if (event.type === 'advance' && process.stdout.isTTY && performance.now() - lastShown > 500) {
					lastShown = performance.now();
					process.stdout.write(`\r  ${label}: ${event.phase} ${event.done}/${event.total}   `);
				}
			}
		});
		if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
		const wall = performance.now() - started;
		say(`  ${label}: ${seconds(wall)}`);
		return { result, wall };
	} finally {
		if (restore) await client.query(restore).catch(() => {});
		await client.end();
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			projects: { type: 'string' },
			naive: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		strict: true
	});
	if (values.help) {
		say('Uso: npm run bench:sample -- [--projects 100000] [--naive 2000]');
		return;
	}
	const projects = Number(values.projects ?? 100_000);
	const naive = Number(values.naive ?? 2000);
	const source = requireScriptDatabase();
	const scratch = `sample_bench_${process.pid}`;
	const admin = new pg.Client({ connectionString: source });
	await admin.connect();
	const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v"))
		.rows[0].v;
	say(
		`Benchmark de data:sample · PostgreSQL ${version} · ${availableParallelism()} CPU (${cpus()[0]?.model.trim() ?? '?'})`
	);
	say(`Copiando el esquema y el territorio a la base temporal ${scratch}…`);
	await admin.query(`create database ${scratch}`);
	try {
		const copyStarted = performance.now();
		await copyDatabase(source, withDatabase(source, scratch));
		say(`  copia lista en ${seconds(performance.now() - copyStarted)}\n`);
		const url = withDatabase(source, scratch);
		const projectTriggers = (action: 'enable' | 'disable', triggers: string[]) =>
			triggers.map((t) => `alter table public.projects ${action} trigger ${t};`).join(' ');

		say('Mediciones:');
		const small = await run(url, `N=${DEFAULT_PROJECTS} (por omisión)`, {
			projects: DEFAULT_PROJECTS,
			seed: 1
		});
		const full = await run(url, `N=${projects} completo`, { projects, seed: 1 });
		const noAudit = await run(
			url,
			`N=${projects} sin auditoría de proyectos`,
			{ projects, seed: 1 },
			projectTriggers('disable', ['projects_audit_inserts']),
			projectTriggers('enable', ['projects_audit_inserts'])
		);
		const bare = await run(
			url,
			`N=${projects} sin asignación de comunas ni auditoría`,
			{ projects, seed: 1, checkPlacement: false },
			projectTriggers('disable', ['projects_audit_inserts', 'projects_place_inserted']),
			projectTriggers('enable', ['projects_audit_inserts', 'projects_place_inserted'])
		);
		const rowByRow = await run(url, `N=${naive} fila por fila`, {
			projects: naive,
			seed: 1,
			projectsRowByRow: true
		});
		const batched = await run(url, `N=${naive} en lotes`, { projects: naive, seed: 1 });
		// Leave the scratch database with the default sample, as a fresh stack would have it.

		const r = full.result;
		say(
			`\nN=${projects}, de punta a punta (generación + carga + comunas asignadas por la base): ${seconds(full.wall)} ` +
				`${full.wall / 1000 < BUDGET_S ? `✓ bajo el presupuesto de ${BUDGET_S} s` : `✗ sobre el presupuesto de ${BUDGET_S} s`}`
		);
		for (const p of r.phases)
			say(`  ${p.phase.padEnd(46)} ${seconds(p.ms).padStart(8)}${p.detail ? `  ${p.detail}` : ''}`);
		say(
			`  pares proyecto–comuna: ${r.counts.project_communes} (${(r.counts.project_communes / r.counts.projects).toFixed(2)} comunas por proyecto)`
		);

		const projectsPhase = phaseMs(r, PROJECT_PHASE);
		say('\nLínea base, en la misma corrida:');
		say(`  N=${DEFAULT_PROJECTS} (lo que cargan stack reset y npm start): ${seconds(small.wall)}`);
		say(
			`  inserción de ${projects} proyectos en lotes de 5000, con comunas y auditoría: ${seconds(projectsPhase)}`
		);
		say(
			`    · sin el trigger de auditoría:                 ${seconds(phaseMs(noAudit.result, PROJECT_PHASE))} (total ${seconds(noAudit.wall)})`
		);
		say(
			`    · sin asignación de comunas ni auditoría:      ${seconds(phaseMs(bare.result, PROJECT_PHASE))} (total ${seconds(bare.wall)})`
		);
		const naiveMs = phaseMs(rowByRow.result, PROJECT_PHASE);
		const naiveBatched = phaseMs(batched.result, PROJECT_PHASE);
		say(
			`  fila por fila (un INSERT por proyecto), N=${naive}: ${seconds(naiveMs)} contra ${seconds(naiveBatched)} en lotes ` +
				`(${(naiveMs / Math.max(1, naiveBatched)).toFixed(0)}×)`
		);
		say(
			`    · extrapolado a ${projects}: ${seconds((naiveMs * projects) / naive)} solo para insertar los proyectos, contra ${seconds(projectsPhase)} en lotes`
		);
	} finally {
		await admin.query(`drop database if exists ${scratch} with (force)`);
		await admin.end();
		say(`\nBase temporal ${scratch} eliminada.`);
	}
}

try {
	await main();
} catch (error) {
	process.stderr.write(`\n✗ ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
}
