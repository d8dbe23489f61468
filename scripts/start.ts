// npm start: the embedded stack (unless PUBLIC_SUPABASE_URL points elsewhere), the territory files,
// a production build when sources changed, then the app on http://localhost:3000.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureAppBuild } from './lib/build-app.ts';
import { repoRoot } from './lib/stack/config.ts';
import { appEnv, supabaseEnv } from './lib/connection.ts';
import { buildTerritory, territoryBuildIsCurrent } from './lib/data/load.ts';

const { env, local } = await supabaseEnv();
if (!(await territoryBuildIsCurrent())) await buildTerritory({});
await ensureAppBuild();

const port = process.env.PORT ?? '3000';
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
console.log(
	`Tablero Territorial en ${origin} (Supabase: ${env.PUBLIC_SUPABASE_URL}${local ? ', pila local' : ''})`
);
const app = spawn(process.execPath, [join(repoRoot, 'build')], {
	stdio: 'inherit',
	env: { ...process.env, ...appEnv(env), PORT: port, ORIGIN: origin }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => process.exit(code ?? 0));
