import type { FeatureCollection, Geometry } from 'geojson';
// Relative, not $lib: the browser tests import this file outside Vite.
import { isBbox, type Bbox } from '../map/bounds';

/**
 * Continental Chile. The national map fits this rather than the file's own bbox, which reaches
 * Easter Island (109° W) and would shrink the mainland to a sliver.
 */
export const CHILE_MAINLAND: Bbox = [-75.8, -56.0, -66.3, -17.4];

/**
 * The boundary files under /geo/ (built by `npm run data` into static/geo/). Boundaries reach the
 * browser only this way, as cacheable static files, never inside SSR payloads.
 */
export const GEO_FILES = {
	regions: '/geo/regiones.geojson',
	regionLabels: '/geo/regiones-etiquetas.geojson',
	/** Land outside every comuna (part of the Southern Patagonian Ice Field), drawn so it is no hole. */
	undemarcated: '/geo/zonas-sin-demarcar.geojson',
	region: (regionCode: string) => `/geo/region/${encodeURIComponent(regionCode)}.geojson`
} as const;

export type RegionFileLevel = 'provincia' | 'comuna' | 'etiqueta-comuna';

export interface RegionFileProperties {
	level: RegionFileLevel;
	code: string;
	name: string;
	region_code: string;
	province_code?: string;
}

export type RegionFile = FeatureCollection<Geometry, RegionFileProperties> & {
	/** Mainland part, for fitting (a region's islands would otherwise shrink it). */
	bbox: Bbox;
	bboxAll?: Bbox;
};

export class GeoFileError extends Error {
	constructor(
		readonly url: string,
		reason: string
	) {
		super(`${url}: ${reason}`);
		this.name = 'GeoFileError';
	}
}

/** Checks the contract a page relies on, so a stale or broken file fails loudly, not as a blank map. */
export function parseRegionFile(url: string, json: unknown): RegionFile {
	const candidate = json as Partial<RegionFile> | null;
	if (candidate?.type !== 'FeatureCollection' || !Array.isArray(candidate.features)) {
		throw new GeoFileError(url, 'no es un FeatureCollection');
	}
	if (!isBbox(candidate.bbox)) throw new GeoFileError(url, 'falta un bbox válido');
	const levels = new Set(candidate.features.map((feature) => feature?.properties?.level));
	for (const level of ['provincia', 'comuna'] as const) {
		if (!levels.has(level)) throw new GeoFileError(url, `no trae entidades de nivel «${level}»`);
	}
	return candidate as RegionFile;
}

export async function fetchRegionFile(
	regionCode: string,
	fetcher: typeof fetch = fetch,
	signal?: AbortSignal
): Promise<RegionFile> {
	const url = GEO_FILES.region(regionCode);
	const response = await fetcher(url, { signal });
	if (!response.ok) throw new GeoFileError(url, `HTTP ${response.status}`);
	return parseRegionFile(url, await response.json());
}
