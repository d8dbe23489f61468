import { describe, expect, it } from 'vitest';
import { guessMapping } from './fields';
import { openImport } from './open';
import { describeIssue, fileIssue, runImport, type DatabaseOutcome, type ImportSink } from './run';
import { fuzzCorpus } from './testing/fuzz-corpus';
import { TEST_REFERENCE } from './testing/reference';
import type { ImportRow } from './validate';

// Cases whose rows only the database can refuse (geometry validity, "inside Chile" past the rough
// box); tests/integration/import.test.ts sends the whole corpus to it and checks nothing is written.
const DATABASE_REFUSES = new Set(['invalid-geometry', 'geojson-geometry']);

function recordingSink(sent: ImportRow[]): ImportSink {
	return {
		add(rows) {
			sent.push(...rows);
			return Promise.resolve();
		},
		finish: (commit): Promise<DatabaseOutcome> =>
			Promise.resolve({
				new: 0,
				updated: 0,
				unchanged: 0,
				rejected: 0,
				committed: commit,
				rejections: []
			})
	};
}

describe('fuzz corpus', async () => {
	const corpus = await fuzzCorpus();

	it('holds at least 200 malformed files of every kind the issue names', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(200);
		const kinds = new Set(corpus.map((f) => f.kind));
		for (const kind of [
			'random-bytes',
			'truncated-xlsx',
			'truncated-shapefile',
			'huge-cell-name',
			'formula-name',
			'invalid-geometry',
			'bad-coordinates',
			'duplicate-bip',
			'ten-megabyte-line',
			'billion-laughs-xlsx',
			'zip-bomb'
		])
			expect(kinds, kind).toContain(kind);
	});

	it('gives every file a clear Spanish error, without crashing or holding it in memory', async () => {
		const before = process.memoryUsage().heapUsed;
		let peak = 0;
		for (const file of corpus) {
			const sent: ImportRow[] = [];
			let messages: string[];
			try {
				const source = await openImport({ name: file.name, bytes: file.bytes });
				const report = await runImport(
					source,
					guessMapping(source.headers),
					TEST_REFERENCE,
					recordingSink(sent),
					{ commit: true }
				);
				messages = report.issues.map((issue) => describeIssue(issue));
			} catch (error) {
				messages = [describeIssue(fileIssue(error))];
			}
			if (!DATABASE_REFUSES.has(file.kind)) {
				expect(messages.length, `${file.kind} ${file.name}`).toBeGreaterThan(0);
				expect(
					sent.filter((row) => !messages.some((m) => m.startsWith(`fila ${row.row_number}`))),
					`${file.kind} ${file.name}: rows let through`
				).toEqual([]);
			}
			for (const message of messages) expect(message, file.name).not.toMatch(/^import\.|\{\w+\}/);
			peak = Math.max(peak, process.memoryUsage().heapUsed - before);
		}
		// The corpus holds about 60 MB of files; a leak or a file inflated whole would show here.
		expect(peak).toBeLessThan(600 * 1024 * 1024);
	}, 120_000);
});
