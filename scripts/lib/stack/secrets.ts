import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT } from 'jose';
import { paths } from './config.ts';

export interface StackSecrets {
	jwtSecret: string;
	anonKey: string;
	serviceKey: string;
	postgresPassword: string;
	authenticatorPassword: string;
	/**
	 * Held by the app server only: a request to Auth that carries it may name the client address
	 * in Sb-Forwarded-For (see auth/http.ts clientIp). Added to older secret files on start.
	 */
	authForwardingKey: string;
	/** Opens the local mailbox's HTTP API (scripts/lib/mailbox): the app's admin page and tests. */
	mailboxToken: string;
}

const tenYears = 10 * 365 * 24 * 3600;

async function apiKey(role: 'anon' | 'service_role', jwtSecret: string): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT({ role, iss: 'supabase-local' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt(now)
		.setExpirationTime(now + tenYears)
		.sign(new TextEncoder().encode(jwtSecret));
}

const randomSecret = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Secrets belong to one local data folder: generated on first use, never committed, never demo keys. */
export async function ensureSecrets(): Promise<StackSecrets> {
	const existing = readSecrets();
	if (existing?.authForwardingKey && existing.mailboxToken) return existing;
	if (existing)
		return writeSecrets({
			...existing,
			authForwardingKey: existing.authForwardingKey ?? randomSecret(32),
			mailboxToken: existing.mailboxToken ?? randomSecret(32)
		});
	const jwtSecret = randomSecret(48);
	const secrets: StackSecrets = {
		jwtSecret,
		anonKey: await apiKey('anon', jwtSecret),
		serviceKey: await apiKey('service_role', jwtSecret),
		postgresPassword: randomSecret(24),
		authenticatorPassword: randomSecret(24),
		authForwardingKey: randomSecret(32),
		mailboxToken: randomSecret(32)
	};
	return writeSecrets(secrets);
}

function writeSecrets(secrets: StackSecrets): StackSecrets {
	writePrivateFile(paths.secrets, JSON.stringify(secrets, null, 2) + '\n');
	return secrets;
}

/** Writes a file of secrets readable by its owner only (mode 600), also when it already existed. */
export function writePrivateFile(path: string, content: string): void {
	mkdirSync(dirname(path), { recursive: true });
	// `mode` applies only when the file is created; chmod before writing covers an existing one.
	if (existsSync(path)) chmodSync(path, 0o600);
	writeFileSync(path, content, { mode: 0o600 });
}

export function readSecrets(): StackSecrets | null {
	if (!existsSync(paths.secrets)) return null;
	return JSON.parse(readFileSync(paths.secrets, 'utf8')) as StackSecrets;
}
