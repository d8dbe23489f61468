import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const isRoot = process.getuid?.() === 0;

export class StackError extends Error {}

/** Debian packages each feature needs, and a file that proves the package is there. */
export const systemPackages = {
	postgres: { pkg: 'postgresql-15', probe: () => postgresBinDir() !== null },
	postgis: { pkg: 'postgresql-15-postgis-3', probe: () => hasExtension('postgis') },
	pgtap: { pkg: 'postgresql-15-pgtap', probe: () => hasExtension('pgtap') },
	pgProve: { pkg: 'libtap-parser-sourcehandler-pgtap-perl', probe: () => onPath('pg_prove') },
	chromium: { pkg: 'chromium', probe: () => existsSync('/usr/bin/chromium') }
} as const;

export type SystemFeature = keyof typeof systemPackages;

function onPath(command: string): boolean {
	return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
}

/** The newest PostgreSQL server installed, from PATH or Debian's /usr/lib/postgresql/<major>/bin. */
export function postgresBinDir(): string | null {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const majors = readdirSync(root)
			.filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (majors.length) return join(root, majors[0], 'bin');
	}
	for (const dir of (process.env.PATH ?? '').split(':')) {
		if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
	}
	return null;
}

function hasExtension(name: string): boolean {
	const root = '/usr/share/postgresql';
	if (!existsSync(root)) return false;
	return readdirSync(root).some((major) => existsSync(join(root, major, 'extension', `${name}.control`)));
}

/**
 * Installs what is missing with apt when we are root; otherwise stops with the exact command, since
 * guessing at sudo would hang a non-interactive run.
 */
export function ensureSystemPackages(features: SystemFeature[]): void {
	const missing = features.filter((f) => !systemPackages[f].probe()).map((f) => systemPackages[f].pkg);
	if (!missing.length) return;
	const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
	if (!isRoot) {
		throw new StackError(
			`Faltan paquetes del sistema: ${missing.join(', ')}.\nInstálelos con:\n  sudo sh -c '${command}'\ny vuelva a ejecutar el comando.`
		);
	}
	console.log(`· instalando paquetes del sistema: ${missing.join(', ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const step of [
		['update', '-qq'],
		['install', '-y', '-qq', '--no-install-recommends', ...missing]
	]) {
		const result = spawnSync('apt-get', step, { stdio: 'inherit', env });
		if (result.status !== 0) throw new StackError(`apt-get ${step[0]} falló (código ${result.status}).`);
	}
	const stillMissing = features.filter((f) => !systemPackages[f].probe());
	if (stillMissing.length) throw new StackError(`Siguen faltando: ${stillMissing.join(', ')}`);
}

/**
 * Postgres refuses to run as root: as root, its commands run as the `postgres` OS user (which the
 * Debian server package creates); as anyone else, as that user.
 */
export function runAsPostgres(command: string, args: string[], options: SpawnSyncOptions = {}) {
	const [cmd, fullArgs] = isRoot
		? ['runuser', ['-u', 'postgres', '--', command, ...args]]
		: [command, args];
	// cwd '/': the postgres user may not be allowed into the current folder (a private home).
	return spawnSync(cmd, fullArgs, { encoding: 'utf8', cwd: '/', ...options });
}

export function postgresCanReach(dir: string): boolean {
	if (!isRoot) return true;
	return runAsPostgres('test', ['-w', dir]).status === 0 || runAsPostgres('test', ['-x', dir]).status === 0;
}
