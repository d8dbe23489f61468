import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { describe, expect, it, vi } from 'vitest';

describe('ensureSecrets', () => {
	it('creates per-folder keys once: API keys are JWTs of the right role signed with the secret', async () => {
		vi.stubEnv('STACK_DIR', mkdtempSync(join(tmpdir(), 'stack-')));
		vi.resetModules();
		const { ensureSecrets } = await import('./secrets.ts');
		const first = await ensureSecrets();
		const secret = new TextEncoder().encode(first.jwtSecret);
		expect((await jwtVerify(first.anonKey, secret)).payload.role).toBe('anon');
		expect((await jwtVerify(first.serviceKey, secret)).payload.role).toBe('service_role');
		expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
		expect(await ensureSecrets()).toEqual(first);
		vi.unstubAllEnvs();
	});

	it('adds the forwarding key to a secrets file written before it existed, readable by its owner only', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'stack-'));
		vi.stubEnv('STACK_DIR', folder);
		vi.resetModules();
		const { ensureSecrets } = await import('./secrets.ts');
		const { authForwardingKey: _dropped, ...older } = await ensureSecrets();
		const file = join(folder, 'secrets.json');
		writeFileSync(file, JSON.stringify(older));
		chmodSync(file, 0o644);
		const upgraded = await ensureSecrets();
		expect(upgraded).toMatchObject(older);
		expect(upgraded.authForwardingKey.length).toBeGreaterThanOrEqual(32);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(upgraded);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		vi.unstubAllEnvs();
	});

	it('writes files of secrets mode 600, also over an existing readable file', async () => {
		const { writePrivateFile } = await import('./secrets.ts');
		const file = join(mkdtempSync(join(tmpdir(), 'stack-')), 'nested', 'stack.env');
		writePrivateFile(file, 'A=1\n');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		chmodSync(file, 0o644);
		writePrivateFile(file, 'A=2\n');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(readFileSync(file, 'utf8')).toBe('A=2\n');
	});
});
