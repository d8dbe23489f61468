import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { COMMUNES_WITHOUT_POLYGON, normaliseCommuneCode, type CodeList } from './code-list.ts';

/** Source code of the area the BCN leaves outside every comuna (Southern Patagonian Ice Field). */
export const UNDEMARCATED_SOURCE_CODE = '00000';
export const UNDEMARCATED_AREA_NAME = 'Zona sin demarcar';

export type AreaGeometry = Polygon | MultiPolygon;

export interface SplitSource {
	/** Comuna code (5 chars) → its polygon(s) as published by the source. */
	communes: Map<string, AreaGeometry>;
	/** Land outside every comuna; not comunas, kept apart. */
	undemarcated: AreaGeometry[];
}

/** Thrown when a boundary source does not match the project's code list; the message lists every code. */
export class SourceValidationError extends Error {
	readonly problems: string[];
	constructor(problems: string[]) {
		super(
			`The boundary source does not match the code list (data/territory/):\n` +
				problems.map((line) => `  - ${line}`).join('\n')
		);
		this.name = 'SourceValidationError';
		this.problems = problems;
	}
}

function isArea(geometry: Geometry | null): geometry is AreaGeometry {
	return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

/**
 * Check a comunal source against the code list and split it into comunas and undemarcated land.
 * Fails on any unknown code, duplicate, missing comuna (except those known to have no polygon)
 * or non-areal geometry, listing all of them at once.
 */
export function splitSource(features: Feature[], list: CodeList, codeProperty = 'cod_comuna'): SplitSource {
	const known = new Map(list.communes.map((c) => [c.code, c]));
	const communes = new Map<string, AreaGeometry>();
	const undemarcated: AreaGeometry[] = [];
	const unknown: string[] = [];
	const duplicated: string[] = [];
	const unreadable: string[] = [];
	const notAreas: string[] = [];

	features.forEach((feature, index) => {
		const raw = feature.properties?.[codeProperty];
		let code: string;
		try {
			code = normaliseCommuneCode(raw);
		} catch {
			unreadable.push(`feature #${index}: ${codeProperty} = ${JSON.stringify(raw)}`);
			return;
		}
		if (!isArea(feature.geometry)) {
			notAreas.push(`${code} (${feature.geometry?.type ?? 'no geometry'})`);
			return;
		}
		if (code === UNDEMARCATED_SOURCE_CODE) {
			undemarcated.push(feature.geometry);
		} else if (!known.has(code)) {
			unknown.push(code);
		} else if (communes.has(code)) {
			duplicated.push(code);
		} else {
			communes.set(code, feature.geometry);
		}
	});

	const missing = list.communes
		.map((c) => c.code)
		.filter((code) => !communes.has(code) && !COMMUNES_WITHOUT_POLYGON.has(code));

	const problems: string[] = [];
	if (unknown.length) problems.push(`codes not in the code list: ${[...new Set(unknown)].sort().join(', ')}`);
	if (missing.length) problems.push(`comunas of the code list missing from the source: ${missing.join(', ')}`);
	if (duplicated.length) problems.push(`codes present more than once: ${[...new Set(duplicated)].sort().join(', ')}`);
	if (unreadable.length) problems.push(`unreadable codes: ${unreadable.join('; ')}`);
	if (notAreas.length) problems.push(`features without a polygon geometry: ${notAreas.join(', ')}`);
	if (problems.length) throw new SourceValidationError(problems);

	return { communes, undemarcated };
}
