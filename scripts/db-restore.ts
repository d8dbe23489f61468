// npm run db:restore -- FILE [--yes]
// Replaces the database at SUPABASE_DB_URL, else the local stack's, with a db:backup dump, then
// checks every table's row count and checksum against the dump's manifest.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreDatabase } from './lib/backup/dump.ts';
import { requireScriptDatabase } from './lib/stack/connection.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { yes: { type: 'boolean' } } });
if (positionals.length !== 1) {
	console.error('Uso: npm run db:restore -- ARCHIVO.dump --yes   (reemplaza la base de datos completa)');
	process.exit(2);
}
if (!values.yes) {
	console.error(
		'La restauración borra la base de datos actual y la reemplaza por el respaldo: confirme con --yes.'
	);
	process.exit(2);
}
const started = Date.now();
const result = await restoreDatabase(requireScriptDatabase(), resolve(positionals[0]));
console.log(
	`Restaurado y verificado: ${result.tables} tablas, ${result.rows} filas iguales al respaldo ` +
		`(${((Date.now() - started) / 1000).toFixed(1)} s). PostgREST y Auth se reconectan solos.`
);
