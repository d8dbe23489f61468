import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT } from 'jose';
import { paths } from './config.ts';

export interface StackSecrets {
	jwtSecret: string;
	anonKey: string;
	serviceKey: string;
	postgresPassword: string;
	authenticatorPassword: string;
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
	if (existing) return existing;
	const jwtSecret = randomSecret(48);
	const secrets: StackSecrets = {
		jwtSecret,
		anonKey: await apiKey('anon', jwtSecret),
		serviceKey: await apiKey('service_role', jwtSecret),
		postgresPassword: randomSecret(24),
		authenticatorPassword: randomSecret(24)
	};
	mkdirSync(dirname(paths.secrets), { recursive: true });
	writeFileSync(paths.secrets, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
	return secrets;
}

export function readSecrets(): StackSecrets | null {
	if (!existsSync(paths.secrets)) return null;
	return JSON.parse(readFileSync(paths.secrets, 'utf8')) as StackSecrets;
}
