import { ImportFileError, LIMITS } from './errors.ts';
import { openCsv } from './sources/csv.ts';
import { openGeoJson } from './sources/geojson.ts';
import { isOc4ids, openOc4ids } from './sources/oc4ids.ts';
import { openShapefile } from './sources/shapefile.ts';
import type { ImportSource } from './sources/source.ts';
import { openXlsx } from './sources/xlsx.ts';

export type { ImportFormat, ImportSource } from './sources/source.ts';

/** A file by name, either whole or as a stream of chunks (CSV is then read without loading it). */
export type ImportInput =
	{ name: string; bytes: Uint8Array } | { name: string; chunks: AsyncIterable<Uint8Array> };

async function whole(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of chunks) {
		size += chunk.length;
		if (size > LIMITS.wholeFileBytes)
			throw new ImportFileError('too_large', { max: LIMITS.wholeFileBytes / 1024 / 1024 });
		parts.push(chunk);
	}
	return Buffer.concat(parts);
}

function parseJson(bytes: Uint8Array): unknown {
	try {
		return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
	} catch {
		throw new ImportFileError('json_invalid');
	}
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Opens a file by its extension and first bytes: CSV/TXT, XLSX, GeoJSON/JSON (GeoJSON or OC4IDS), ZIP (shapefile). */
export async function openImport(input: ImportInput): Promise<ImportSource> {
	const ext = extension(input.name);
	if (ext === 'csv' || ext === 'txt' || ext === 'tsv')
		return openCsv('chunks' in input ? input.chunks : [input.bytes]);
	const bytes = 'chunks' in input ? await whole(input.chunks) : input.bytes;
	if (bytes.length > LIMITS.wholeFileBytes)
		throw new ImportFileError('too_large', { max: LIMITS.wholeFileBytes / 1024 / 1024 });
	if (bytes.length === 0) throw new ImportFileError('empty');
	if (ext === 'xlsx' || ext === 'xlsm') return openXlsx(bytes);
	if (ext === 'zip') {
		return openShapefile(bytes);
	}
	if (ext === 'json' || ext === 'geojson') {
		const document = parseJson(bytes);
		return isOc4ids(document) ? openOc4ids(document) : openGeoJson(document);
	}
	if (ext === 'xls') throw new ImportFileError('xls');
	throw new ImportFileError('format', { extension: ext || '—' });
}
