import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './stack/config.ts';
import { run } from './process.ts';

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce(
		(max, name) => Math.max(max, newestMtime(join(path, name))),
		stat.mtimeMs
	);
}

const inputs = ['src', 'static', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];

/** Rebuilds the production bundle when any input is newer than it (or it is missing). */
export async function ensureAppBuild(force = false): Promise<void> {
	const built = newestMtime(join(repoRoot, 'build', 'index.js'));
	const newestInput = Math.max(...inputs.map((p) => newestMtime(join(repoRoot, p))));
	if (!force && built > newestInput) return;
	console.log('· compilando la aplicación (vite build)');
	const { code } = await run(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build']);
	if (code !== 0) throw new Error('vite build falló.');
}
