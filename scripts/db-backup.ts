// npm run db:backup -- [--out FILE]
// pg_dump of the whole database (schema, data, auth users) at SUPABASE_DB_URL, else the local stack,
// with a manifest (FILE.json) of every data table's row count and checksum.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, manifestPath } from './lib/backup/dump.ts';
import { repoRoot } from './lib/stack/config.ts';
import { requireScriptDatabase } from './lib/stack/connection.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = resolve(values.out ?? join(repoRoot, 'backups', `tablero-${stamp}.dump`));
mkdirSync(dirname(file), { recursive: true });

const started = Date.now();
const manifest = await backupDatabase(requireScriptDatabase(), file);
const rows = Object.values(manifest.fingerprints).reduce((sum, table) => sum + table.rows, 0);
console.log(
	`Respaldo en ${file} (${(manifest.bytes / 1e6).toFixed(1)} MB, ${Object.keys(manifest.fingerprints).length} tablas, ` +
		`${rows} filas, ${((Date.now() - started) / 1000).toFixed(1)} s); manifiesto: ${manifestPath(file)}`
);
