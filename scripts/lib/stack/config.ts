import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (scripts/lib/stack → ../../..). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Everything the local stack owns lives here; git-ignored, one folder per checkout. */
export const stackDir = process.env.STACK_DIR
	? resolve(process.env.STACK_DIR)
	: join(repoRoot, '.supabase-local');

// Supabase CLI's ports by default; STACK_PORT_BASE moves them all, so two checkouts can run side by side.
const portBase = Number(process.env.STACK_PORT_BASE ?? 54321);

export const ports = {
	gateway: portBase,
	postgres: portBase + 1,
	postgrest: portBase + 2,
	postgrestAdmin: portBase + 3,
	/** The local mailbox: SMTP sink and its HTTP API (scripts/lib/mailbox). */
	smtp: portBase + 4,
	mailbox: portBase + 5
} as const;

export const host = '127.0.0.1';
export const apiUrl = `http://${host}:${ports.gateway}`;
export const smtpUrl = `smtp://${host}:${ports.smtp}`;
export const mailboxUrl = `http://${host}:${ports.mailbox}`;

export const paths = {
	secrets: join(stackDir, 'secrets.json'),
	/** Where the cluster really is, when it could not live inside stackDir (see postgres.ts). */
	clusterPointer: join(stackDir, 'db-location'),
	defaultCluster: join(stackDir, 'db'),
	logs: join(stackDir, 'logs'),
	mailbox: join(stackDir, 'mailbox'),
	daemonPid: join(stackDir, 'run', 'daemon.pid'),
	daemonLog: join(stackDir, 'logs', 'api.log'),
	migrations: join(repoRoot, 'supabase', 'migrations'),
	seed: join(repoRoot, 'supabase', 'seed.sql'),
	bootstrapSql: join(repoRoot, 'scripts', 'lib', 'stack', 'sql')
} as const;

/**
 * When the project sits where the `postgres` OS user cannot reach it (a checkout under a private
 * home, mode 700), the cluster lives in a folder that user owns, named after this checkout.
 */
export function fallbackClusterDir(): string {
	const id = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
	return join('/var/lib/postgresql/tablero-territorial', id, 'db');
}
