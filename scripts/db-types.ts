// npm run db:types — regenerates src/lib/database.types.ts from the live schema.
// npm run db:types -- --check — fails when the committed types differ from the migrations' schema.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { generateDatabaseTypes, typesFile } from './lib/db-types.ts';
import { supabaseEnv } from './lib/connection.ts';

const check = process.argv.includes('--check');
const { env } = await supabaseEnv();
if (!env.SUPABASE_DB_URL) throw new Error('Falta SUPABASE_DB_URL para leer el esquema.');
const generated = await generateDatabaseTypes(env.SUPABASE_DB_URL);
const current = existsSync(typesFile) ? readFileSync(typesFile, 'utf8') : '';

if (check) {
	if (generated !== current) {
		console.error(
			'src/lib/database.types.ts no corresponde al esquema de las migraciones: ejecute `npm run db:types` y confirme el cambio.'
		);
		process.exitCode = 1;
	} else {
		console.log('Tipos de la base de datos al día.');
	}
} else {
	writeFileSync(typesFile, generated);
	console.log(`Escrito ${typesFile}`);
}
