import type { Geometry, Position } from 'geojson';
import type { Bbox } from '../map/bounds';

// Boundaries as SVG paths for static, printable maps (briefs, coverage): an equirectangular
// projection scaled by the cosine of the middle latitude, which at a region's size is close enough
// to what the eye expects, and prints as vectors where a WebGL canvas would not.

export interface SvgProjection {
	width: number;
	height: number;
	project: (position: Position) => [number, number];
}

export function fitProjection(bbox: Bbox, width: number): SvgProjection {
	const [west, south, east, north] = bbox;
	const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
	const spanX = Math.max((east - west) * kx, 1e-9);
	const spanY = Math.max(north - south, 1e-9);
	const scale = width / spanX;
	return {
		width,
		height: Math.round(spanY * scale),
		project: ([lon, lat]) => [
			Math.round((lon - west) * kx * scale * 10) / 10,
			Math.round((north - lat) * scale * 10) / 10
		]
	};
}

function ring(positions: Position[], project: SvgProjection['project']): string {
	return positions.map((p, i) => `${i ? 'L' : 'M'}${project(p).join(',')}`).join('') + 'Z';
}

/** The `d` of a Polygon or MultiPolygon; other geometries draw nothing. */
export function geometryPath(geometry: Geometry | null, projection: SvgProjection): string {
	if (!geometry) return '';
	if (geometry.type === 'Polygon')
		return geometry.coordinates.map((r) => ring(r, projection.project)).join('');
	if (geometry.type === 'MultiPolygon')
		return geometry.coordinates
			.flatMap((polygon) => polygon.map((r) => ring(r, projection.project)))
			.join('');
	return '';
}
