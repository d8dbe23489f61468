import type { SourceRecord } from '../validate.ts';

export type ImportFormat = 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'oc4ids';

/** A readable file: its headers (for the mapping) and its records, read once, in order. */
export interface ImportSource {
	format: ImportFormat;
	headers: string[];
	records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>;
}

/** A source whose records are already in memory. */
export function sourceOf(format: ImportFormat, headers: string[], records: SourceRecord[]): ImportSource {
	return {
		format,
		headers,
		records
	};
}
