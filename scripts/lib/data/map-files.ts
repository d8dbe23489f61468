import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { CodeList } from './code-list.ts';
import {
	bboxOf,
	labelPoint,
	largestPolygon,
	mainlandBBox,
	roundBBox,
	roundPoint,
	roundPolygons,
	type BBox,
	type MultiPolygonCoordinates
} from './geometry.ts';
import { featuresOf, presimplified, simplifiedTopology, type SimplifyOptions, type TerritoryTopology } from './topology.ts';

/**
 * The boundary files the app serves from static/geo/: one light national file of regions, its
 * label points, and one file per region with provinces, comunas and comuna label points.
 * Everything is keyed and sorted by code and serialised without whitespace, so a rebuild from
 * the same inputs gives byte-identical files.
 */

/** National view: the whole country on one screen (tuned to stay well under 300 KB). */
export const NATIONAL_LEVEL: SimplifyOptions = { minTriangleKm2: 1.5, minPartKm2: 25, quantization: 1e5 };

/**
 * Region view: the region's mainland box fills about VIEW_PIXELS on screen, so one pixel covers
 * `extent / VIEW_PIXELS` km. Vertices whose triangle is under ~a third of a pixel and islands
 * under ~4 pixels go: invisible at that zoom, and the large southern regions stay light.
 */
const VIEW_PIXELS = 1000;
export function regionalLevel(mainland: BBox): SimplifyOptions {
	const latitude = (((mainland[1] + mainland[3]) / 2) * Math.PI) / 180;
	const widthKm = (mainland[2] - mainland[0]) * Math.cos(latitude) * 111.2;
	const heightKm = (mainland[3] - mainland[1]) * 111.2;
	const pixelKm = Math.max(widthKm, heightKm) / VIEW_PIXELS;
	return { minTriangleKm2: 1 * pixelKm ** 2, minPartKm2: 6 * pixelKm ** 2, quantization: 1e6 };
}

export interface MapFile {
	/** Relative to static/geo/. */
	path: string;
	content: string;
}

type Properties = Record<string, string>;

interface ChileFeatureCollection extends FeatureCollection {
	bbox: BBox;
	[member: string]: unknown;
}

function polygonFeature(properties: Properties, coordinates: MultiPolygonCoordinates): Feature<MultiPolygon> {
	return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: roundPolygons(coordinates) } };
}

function pointFeature(properties: Properties, coordinates: [number, number]): Feature<Point> {
	return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: roundPoint(coordinates) } };
}

/** A comuna's properties in a region file, for its polygon and for its label point alike. */
function communeProperties(
	level: 'comuna' | 'etiqueta-comuna',
	commune: { code: string; name: string; province_code: string },
	regionCode: string
): Properties {
	return { level, code: commune.code, name: commune.name, province_code: commune.province_code, region_code: regionCode };
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

function serialise(collection: ChileFeatureCollection): string {
	return JSON.stringify(collection) + '\n';
}

export interface MapInputs {
	list: CodeList;
	full: TerritoryTopology;
}

export function buildMapFiles({ list, full }: MapInputs): MapFile[] {
	const files: MapFile[] = [];
	const regions = [...list.regions].sort(byCode);

	// Full-resolution shapes: they decide label points and boxes, whatever the simplification.
	const fullRegions = new Map(
		featuresOf(full, 'regiones').map((f) => [f.properties.code, f.geometry?.coordinates ?? []])
	);
	const fullCommunes = new Map(
		featuresOf(full, 'comunas').map((f) => [f.properties.code, f.geometry?.coordinates ?? []])
	);
	const allParts = [...fullRegions.values()].flat();

	const weighted = presimplified(full);
	const national = simplifiedTopology(weighted, list, NATIONAL_LEVEL);
	const nationalRegions = new Map(featuresOf(national, 'regiones').map((f) => [f.properties.code, f]));
	files.push({
		path: 'regiones.geojson',
		content: serialise({
			type: 'FeatureCollection',
			bbox: roundBBox(bboxOf(allParts)),
			bboxMainland: roundBBox(mainlandBBox(allParts)),
			features: regions.map((r) =>
				polygonFeature(
					{ code: r.code, name: r.name, roman: r.roman },
					requireShape(nationalRegions.get(r.code)?.geometry?.coordinates, `region ${r.code} (national level)`)
				)
			)
		})
	});
	files.push({
		path: 'regiones-etiquetas.geojson',
		content: serialise({
			type: 'FeatureCollection',
			bbox: roundBBox(bboxOf(allParts)),
			features: regions.map((r) =>
				pointFeature(
					{ code: r.code, name: r.name, roman: r.roman },
					labelPoint(largestPolygon(requireShape(fullRegions.get(r.code), `region ${r.code}`)))
				)
			)
		})
	});

	for (const region of regions) {
		const parts = requireShape(fullRegions.get(region.code), `region ${region.code}`);
		const mainland = mainlandBBox(parts);
		const regional = simplifiedTopology(weighted, list, regionalLevel(mainland));
		const provinces = featuresOf(regional, 'provincias')
			.filter((f) => f.properties.region_code === region.code)
			.sort((a, b) => byCode(a.properties, b.properties));
		const communes = featuresOf(regional, 'comunas')
			.filter((f) => f.properties.region_code === region.code && f.geometry !== null)
			.sort((a, b) => byCode(a.properties, b.properties));
		files.push({
			path: `region/${region.code}.geojson`,
			content: serialise({
				type: 'FeatureCollection',
				bbox: roundBBox(mainland),
				bboxAll: roundBBox(bboxOf(parts)),
				features: [
					...provinces.map((f) =>
						polygonFeature(
							{ level: 'provincia', code: f.properties.code, name: f.properties.name, region_code: region.code },
							requireShape(f.geometry?.coordinates, `province ${f.properties.code}`)
						)
					),
					...communes.map((f) =>
						polygonFeature(
							communeProperties('comuna', f.properties, region.code),
							requireShape(f.geometry?.coordinates, `comuna ${f.properties.code}`)
						)
					),
					...communes.map((f) =>
						pointFeature(
							communeProperties('etiqueta-comuna', f.properties, region.code),
							labelPoint(largestPolygon(requireShape(fullCommunes.get(f.properties.code), `comuna ${f.properties.code}`)))
						)
					)
				]
			})
		});
	}

	const zoneParts = featuresOf(full, 'zonas_sin_demarcar').flatMap((f) => f.geometry?.coordinates ?? []);
	const zones = zoneParts.length
		? featuresOf(simplifiedTopology(weighted, list, regionalLevel(mainlandBBox(zoneParts))), 'zonas_sin_demarcar').filter(
				(f) => f.geometry !== null
			)
		: [];
	if (zones.length) {
		files.push({
			path: 'zonas-sin-demarcar.geojson',
			content: serialise({
				type: 'FeatureCollection',
				bbox: roundBBox(bboxOf(zoneParts)),
				features: zones.map((f) => polygonFeature({ name: f.properties.name }, f.geometry!.coordinates))
			})
		});
	}
	return files;
}

/** Every mapped area must keep a shape after simplification and rounding; fail loudly if not. */
function requireShape(coordinates: MultiPolygonCoordinates | undefined, what: string): MultiPolygonCoordinates {
	if (!coordinates || roundPolygons(coordinates).length === 0) {
		throw new Error(`Map files: ${what} has no polygon left after simplification`);
	}
	return coordinates;
}
