import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { ImportFileError, LIMITS } from '../errors.ts';
import type { SourceRecord } from '../validate.ts';
import { headerNames } from './headers.ts';
import type { ImportSource } from './source.ts';

// CSV as Excel in Spanish saves it (Windows-1252, `;`) or as anything else does (UTF-8, `,`),
// streamed: bytes → text → records, one record at a time, so a 100 000-row file never sits in memory.

const SNIFF_BYTES = 64 * 1024;

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le';

/** UTF-16 by its byte order mark; else UTF-8 when the first bytes are valid UTF-8; else Windows-1252 (a superset of Latin-1). */
export function detectEncoding(head: Uint8Array): TextEncoding {
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return 'utf-8';
	} catch {
		return 'windows-1252';
	}
}

/** The separator of the first line: whichever of `;`, `,` and tab occurs most outside quotes. */
export function detectDelimiter(text: string): string {
	const firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
	const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0][1] > 0 ? counts[0][0] : ',';
}

async function* decode(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<string> {
	let head = new Uint8Array(0);
	let decoder: { write(chunk: Uint8Array): string; end(): string } | null = null;
	const start = (bytes: Uint8Array) => {
		const encoding = detectEncoding(bytes);
		if (encoding === 'utf-8') {
			const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });
			decoder = { write: (chunk) => utf8.decode(chunk, { stream: true }), end: () => utf8.decode() };
		} else {
			const legacy = iconv.getDecoder(encoding);
			decoder = { write: (chunk) => legacy.write(Buffer.from(chunk)), end: () => legacy.end() ?? '' };
		}
		return decoder.write(bytes);
	};
	for await (const chunk of chunks) {
		if (decoder) {
			yield (decoder as { write(chunk: Uint8Array): string }).write(chunk);
			continue;
		}
		const joined = new Uint8Array(head.length + chunk.length);
		joined.set(head);
		joined.set(chunk, head.length);
		head = joined;
		if (head.length >= SNIFF_BYTES) yield start(head);
	}
	if (!decoder) yield start(head);
	yield (decoder as unknown as { end(): string }).end();
}

/** A CSV source; `chunks` may be a whole file or a stream. */
export async function openCsv(
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>
): Promise<ImportSource> {
	const text = decode(chunks);
	// The first piece of text (at least SNIFF_BYTES, or the whole file) decides the separator.
	const first = await text.next();
	const firstText = first.done ? '' : first.value.replace(/^\uFEFF/, '');
	const delimiter = detectDelimiter(firstText);
	const parser = parse({
		delimiter,
		bom: true,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: true,
		max_record_size: LIMITS.csvRecordBytes
	});
	const input = Readable.from(
		(async function* () {
			yield firstText;
			for await (const piece of text) yield piece;
		})()
	);
	input.on('error', (error) => parser.destroy(error));
	input.pipe(parser);
	const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
	const next = async (): Promise<IteratorResult<string[]>> => {
		try {
			return await iterator.next();
		} catch (error) {
			parser.destroy();
			input.destroy();
			if (error instanceof CsvError && /MAX_RECORD_SIZE/.test(error.code))
				throw new ImportFileError('line_too_long', { max: LIMITS.csvRecordBytes });
			if (error instanceof CsvError)
				throw new ImportFileError('csv_invalid', { line: (error as { lines?: number }).lines ?? 0 });
			throw error;
		}
	};
	const header = await next();
	if (header.done) throw new ImportFileError('empty');
	const headers = headerNames(header.value);
	async function* records(): AsyncGenerator<SourceRecord> {
		let row = 1;
		for (;;) {
			const result = await next();
			if (result.done) return;
			row += 1;
			const values: Record<string, unknown> = {};
			result.value.forEach((cell, i) => {
				if (i < headers.length) values[headers[i]] = cell;
			});
			yield { row, values };
		}
	}
	return { format: 'csv', headers, records: records() };
}
