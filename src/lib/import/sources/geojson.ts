import { ImportFileError } from '../errors.ts';
import type { SourceRecord } from '../validate.ts';
import { headerNames } from './headers.ts';
import { sourceOf, type ImportSource } from './source.ts';

/** A property as a cell: lists of comunas ({code}, as the tablero exports them) become "01101 | 01107". */
export function propertyCell(value: unknown): unknown {
	if (Array.isArray(value))
		return value
			.map((item) =>
				item && typeof item === 'object' && 'code' in item ? String(item.code) : String(item)
			)
			.join(' | ');
	if (value && typeof value === 'object') return JSON.stringify(value);
	return value;
}

/** Features as records: properties by name, the geometry as it comes. Feature N is row N. */
export function featuresSource(format: 'geojson' | 'shapefile', features: unknown[]): ImportSource {
	const keys = new Set<string>();
	for (const feature of features.slice(0, 1000)) {
		const properties = (feature as { properties?: unknown })?.properties;
		if (properties && typeof properties === 'object')
			for (const key of Object.keys(properties)) keys.add(key);
	}
	const headers = headerNames([...keys]);
	const records: SourceRecord[] = features.map((feature, index) => {
		const { properties, geometry } = (feature ?? {}) as {
			properties?: Record<string, unknown>;
			geometry?: unknown;
		};
		const values: Record<string, unknown> = {};
		for (const header of headers) values[header] = propertyCell(properties?.[header] ?? null);
		return { row: index + 1, values, geometry: geometry ?? null };
	});
	return sourceOf(format, headers, records);
}

export function openGeoJson(document: unknown): ImportSource {
	const doc = document as { type?: string; features?: unknown };
	if (doc?.type === 'FeatureCollection' && Array.isArray(doc.features)) {
		if (doc.features.length === 0) throw new ImportFileError('empty');
		return featuresSource('geojson', doc.features);
	}
	if (doc?.type === 'Feature') return featuresSource('geojson', [doc]);
	throw new ImportFileError('geojson_invalid');
}
