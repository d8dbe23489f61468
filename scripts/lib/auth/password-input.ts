// Where `npm run user:add` gets the new user's password: never from the command line, which any
// local user can read in `ps` and which shells keep in their history.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

export const PASSWORD_ENV = 'TABLERO_USER_PASSWORD';

export interface PasswordSources {
	env: NodeJS.ProcessEnv;
	input: NodeJS.ReadableStream & { isTTY?: boolean };
	output: NodeJS.WritableStream;
}

/** A prompt whose answer is not echoed: readline writes through `echo`, muted while typing. */
async function askHidden(sources: PasswordSources, question: string): Promise<string> {
	let muted = false;
	const echo = new Writable({
		write(chunk: Buffer, _encoding, done) {
			if (!muted) sources.output.write(chunk);
			done();
		}
	});
	const prompt = createInterface({ input: sources.input, output: echo, terminal: true });
	// In raw mode Ctrl+C reaches readline, not the process: it cancels the question.
	const cancel = new AbortController();
	prompt.on('SIGINT', () => cancel.abort());
	try {
		// Muted and listening before the question shows, so no keystroke is ever echoed or lost.
		muted = true;
		const answer = prompt.question('', { signal: cancel.signal });
		sources.output.write(question);
		return await answer;
	} finally {
		muted = false;
		sources.output.write('\n');
		prompt.close();
	}
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * TABLERO_USER_PASSWORD when set; else, at a terminal, asked twice without echo; else the whole
 * of standard input, without its final line break (`printf %s "$CLAVE" | npm run user:add …`).
 * Returns the password, or an error message in Spanish for the person running the command.
 */
export async function readNewPassword(
	sources: PasswordSources
): Promise<{ password: string } | { error: string }> {
	const fromEnv = sources.env[PASSWORD_ENV];
	if (fromEnv) return { password: fromEnv };
	if (sources.input.isTTY) {
		try {
			const first = await askHidden(sources, 'Clave del nuevo usuario: ');
			const second = await askHidden(sources, 'Repita la clave: ');
			return first === second ? { password: first } : { error: 'Las dos claves no coinciden.' };
		} catch (error) {
			if (error instanceof Error && error.name === 'AbortError') return { error: 'Cancelado.' };
			throw error;
		}
	}
	const piped = (await readAll(sources.input)).replace(/\r?\n$/, '');
	return piped
		? { password: piped }
		: {
				error: `Falta la clave: escríbala cuando se pida, por la entrada estándar o en ${PASSWORD_ENV}.`
			};
}
