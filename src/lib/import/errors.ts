/** A file the importer cannot read at all; `code` picks the message `import.file.<code>`. */
export class ImportFileError extends Error {
	readonly code: string;
	readonly params: Record<string, string | number>;

	constructor(code: string, params: Record<string, string | number> = {}) {
		super(`import file error: ${code}`);
		this.code = code;
		this.params = params;
		this.name = 'ImportFileError';
	}
}

/** The ceilings every source is held to, before a byte is parsed. */
export const LIMITS = {
	/** Files read whole (XLSX, GeoJSON, OC4IDS, zipped shapefiles); CSV streams and has no ceiling. */
	wholeFileBytes: 60 * 1024 * 1024,
	/** Everything a zip holds, decompressed. */
	unzippedBytes: 250 * 1024 * 1024,
	/** Decompressed ÷ compressed size of one zip entry: real spreadsheets stay far below. */
	compressionRatio: 200,
	zipEntries: 2_000,
	/** One CSV record (a 10 MB single line is refused, not buffered). */
	csvRecordBytes: 1024 * 1024,
	columns: 500
} as const;
