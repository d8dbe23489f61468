// Latency bookkeeping of the load benchmark: samples per action, summarised as percentiles.

export interface Sample {
	action: string;
	/** Milliseconds since the start of the run. */
	at: number;
	ms: number;
	ok: boolean;
	/** HTTP status, or 0 when no answer came (refused, reset, timed out). */
	status: number;
	/** Why it failed, in a few words (e.g. "503 page", "connection refused"). */
	problem?: string;
}

export interface ActionSummary {
	action: string;
	count: number;
	errors: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** Nearest-rank percentile of sorted values (p in 0–100); 0 for no values. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: Sample[]): ActionSummary[] {
	const byAction = new Map<string, Sample[]>();
	for (const sample of samples) {
		const list = byAction.get(sample.action) ?? [];
		list.push(sample);
		byAction.set(sample.action, list);
	}
	return [...byAction.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([action, list]) => {
			const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
			return {
				action,
				count: list.length,
				errors: list.filter((s) => !s.ok).length,
				p50: percentile(sorted, 50),
				p95: percentile(sorted, 95),
				p99: percentile(sorted, 99),
				max: sorted[sorted.length - 1] ?? 0
			};
		});
}

export function markdownTable(rows: ActionSummary[]): string {
	const fmt = (ms: number) => ms.toFixed(0);
	return [
		'| action | requests | errors | p50 ms | p95 ms | p99 ms | max ms |',
		'|---|---:|---:|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.action} | ${r.count} | ${r.errors} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} |`
		)
	].join('\n');
}
