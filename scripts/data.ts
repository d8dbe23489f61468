// npm run data: rebuild the territory artefacts (topology, map files, manifest) and load them into
// the database at SUPABASE_DB_URL, else into the running local stack, else only build.
import pg from 'pg';
import { buildTerritory } from './lib/data/build.ts';
import { loadTerritory } from './lib/data/load.ts';
import { printProgress } from './lib/data/progress.ts';
import { SourceValidationError } from './lib/data/validate.ts';
import { scriptDatabase } from './lib/connection.ts';

const say = (line: string) => process.stdout.write(line + '\n');

/** The URL without its password, for messages. */
function redacted(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(URL no válida)';
	}
}

async function main() {
	const started = performance.now();
	say('Territorio: construyendo a partir de la lista de códigos y la fuente de límites');
	const { manifest } = await buildTerritory({ onProgress: printProgress(say) });
	for (const [path, output] of Object.entries(manifest.outputs)) {
		say(`    ${path}  ${(output.bytes / 1024).toFixed(0)} KB`);
	}

	const target = scriptDatabase();
	if (!target) {
		say(
			'\nSin base de datos: solo se construyó. Para cargar, inicie la base local (`npm run stack -- start`)'
		);
		say(
			'o defina SUPABASE_DB_URL (p. ej. la de un proyecto Supabase) y vuelva a ejecutar `npm run data`.'
		);
	} else {
		say(`\nCargando en ${target.where}: ${redacted(target.url)}`);
		const client = new pg.Client({ connectionString: target.url });
		await client.connect();
		try {
			const counts = await loadTerritory(client, printProgress(say));
			say(
				`  ${counts.regions} regiones, ${counts.provinces} provincias, ${counts.communes} comunas ` +
					`(${counts.communesWithGeometry} con polígono), ${counts.undemarcatedAreas} zona(s) sin demarcar`
			);
		} finally {
			await client.end();
		}
	}
	say(`Listo en ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
	await main();
} catch (error) {
	if (error instanceof SourceValidationError) {
		process.stderr.write(`\n✗ ${error.message}\n`);
	} else {
		process.stderr.write(`\n✗ ${(error as Error).stack ?? String(error)}\n`);
	}
	process.exitCode = 1;
}
