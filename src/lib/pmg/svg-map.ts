import type { Feature, Geometry, Position } from 'geojson';

/**
 * A small static map for print (shaded per area by `report-maps.ts`): polygons projected to an SVG path with an equirectangular
 * projection corrected by the cosine of the middle latitude (good enough at a region's scale),
 * fitted to `width` and rounded to half a unit, which a printed map a few centimetres wide cannot
 * show anyway. Pure, so the report's map is the same on the page, in the PDF and in tests.
 */

export interface SvgArea {
	code: string;
	name: string;
	d: string;
}

export interface SvgMap {
	width: number;
	height: number;
	areas: SvgArea[];
}

type Bbox = [number, number, number, number];

function rings(geometry: Geometry): Position[][] {
	if (geometry.type === 'Polygon') return geometry.coordinates;
	if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
	return [];
}

export function svgMap(
	features: Feature<Geometry, { code: string; name: string }>[],
	bbox: Bbox,
	width = 300
): SvgMap {
	const [west, south, east, north] = bbox;
	const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
	const scale = width / ((east - west) * k);
	const height = Math.round((north - south) * scale);
	const round = (v: number) => Math.round(v * 2) / 2;
	const areas = features.map((feature) => {
		const parts: string[] = [];
		for (const ring of rings(feature.geometry)) {
			let last = '';
			const points: string[] = [];
			for (const [lon, lat] of ring) {
				if (lon < west - 1 || lon > east + 1) continue; // islands far off the frame (Juan Fernández, Rapa Nui)
				const point = `${round((lon - west) * k * scale)} ${round((north - lat) * scale)}`;
				if (point !== last) points.push(point);
				last = point;
			}
			if (points.length > 1 && points[0] === points[points.length - 1]) points.pop(); // Z closes it
			if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
		}
		const { code, name } = feature.properties;
		return { code, name, d: parts.join('') };
	});
	return { width, height, areas: areas.filter((a) => a.d.length > 0) };
}
