/** Progress of the long steps of the pipeline: the CLI prints it, tests and the stack may ignore it. */
export interface ProgressEvent {
	step: string;
	/** Milliseconds the step took; absent when the step starts. */
	ms?: number;
	detail?: string;
}

export type OnProgress = (event: ProgressEvent) => void;

/** Runs a step, reporting its start and its duration. */
export async function timed<T>(
	onProgress: OnProgress | undefined,
	step: string,
	run: () => T | Promise<T>,
	detail?: (result: T) => string
): Promise<T> {
	onProgress?.({ step });
	const started = performance.now();
	const result = await run();
	onProgress?.({ step, ms: Math.round(performance.now() - started), detail: detail?.(result) });
	return result;
}

/** One line per finished step, e.g. "  ✓ Limpiar cobertura (1.2 s) — 345 comunas". */
export function printProgress(write: (line: string) => void = (line) => process.stdout.write(line + '\n')): OnProgress {
	return (event) => {
		if (event.ms === undefined) return;
		const time = event.ms >= 1000 ? `${(event.ms / 1000).toFixed(1)} s` : `${event.ms} ms`;
		write(`  ✓ ${event.step} (${time})${event.detail ? ` — ${event.detail}` : ''}`);
	};
}
