// npm run data:sample -- [--projects N] [--seed S] [--anchor AAAA-MM-DD]
// Replaces the sample data in the database at SUPABASE_DB_URL, else in the running local stack.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { DEFAULT_ANCHOR } from './lib/sample/dates.ts';
import {
	DEFAULT_PROJECTS,
	DEFAULT_SEED,
	MAX_PROJECTS,
	MIN_PROJECTS,
	validateSampleOptions
} from './lib/sample/generate.ts';
import { requireScriptDatabase } from './lib/connection.ts';
import { loadSample, type SampleProgressEvent } from './lib/sample/load.ts';

const USAGE = `Uso: npm run data:sample -- [--projects N] [--seed S] [--anchor AAAA-MM-DD]

Genera datos de ejemplo deterministas (proyectos MOP en las 16 regiones, acuerdos y compromisos,
flujos de información y publicaciones, evaluaciones PMG) y los carga reemplazando la muestra anterior.

  --projects  cantidad de proyectos, de ${MIN_PROJECTS} a ${MAX_PROJECTS} (por omisión ${DEFAULT_PROJECTS})
  --seed      semilla: la misma semilla produce los mismos datos (por omisión ${DEFAULT_SEED})
  --anchor    la fecha "de hoy" de la muestra, a la que se refieren atrasos y vencimientos
              (por omisión ${DEFAULT_ANCHOR}, fija para que cada carga sea idéntica)

Usa SUPABASE_DB_URL (conexión como dueño de la base) o, si no está definida, el stack local.`;

const say = (line: string) => process.stdout.write(line + '\n');

/** One line per finished phase; a bar for the phases that report their progress. */
function progressPrinter(): (event: SampleProgressEvent) => void {
	const interactive = Boolean(process.stdout.isTTY);
	let bar: cliProgress.SingleBar | null = null;
	return (event) => {
		if (event.type === 'advance' && interactive) {
			if (!bar) {
				bar = new cliProgress.SingleBar(
					{
						format: `  ${event.phase} |{bar}| {percentage}% · {value}/{total} · {duration_formatted}`,
						hideCursor: true,
						clearOnComplete: true
					},
					cliProgress.Presets.shades_classic
				);
				bar.start(event.total ?? 0, 0);
			}
			bar.update(event.done ?? 0);
		}
		if (event.type === 'end') {
			bar?.stop();
			bar = null;
			const seconds = ((event.ms ?? 0) / 1000).toFixed(1);
			say(`  ✓ ${event.phase} (${seconds} s)${event.detail ? ` — ${event.detail}` : ''}`);
		}
	};
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			projects: { type: 'string' },
			seed: { type: 'string' },
			anchor: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		strict: true,
		allowPositionals: false
	});
	if (values.help) {
		say(USAGE);
		return;
	}
	const options = {
		projects: values.projects === undefined ? DEFAULT_PROJECTS : Number(values.projects),
		seed: values.seed ?? DEFAULT_SEED,
		anchor: values.anchor ?? DEFAULT_ANCHOR
	};
	const problems = validateSampleOptions(options);
	if (problems.length) throw new Error(`${problems.join('\n')}\n\n${USAGE}`);

	const client = new pg.Client({ connectionString: requireScriptDatabase() });
	await client.connect();
	try {
		say(
			`Datos de ejemplo: ${options.projects} proyectos, semilla ${options.seed}, fecha de referencia ${options.anchor}`
		);
		const result = await loadSample(client, { ...options, onProgress: progressPrinter() });
		if (result.coastSource === 'none') {
			say(
				'  (sin la topología del territorio, data/build/territorio.topo.json: no se generaron obras portuarias; ejecute `npm run data`)'
			);
		}
		const c = result.counts;
		say(
			`Listo en ${(result.ms / 1000).toFixed(1)} s: ${c.projects} proyectos en ${c.project_communes} pares proyecto–comuna, ` +
				`${c.agreements} acuerdos, ${c.commitments} compromisos, ${c.information_flows} flujos, ${c.publications} publicaciones, ` +
				`${c.acknowledgements} acuses de recibo, ${c.pmg_evaluations} evaluaciones PMG.`
		);
	} finally {
		await client.end();
	}
}

try {
	await main();
} catch (error) {
	process.stderr.write(`\n✗ ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
}
