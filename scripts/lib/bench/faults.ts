// The faults the load benchmark injects into the local stack while users keep working. Every one
// targets a process this checkout started (found through its own pid files and /proc), never a
// process by name.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../stack/config.ts';
import { clusterDir } from '../stack/postgres.ts';
import { isRoot, postgresBinDir } from '../stack/system.ts';

/** The direct children of a process (Linux). */
export function childPids(pid: number): number[] {
	const file = `/proc/${pid}/task/${pid}/children`;
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function commandOf(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}

/** SIGKILL to the PostgREST child of this checkout's stack daemon; its pid, or null. */
export function killPostgrest(): number | null {
	if (!existsSync(paths.daemonPid)) return null;
	const daemon = Number(readFileSync(paths.daemonPid, 'utf8'));
	const child = childPids(daemon).find((pid) => commandOf(pid).includes('postgrest'));
	if (!child) return null;
	process.kill(child, 'SIGKILL');
	return child;
}

/** SIGKILL to the app process `npm start` (scripts/start.ts, pid given) supervises; its pid. */
export function killApp(startPid: number): number | null {
	const child = childPids(startPid).find((pid) => commandOf(pid).includes('build'));
	if (!child) return null;
	process.kill(child, 'SIGKILL');
	return child;
}

/**
 * `pg_ctl restart -m fast` without blocking this process (the simulated users keep running in it):
 * open connections are cut, as in a real database restart.
 */
export function restartPostgres(): Promise<number> {
	const dir = postgresBinDir();
	if (!dir) return Promise.reject(new Error('pg_ctl not found'));
	const cluster = clusterDir();
	const args = [
		'-D',
		cluster,
		'-m',
		'fast',
		'-w',
		'-t',
		'60',
		'restart',
		'-l',
		join(cluster, 'server.log')
	];
	const [command, fullArgs] = isRoot
		? ['runuser', ['-u', 'postgres', '--', join(dir, 'pg_ctl'), ...args]]
		: [join(dir, 'pg_ctl'), args];
	return new Promise((resolve, reject) => {
		const child = spawn(command, fullArgs, { stdio: 'ignore', cwd: '/' });
		child.on('error', reject);
		child.on('close', (code) => resolve(code ?? 1));
	});
}
