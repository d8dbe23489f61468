import { apiUrl, mailboxUrl, smtpUrl } from './config.ts';
import { databaseUrl } from './postgres.ts';
import { readSecrets } from './secrets.ts';

export interface SupabaseEnv {
	PUBLIC_SUPABASE_URL: string;
	PUBLIC_SUPABASE_ANON_KEY: string;
	SUPABASE_SERVICE_ROLE_KEY: string;
	SUPABASE_DB_URL: string;
	/** Server-only: lets the app server tell Auth the client's address (secrets.ts). */
	SUPABASE_AUTH_FORWARDING_KEY: string;
	/** Where the app sends mail: the local mailbox's SMTP sink. */
	SMTP_URL: string;
	/** Server-only: the local mailbox's HTTP API (the admin page /admin/correo and tests read it). */
	LOCAL_MAILBOX_URL: string;
	/** Server-only: the bearer token of the local mailbox's HTTP API. */
	LOCAL_MAILBOX_TOKEN: string;
	/** `off`: the embedded stack has no Realtime, so the app does not open a WebSocket to it. */
	PUBLIC_SUPABASE_REALTIME: string;
}

/** The local stack's connection settings, or null when it has never been started here. */
export function readStackEnv(): SupabaseEnv | null {
	const secrets = readSecrets();
	if (!secrets) return null;
	return {
		PUBLIC_SUPABASE_URL: apiUrl,
		PUBLIC_SUPABASE_ANON_KEY: secrets.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: secrets.serviceKey,
		SUPABASE_DB_URL: databaseUrl(secrets.postgresPassword),
		SUPABASE_AUTH_FORWARDING_KEY: secrets.authForwardingKey,
		SMTP_URL: smtpUrl,
		LOCAL_MAILBOX_URL: mailboxUrl,
		LOCAL_MAILBOX_TOKEN: secrets.mailboxToken,
		PUBLIC_SUPABASE_REALTIME: 'off'
	};
}
