import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PASSWORD_ENV, readNewPassword } from './password-input.ts';

function terminal(lines: string[]) {
	const input = Object.assign(new PassThrough(), { isTTY: true });
	const output = new PassThrough();
	let shown = '';
	output.on('data', (chunk: Buffer) => {
		shown += chunk.toString();
		// Answer each prompt once it has been shown, as a person would.
		if (/: $/.test(shown) && lines.length) input.write(`${lines.shift()}\r`);
	});
	return { input, output, shown: () => shown };
}

describe('readNewPassword', () => {
	it('takes TABLERO_USER_PASSWORD first', async () => {
		const input = new PassThrough();
		input.end('from-stdin');
		expect(
			await readNewPassword({ env: { [PASSWORD_ENV]: 'from-env' }, input, output: new PassThrough() })
		).toEqual({ password: 'from-env' });
	});

	it('reads piped standard input whole, without its final line break', async () => {
		const input = new PassThrough();
		input.end('una clave con espacios \n');
		expect(await readNewPassword({ env: {}, input, output: new PassThrough() })).toEqual({
			password: 'una clave con espacios '
		});
		const empty = new PassThrough();
		empty.end('');
		expect(await readNewPassword({ env: {}, input: empty, output: new PassThrough() })).toMatchObject({
			error: expect.stringContaining(PASSWORD_ENV)
		});
	});

	it('asks twice at a terminal without echoing what is typed', async () => {
		const { input, output, shown } = terminal(['secreto-largo', 'secreto-largo']);
		expect(await readNewPassword({ env: {}, input, output })).toEqual({ password: 'secreto-largo' });
		expect(shown()).toContain('Repita la clave: ');
		expect(shown()).not.toContain('secreto');
	});

	it('refuses two different answers', async () => {
		const { input, output } = terminal(['secreto-largo', 'otro-secreto']);
		expect(await readNewPassword({ env: {}, input, output })).toEqual({
			error: 'Las dos claves no coinciden.'
		});
	});
});
