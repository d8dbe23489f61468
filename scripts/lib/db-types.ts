import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './stack/config.ts';

export const typesFile = join(repoRoot, 'src', 'lib', 'database.types.ts');

/**
 * TypeScript types of the live schema, from Supabase's own generator (postgres-meta, what
 * `supabase gen types typescript` runs inside Docker), so they are never written by hand.
 */
export function generateDatabaseTypes(dbUrl: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[join(repoRoot, 'node_modules/@supabase/postgres-meta/dist/server/server.js')],
			{
				env: {
					PATH: process.env.PATH,
					PG_META_DB_URL: dbUrl,
					PG_META_GENERATE_TYPES: 'typescript',
					PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
					PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true'
				},
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let out = '';
		let err = '';
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		child.stderr.on('data', (c: Buffer) => (err += c.toString()));
		child.on('close', (code) => {
			if (code === 0 && out.includes('export type Database')) resolve(out);
			else
				reject(new Error(`postgres-meta no generó los tipos (código ${code}):\n${err.slice(-2000)}`));
		});
	});
}
