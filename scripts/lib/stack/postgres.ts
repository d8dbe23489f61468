import {
	chownSync,
	existsSync,
	mkdirSync,
	readFileSync,
	appendFileSync,
	rmSync,
	writeFileSync,
	mkdtempSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fallbackClusterDir, paths, ports, host, stackDir } from './config.ts';
import { isRoot, postgresBinDir, postgresCanReach, runAsPostgres, StackError } from './system.ts';

function binary(name: string): string {
	const dir = postgresBinDir();
	if (!dir) throw new StackError('No se encontró PostgreSQL (initdb/pg_ctl).');
	return join(dir, name);
}

function postgresIds(): { uid: number; gid: number } {
	const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
	if (out.status !== 0)
		throw new StackError(
			'No existe el usuario del sistema "postgres" (lo crea el paquete postgresql-15).'
		);
	return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The cluster folder: inside the project when the postgres user can reach it, else one it owns. */
export function clusterDir(): string {
	if (existsSync(paths.clusterPointer)) return readFileSync(paths.clusterPointer, 'utf8').trim();
	return paths.defaultCluster;
}

function chooseClusterDir(): string {
	mkdirSync(stackDir, { recursive: true });
	if (!isRoot || postgresCanReach(stackDir)) return paths.defaultCluster;
	const dir = fallbackClusterDir();
	writeFileSync(paths.clusterPointer, dir + '\n');
	return dir;
}

export function clusterExists(): boolean {
	return existsSync(join(clusterDir(), 'PG_VERSION'));
}

/** Creates the cluster (in the folder chooseClusterDir picks) and returns where it is. */
export function initCluster(superuserPassword: string): string {
	const dir = chooseClusterDir();
	mkdirSync(dirname(dir), { recursive: true, mode: 0o755 });
	mkdirSync(dir, { mode: 0o700 });
	const pwDir = mkdtempSync(join(tmpdir(), 'tablero-pw-'));
	const pwFile = join(pwDir, 'pw');
	writeFileSync(pwFile, superuserPassword + '\n', { mode: 0o600 });
	if (isRoot) {
		const { uid, gid } = postgresIds();
		chownSync(dir, uid, gid);
		chownSync(pwDir, uid, gid);
		chownSync(pwFile, uid, gid);
		// The fallback folder's parents (under /var/lib/postgresql) must be the postgres user's too.
		if (dir !== paths.defaultCluster) {
			for (
				let parent = dirname(dir);
				parent.startsWith('/var/lib/postgresql/');
				parent = dirname(parent)
			) {
				chownSync(parent, uid, gid);
			}
		}
	}
	try {
		const result = runAsPostgres(binary('initdb'), [
			'-D',
			dir,
			'-U',
			'postgres',
			'--encoding=UTF8',
			'--locale=C.UTF-8',
			'--auth-host=scram-sha-256',
			'--auth-local=reject',
			`--pwfile=${pwFile}`
		]);
		if (result.status !== 0) throw new StackError(`initdb falló:\n${String(result.stderr)}`);
	} finally {
		rmSync(pwDir, { recursive: true, force: true });
	}
	// TCP on loopback only; no Unix socket, so nothing depends on /var/run/postgresql being writable.
	appendFileSync(
		join(dir, 'postgresql.conf'),
		[
			'',
			'# Tablero Territorial local stack',
			`port = ${ports.postgres}`,
			`listen_addresses = '${host}'`,
			"unix_socket_directories = ''",
			'max_connections = 100',
			'shared_buffers = 256MB',
			'work_mem = 16MB',
			'maintenance_work_mem = 256MB',
			"timezone = 'UTC'",
			''
		].join('\n')
	);
	return dir;
}

export function postgresRunning(): boolean {
	if (!clusterExists()) return false;
	return runAsPostgres(binary('pg_ctl'), ['-D', clusterDir(), 'status']).status === 0;
}

export function startPostgres(): void {
	if (postgresRunning()) return;
	const dir = clusterDir();
	const result = runAsPostgres(binary('pg_ctl'), [
		'-D',
		dir,
		'-l',
		join(dir, 'server.log'),
		'-w',
		'-t',
		'60',
		'start'
	]);
	if (result.status !== 0) {
		const log = existsSync(join(dir, 'server.log'))
			? readFileSync(join(dir, 'server.log'), 'utf8').split('\n').slice(-15).join('\n')
			: '';
		throw new StackError(
			`PostgreSQL no arrancó (¿puerto ${ports.postgres} ocupado?).\n${String(result.stderr)}\n${log}`
		);
	}
}

export function stopPostgres(): void {
	if (!postgresRunning()) return;
	const result = runAsPostgres(binary('pg_ctl'), ['-D', clusterDir(), '-m', 'fast', '-w', 'stop']);
	if (result.status !== 0) throw new StackError(`No se pudo detener PostgreSQL:\n${String(result.stderr)}`);
}

export function removeCluster(): void {
	const dir = clusterDir();
	rmSync(dir, { recursive: true, force: true });
	rmSync(paths.clusterPointer, { force: true });
}

export function databaseUrl(password: string, user = 'postgres'): string {
	return `postgresql://${user}:${encodeURIComponent(password)}@${host}:${ports.postgres}/postgres`;
}
