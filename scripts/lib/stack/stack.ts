import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { apiUrl, mailboxUrl, paths, ports, repoRoot } from './config.ts';
import { readStackEnv, type SupabaseEnv } from './connection.ts';
import { applyBootstrap, applyMigrations, applySeed } from './migrate.ts';
import {
	clusterDir,
	clusterExists,
	databaseUrl,
	initCluster,
	postgresRunning,
	removeCluster,
	startPostgres,
	stopPostgres
} from './postgres.ts';
import { ensureSecrets, readSecrets } from './secrets.ts';
import { ensureSystemPackages, StackError } from './system.ts';

const step = (message: string) => console.log(`· ${message}`);

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const secrets = readSecrets()!;
	const client = new pg.Client({ connectionString: databaseUrl(secrets.postgresPassword) });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

async function loadTerritoryIfEmpty(client: pg.Client): Promise<void> {
	const { rows } = await client.query<{ n: number }>('select count(*)::int as n from public.communes');
	if (rows[0].n > 0) return;
	step('cargando el territorio (regiones, provincias, comunas)');
	const data = await import('../data/load.ts');
	if (!(await data.territoryBuildIsCurrent())) await data.buildTerritory({});
	await data.loadTerritory(client);
}

function daemonPid(): number | null {
	if (!existsSync(paths.daemonPid)) return null;
	const pid = Number(readFileSync(paths.daemonPid, 'utf8'));
	try {
		process.kill(pid, 0);
		return pid;
	} catch {
		rmSync(paths.daemonPid, { force: true });
		return null;
	}
}

async function apiHealthy(): Promise<boolean> {
	try {
		return (await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(2000) })).ok;
	} catch {
		return false;
	}
}

async function startDaemon(): Promise<void> {
	if (daemonPid() && (await apiHealthy())) return;
	if (await apiHealthy()) {
		throw new StackError(
			`El puerto ${ports.gateway} ya lo usa otro proceso: deténgalo o ejecute \`npm run stack -- stop\` en su proyecto.`
		);
	}
	mkdirSync(dirname(paths.daemonLog), { recursive: true });
	const logFd = openSync(paths.daemonLog, 'a');
	const child = spawn(process.execPath, [join(repoRoot, 'scripts/lib/stack/daemon.ts')], {
		detached: true,
		stdio: ['ignore', logFd, logFd],
		cwd: repoRoot
	});
	let exited: number | null = null;
	child.on('exit', (code) => (exited = code ?? 1));
	child.unref();
	const deadline = Date.now() + 45_000;
	while (Date.now() < deadline) {
		if (exited !== null) break;
		if (daemonPid() && (await apiHealthy())) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	const tail = readFileSync(paths.daemonLog, 'utf8').split('\n').slice(-20).join('\n');
	throw new StackError(`La API local no arrancó. Últimas líneas de ${paths.daemonLog}:\n${tail}`);
}

/** Idempotent: brings up whatever part of the stack is not running, creating it on first use. */
export async function startStack(): Promise<SupabaseEnv> {
	ensureSystemPackages(['postgres', 'postgis', 'pgtap']);
	const secrets = await ensureSecrets();
	const fresh = !clusterExists();
	if (fresh) {
		const dir = initCluster(secrets.postgresPassword);
		step(`clúster PostgreSQL creado en ${dir}`);
	}
	if (!postgresRunning()) {
		step(`iniciando PostgreSQL en el puerto ${ports.postgres}`);
		startPostgres();
	}
	await withDatabase(async (client) => {
		if (fresh) {
			step('aplicando la base compatible con Supabase (roles, esquema auth)');
			await applyBootstrap(client, secrets.authenticatorPassword);
		}
		await applyMigrations(client, console.log);
		if (fresh) {
			step('aplicando supabase/seed.sql');
			await applySeed(client);
		}
		await loadTerritoryIfEmpty(client);
		// A fresh stack shows something: the default sample, unless the domain tables hold data.
		const { loadSampleIfEmpty } = await import('../sample/load.ts');
		await loadSampleIfEmpty(client, step);
	});
	if (!(await apiHealthy())) step(`iniciando PostgREST y la API local en ${apiUrl}`);
	await startDaemon();
	return readStackEnv()!;
}

export async function stopStack(): Promise<void> {
	const pid = daemonPid();
	if (pid) {
		process.kill(pid, 'SIGTERM');
		const deadline = Date.now() + 10_000;
		while (daemonPid() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	}
	stopPostgres();
}

export async function resetStack(): Promise<SupabaseEnv> {
	await stopStack();
	removeCluster();
	return startStack();
}

async function mailboxHealthy(): Promise<boolean> {
	try {
		return (await fetch(`${mailboxUrl}/health`, { signal: AbortSignal.timeout(2000) })).ok;
	} catch {
		return false;
	}
}

export async function stackStatus(): Promise<{
	postgres: boolean;
	api: boolean;
	mailbox: boolean;
	cluster: string | null;
}> {
	return {
		postgres: postgresRunning(),
		api: Boolean(daemonPid()) && (await apiHealthy()),
		mailbox: Boolean(daemonPid()) && (await mailboxHealthy()),
		cluster: clusterExists() ? clusterDir() : null
	};
}

export function envLines(env: SupabaseEnv): string {
	return Object.entries(env)
		.map(([k, v]) => `${k}=${v}`)
		.join('\n');
}
