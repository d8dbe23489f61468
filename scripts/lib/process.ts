import { spawn } from 'node:child_process';
import { repoRoot } from './stack/config.ts';

export interface RunResult {
	code: number;
	output: string;
}

/** Runs a command from the repo root, streaming its output while keeping a copy to inspect. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: repoRoot,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		const keep = (chunk: Buffer, stream: NodeJS.WriteStream) => {
			output += chunk.toString();
			stream.write(chunk);
		};
		child.stdout.on('data', (c: Buffer) => keep(c, process.stdout));
		child.stderr.on('data', (c: Buffer) => keep(c, process.stderr));
		child.on('error', (error) => resolve({ code: 127, output: String(error) }));
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}
