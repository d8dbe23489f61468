// Which Supabase the scripts talk to, decided in one place for all of them (start, dev, test,
// db:types, data, data:sample, bench:sample, user:add).
import { postgresRunning } from './stack/postgres.ts';
import { readStackEnv, type SupabaseEnv } from './stack/connection.ts';
import { startStack } from './stack/stack.ts';

export type { SupabaseEnv };

export interface Connection {
	/** true: the embedded stack of this checkout; false: a Supabase configured in the environment. */
	local: boolean;
	env: Partial<SupabaseEnv>;
}

/**
 * A Supabase configured in the environment (PUBLIC_SUPABASE_URL: hosted, or any other) wins, and
 * then every setting comes from the environment: a local key is never sent to a remote URL.
 * Otherwise the local stack's settings (null when it was never started here). SUPABASE_DB_URL
 * alone points the database scripts (data, data:sample) at another database.
 */
export function resolveConnection(environment: NodeJS.ProcessEnv = process.env): Connection | null {
	const fromEnvironment = {
		PUBLIC_SUPABASE_URL: environment.PUBLIC_SUPABASE_URL,
		PUBLIC_SUPABASE_ANON_KEY: environment.PUBLIC_SUPABASE_ANON_KEY,
		SUPABASE_SERVICE_ROLE_KEY: environment.SUPABASE_SERVICE_ROLE_KEY,
		SUPABASE_DB_URL: environment.SUPABASE_DB_URL,
		SUPABASE_AUTH_FORWARDING_KEY: environment.SUPABASE_AUTH_FORWARDING_KEY,
		SMTP_URL: environment.SMTP_URL,
		LOCAL_MAILBOX_URL: environment.LOCAL_MAILBOX_URL,
		LOCAL_MAILBOX_TOKEN: environment.LOCAL_MAILBOX_TOKEN,
		PUBLIC_SUPABASE_REALTIME: environment.PUBLIC_SUPABASE_REALTIME
	};
	if (fromEnvironment.PUBLIC_SUPABASE_URL) return { local: false, env: fromEnvironment };
	const local = readStackEnv();
	const databaseOverride = fromEnvironment.SUPABASE_DB_URL;
	if (databaseOverride) return { local: false, env: { ...local, SUPABASE_DB_URL: databaseOverride } };
	return local ? { local: true, env: local } : null;
}

/** A setting the caller cannot do without, or an error that says what to set. */
export function requireSetting(connection: Connection | null, name: keyof SupabaseEnv): string {
	const value = connection?.env[name];
	if (value) return value;
	if (!connection)
		throw new Error(
			'No hay una Supabase configurada ni un stack local: ejecute `npm run stack -- start`.'
		);
	throw new Error(`Falta ${name}: defínalo junto a PUBLIC_SUPABASE_URL o SUPABASE_DB_URL.`);
}

/** The Supabase the app and tests talk to; the local stack is started when none is configured. */
export async function supabaseEnv(): Promise<Connection> {
	const configured = resolveConnection();
	if (configured && !configured.local && configured.env.PUBLIC_SUPABASE_URL) {
		requireSetting(configured, 'PUBLIC_SUPABASE_ANON_KEY');
		return configured;
	}
	return { local: true, env: await startStack() };
}

/**
 * The database the data scripts write to (as its owner): SUPABASE_DB_URL when set, else the
 * running local stack; null when there is neither (the local stack is not started for them).
 */
export function scriptDatabase(): { url: string; where: string } | null {
	const connection = resolveConnection();
	const url = connection?.env.SUPABASE_DB_URL;
	if (!connection || !url) return null;
	if (!connection.local) return { url, where: 'SUPABASE_DB_URL' };
	return postgresRunning() ? { url, where: 'la base local (npm run stack)' } : null;
}

/** scriptDatabase() for scripts that cannot do without one: the URL, or an operator-facing error. */
export function requireScriptDatabase(): string {
	const target = scriptDatabase();
	if (!target)
		throw new Error(
			'No hay base de datos: inicie el stack local (`npm run stack -- start`) o defina SUPABASE_DB_URL.'
		);
	return target.url;
}

/**
 * Only what the app's process needs: the DB URL stays out of the web server. The forwarding key is
 * server-only there ($env/dynamic/private) and only lets Auth see client addresses. The service
 * key is there for one server job, the mail sender (src/lib/server/mail), and for nothing a
 * person's request reaches; SMTP_URL says where mail goes (the local mailbox on the local stack).
 */
export function appEnv(env: Partial<SupabaseEnv>): Record<string, string> {
	const out: Record<string, string> = {
		PUBLIC_SUPABASE_URL: env.PUBLIC_SUPABASE_URL!,
		PUBLIC_SUPABASE_ANON_KEY: env.PUBLIC_SUPABASE_ANON_KEY!
	};
	if (env.SUPABASE_AUTH_FORWARDING_KEY) out.SUPABASE_AUTH_FORWARDING_KEY = env.SUPABASE_AUTH_FORWARDING_KEY;
	for (const name of [
		'SUPABASE_SERVICE_ROLE_KEY',
		'SMTP_URL',
		'LOCAL_MAILBOX_URL',
		'LOCAL_MAILBOX_TOKEN',
		'PUBLIC_SUPABASE_REALTIME'
	] as const) {
		const value = env[name];
		if (value) out[name] = value;
	}
	for (const name of ['MAIL_FROM', 'PUBLIC_SITE_URL']) {
		if (process.env[name]) out[name] = process.env[name];
	}
	if (process.env.PUBLIC_MAP_STYLE_URL) out.PUBLIC_MAP_STYLE_URL = process.env.PUBLIC_MAP_STYLE_URL;
	return out;
}
