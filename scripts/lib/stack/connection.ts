import { apiUrl } from './config.ts';
import { databaseUrl, postgresRunning } from './postgres.ts';
import { readSecrets } from './secrets.ts';

export interface SupabaseEnv {
	PUBLIC_SUPABASE_URL: string;
	PUBLIC_SUPABASE_ANON_KEY: string;
	SUPABASE_SERVICE_ROLE_KEY: string;
	SUPABASE_DB_URL: string;
}

/** The local stack's connection settings, or null when it has never been started here. */
export function readStackEnv(): SupabaseEnv | null {
	const secrets = readSecrets();
	if (!secrets) return null;
	return {
		PUBLIC_SUPABASE_URL: apiUrl,
		PUBLIC_SUPABASE_ANON_KEY: secrets.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: secrets.serviceKey,
		SUPABASE_DB_URL: databaseUrl(secrets.postgresPassword)
	};
}

/** Superuser URL of the local database, or null when it is not running. */
export function localDatabaseUrl(): string | null {
	const env = readStackEnv();
	return env && postgresRunning() ? env.SUPABASE_DB_URL : null;
}

/**
 * The database the data scripts write to (as its owner): SUPABASE_DB_URL when set (a hosted
 * project or any other), else the running local stack; null when there is neither.
 */
export function scriptDatabase(): { url: string; where: string } | null {
	if (process.env.SUPABASE_DB_URL) return { url: process.env.SUPABASE_DB_URL, where: 'SUPABASE_DB_URL' };
	const url = localDatabaseUrl();
	return url ? { url, where: 'la base local (npm run stack)' } : null;
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
 * A configured Supabase (PUBLIC_SUPABASE_URL in the environment: hosted, or anything else) wins over
 * the local stack; scripts then start nothing and use the same code path.
 */
export function externalSupabaseEnv(): Partial<SupabaseEnv> | null {
	if (!process.env.PUBLIC_SUPABASE_URL) return null;
	return {
		PUBLIC_SUPABASE_URL: process.env.PUBLIC_SUPABASE_URL,
		PUBLIC_SUPABASE_ANON_KEY: process.env.PUBLIC_SUPABASE_ANON_KEY,
		SUPABASE_SERVICE_ROLE_KEY: process.env.SUPABASE_SERVICE_ROLE_KEY,
		SUPABASE_DB_URL: process.env.SUPABASE_DB_URL
	};
}
