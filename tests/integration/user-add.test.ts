// `npm run user:add` as an operator runs it: the password never on the command line.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testClient } from '../support/supabase.ts';

const created: string[] = [];
afterAll(async () => {
	const admin = testClient({ key: 'service' });
	for (const email of created) {
		const { data: list } = await admin.auth.admin.listUsers({ perPage: 1000 });
		const user = list.users.find((candidate) => candidate.email === email);
		if (user) await admin.auth.admin.deleteUser(user.id);
	}
});

/** Runs the command as a child process: argv, stdin and environment as the operator gives them. */
function userAdd(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, ['scripts/user-add.ts', ...args], {
			env: { ...process.env, ...options.env },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.stdin.end(options.stdin ?? '');
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

async function canSignIn(email: string, password: string): Promise<boolean> {
	const { error } = await testClient().auth.signInWithPassword({ email, password });
	return error === null;
}

describe('npm run user:add', () => {
	it('reads the password from standard input', async () => {
		const email = `user-add-stdin-${randomUUID().slice(0, 8)}@example.test`;
		const password = `clave ${randomUUID()}`;
		created.push(email);
		const run = await userAdd(['--email', email, '--role', 'planner'], { stdin: `${password}\n` });
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(await canSignIn(email, password)).toBe(true);
	});

	it('reads the password from TABLERO_USER_PASSWORD', async () => {
		const email = `user-add-env-${randomUUID().slice(0, 8)}@example.test`;
		const password = `clave-${randomUUID()}`;
		created.push(email);
		const run = await userAdd(['--email', email, '--role', 'admin'], {
			env: { TABLERO_USER_PASSWORD: password }
		});
		expect(run.code).toBe(0);
		expect(await canSignIn(email, password)).toBe(true);
	});

	it('refuses --password, creating nobody', async () => {
		const email = `user-add-argv-${randomUUID().slice(0, 8)}@example.test`;
		const run = await userAdd(['--email', email, '--password', 'visible-en-ps', '--role', 'admin']);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('--password ya no se acepta');
		expect(await canSignIn(email, 'visible-en-ps')).toBe(false);
	});
});
