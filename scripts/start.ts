// npm start: the embedded stack (unless PUBLIC_SUPABASE_URL points elsewhere), the territory files,
// a production build when sources changed, then the app on http://localhost:3000.
import { spawn, type ChildProcess } from 'node:child_process';
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

// The app is supervised: if it dies (a crash, an out-of-memory kill), it is started again, so the
// site comes back without anyone at the console. Stopping npm start stops it for good. The delay
// doubles while it keeps dying right away, so a broken build does not spin.
let stopping = false;
let restartDelayMs = 250;
let app = startApp();

function startApp(): ChildProcess {
	const startedAt = Date.now();
	const child = spawn(process.execPath, [join(repoRoot, 'build')], {
		stdio: 'inherit',
		// Project import uploads whole files (src/lib/import LIMITS): adapter-node's default is 512 kB.
		env: { BODY_SIZE_LIMIT: '64M', ...process.env, ...appEnv(env), PORT: port, ORIGIN: origin }
	});
	child.on('exit', (code, signal) => {
		if (stopping) process.exit(code ?? 0);
		restartDelayMs = Date.now() - startedAt > 30_000 ? 250 : Math.min(restartDelayMs * 2, 10_000);
		console.error(
			`La aplicación terminó (código ${code}, señal ${signal}); se reinicia en ${restartDelayMs} ms.`
		);
		setTimeout(() => {
			if (!stopping) app = startApp();
		}, restartDelayMs);
	});
	return child;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		stopping = true;
		if (app.exitCode !== null || app.signalCode !== null) process.exit(0);
		app.kill(signal);
	});
}
