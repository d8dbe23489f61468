// npm run import -- FILE [--region RR] [--dry-run]
// Imports projects from a file into the database at SUPABASE_DB_URL, else the running local stack,
// through the same parsing and validation as /importar (src/lib/import) and the same database
// checks (private.import_staged_rows), in one transaction: all the valid rows or none.
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { guessMapping } from '../src/lib/import/fields.ts';
import { openImport } from '../src/lib/import/open.ts';
import { describeIssue, fileIssue, runImport } from '../src/lib/import/run.ts';
import { requireScriptDatabase } from './lib/connection.ts';
import { importReference, transactionSink } from './lib/import/database.ts';

const USAGE = `Uso: npm run import -- ARCHIVO [--region RR] [--dry-run]

Importa proyectos desde un CSV (UTF-8 o Windows-1252, con , o ;), una planilla .xlsx, un GeoJSON,
un Shapefile comprimido (.zip con .prj) o un paquete OC4IDS (.json). Las columnas se reconocen por
sus encabezados habituales (nombre, código BIP, servicio, etapa, estado, inversión, comuna, lat/lon…).

  --region   importa solo proyectos de esa región (código de 2 dígitos); las demás filas se rechazan
  --dry-run  revisa todo y muestra el resultado sin guardar nada

Todo o nada: se guardan todas las filas válidas en una transacción, o ninguna.
Usa SUPABASE_DB_URL (conexión como dueño de la base) o, si no está definida, el stack local.`;

const say = (line: string) => process.stdout.write(line + '\n');

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { region: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } }
	});
	if (values.help || positionals.length !== 1) {
		say(USAGE);
		return values.help ? 0 : 2;
	}
	const region = values.region ?? null;
	if (region !== null && !/^\d{2}$/.test(region)) {
		say(`--region debe ser un código de región de 2 dígitos (se recibió «${region}»).`);
		return 2;
	}
	const file = positionals[0];
	const size = statSync(file).size;
	const started = performance.now();

	const client = new pg.Client({
		connectionString: requireScriptDatabase(),
		application_name: 'tablero-import'
	});
	await client.connect();
	const bar = process.stdout.isTTY
		? new cliProgress.SingleBar(
				{
					format: '  leyendo |{bar}| {percentage}% · {rows} filas · {duration_formatted}',
					hideCursor: true
				},
				cliProgress.Presets.shades_classic
			)
		: null;
	let read = 0;
	bar?.start(size, 0, { rows: 0 });
	const chunks = (async function* () {
		for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
			read += (chunk as Buffer).length;
			yield chunk as Buffer;
		}
	})();
	try {
		const source = await openImport({ name: basename(file), chunks });
		const mapping = guessMapping(source.headers);
		say(
			`Columnas: ${Object.entries(mapping)
				.map(([field, header]) => `${field} ← «${header}»`)
				.join(', ')}`
		);
		const report = await runImport(
			source,
			mapping,
			await importReference(client),
			transactionSink(client, region),
			{
				commit: !values['dry-run'],
				region,
				onProgress: (rows) => bar?.update(read, { rows })
			}
		);
		bar?.stop();
		for (const issue of report.issues) say(`  ${describeIssue(issue)}`);
		if (report.issueCount > report.issues.length)
			say(`  … y ${report.issueCount - report.issues.length} errores más.`);
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		say(
			`${report.rows} filas en ${seconds} s: ${report.new} nuevos, ${report.updated} actualizados, ` +
				`${report.unchanged} sin cambios, ${report.rejected} rechazados. ` +
				(report.committed ? 'Guardado.' : 'Nada se guardó (--dry-run).')
		);
		return report.rows > 0 && report.rejected === report.rows ? 1 : 0;
	} catch (error) {
		bar?.stop();
		say(`Error: ${describeIssue(fileIssue(error))}`);
		return 1;
	} finally {
		await client.end();
	}
}

process.exitCode = await main();
