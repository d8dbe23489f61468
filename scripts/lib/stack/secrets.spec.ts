import { mkdtempSync } from 'node:fs';
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
});
