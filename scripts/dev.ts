// npm run dev: the embedded stack (unless PUBLIC_SUPABASE_URL points elsewhere) and Vite's dev server.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './lib/stack/config.ts';
import { appEnv, supabaseEnv } from './lib/connection.ts';
import { buildTerritory, territoryBuildIsCurrent } from './lib/data/load.ts';

const { env } = await supabaseEnv();
if (!(await territoryBuildIsCurrent())) await buildTerritory({});
const vite = spawn(
	process.execPath,
	[join(repoRoot, 'node_modules/vite/bin/vite.js'), 'dev', ...process.argv.slice(2)],
	{
		stdio: 'inherit',
		env: { ...process.env, ...appEnv(env) }
	}
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => vite.kill(signal));
vite.on('exit', (code) => process.exit(code ?? 0));
