import type { Geometry, Position } from 'geojson';
import wkx from 'wkx';

// Geometry as rows bring it: GeoJSON objects, WKT or GeoJSON text, longitude/latitude columns.
// Only what the database cannot word well is checked here: shape, coordinates in degrees, the
// usual mix-ups (swapped, UTM metres). Validity and "inside Chile" are the database's checks.

export type GeometryProblem =
	'geometry_text' | 'geometry_type' | 'geometry_size' | 'utm' | 'swapped' | 'outside_chile';

const KINDS = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']);
const MAX_POSITIONS = 200_000;
// Continental Chile, its islands (Rapa Nui, Juan Fernández, San Félix) and Antarctic bases are
// far wider; this box only catches what is plainly not degrees in Chile.
const CHILE = { west: -110, east: -66, south: -90, north: -17 };

/** What is wrong with one longitude/latitude pair, if anything. */
export function positionProblem(lon: number, lat: number): GeometryProblem | null {
	if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'geometry_text';
	if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
		// UTM 18S/19S: eastings 100 000–900 000 m, northings 1 000 000–10 000 000 m.
		const metres = (a: number) => Math.abs(a) >= 100_000 && Math.abs(a) <= 10_000_000;
		return metres(lon) || metres(lat) ? 'utm' : 'geometry_text';
	}
	const inside = (x: number, y: number) =>
		x >= CHILE.west && x <= CHILE.east && y >= CHILE.south && y <= CHILE.north;
	if (inside(lon, lat)) return null;
	return inside(lat, lon) ? 'swapped' : 'outside_chile';
}

function positions(geometry: Geometry): Position[] | null {
	const out: Position[] = [];
	const walk = (value: unknown, depth: number): boolean => {
		if (!Array.isArray(value)) return false;
		if (depth === 0) {
			if (value.length < 2 || value.length > 4 || !value.every((n) => typeof n === 'number'))
				return false;
			out.push(value);
			return out.length <= MAX_POSITIONS;
		}
		return value.every((item) => walk(item, depth - 1));
	};
	const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[
		geometry.type as 'Point'
	];
	if (depth === undefined || !('coordinates' in geometry)) return null;
	return walk(geometry.coordinates, depth) ? out : null;
}

const closedRing = (ring: Position[]) =>
	ring.length >= 4 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];

/** Lines of two positions or more, polygons of closed rings of four or more: what PostGIS can build at all. */
function wellFormed(geometry: Geometry): boolean {
	switch (geometry.type) {
		case 'LineString':
			return geometry.coordinates.length >= 2;
		case 'MultiLineString':
			return geometry.coordinates.length > 0 && geometry.coordinates.every((line) => line.length >= 2);
		case 'Polygon':
			return geometry.coordinates.length > 0 && geometry.coordinates.every(closedRing);
		case 'MultiPolygon':
			return (
				geometry.coordinates.length > 0 &&
				geometry.coordinates.every((p) => p.length > 0 && p.every(closedRing))
			);
		default:
			return true;
	}
}

/** A GeoJSON geometry of a kind projects take, with every position a plausible point of Chile. */
export function checkGeometry(value: unknown): { geometry: Geometry } | { problem: GeometryProblem } {
	if (!value || typeof value !== 'object' || !KINDS.has((value as Geometry).type))
		return { problem: 'geometry_type' };
	const geometry = value as Geometry;
	const points = positions(geometry);
	if (!points) return { problem: 'geometry_text' };
	if (points.length > MAX_POSITIONS) return { problem: 'geometry_size' };
	if (points.length === 0 || !wellFormed(geometry)) return { problem: 'geometry_type' };
	for (const [lon, lat] of points) {
		const problem = positionProblem(lon, lat);
		if (problem) return { problem };
	}
	// Only the type and coordinates go on: foreign members (crs, bbox, …) stay behind.
	return {
		geometry: {
			type: geometry.type,
			coordinates: (geometry as { coordinates: unknown }).coordinates
		} as Geometry
	};
}

/** WKT (POINT(-70.6 -33.4)), EWKT, or GeoJSON written in a cell. */
export function parseGeometryText(text: string): { geometry: Geometry } | { problem: GeometryProblem } {
	if (text.length > 5_000_000) return { problem: 'geometry_size' };
	let parsed: unknown;
	try {
		parsed = text.trimStart().startsWith('{') ? JSON.parse(text) : wkx.Geometry.parse(text).toGeoJSON();
	} catch {
		return { problem: 'geometry_text' };
	}
	return checkGeometry(parsed);
}

/** A point from longitude and latitude in degrees. */
export function pointOf(lon: number, lat: number): { geometry: Geometry } | { problem: GeometryProblem } {
	const problem = positionProblem(lon, lat);
	return problem ? { problem } : { geometry: { type: 'Point', coordinates: [lon, lat] } };
}
