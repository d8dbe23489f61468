/** Small, dependency-free geometry helpers on GeoJSON coordinate arrays (lon/lat degrees). */

export type Position = number[];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];
export type MultiPolygonCoordinates = PolygonCoordinates[];
export type BBox = [number, number, number, number]; // [west, south, east, north]

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

/** Spherical area of a ring in km² (unsigned). Same formula as d3-geo / Turf, good at comuna scale. */
export function ringAreaKm2(ring: Ring): number {
	let total = 0;
	const rad = Math.PI / 180;
	for (let i = 0; i < ring.length - 1; i++) {
		const [lon1, lat1] = ring[i];
		const [lon2, lat2] = ring[i + 1];
		total += (lon2 - lon1) * rad * (2 + Math.sin(lat1 * rad) + Math.sin(lat2 * rad));
	}
	return Math.abs((total * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 2);
}

export function polygonAreaKm2(polygon: PolygonCoordinates): number {
	return polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringAreaKm2(ring), 0);
}

export function bboxOf(polygons: MultiPolygonCoordinates): BBox {
	const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
	for (const polygon of polygons) {
		for (const [x, y] of polygon[0]) {
			if (x < box[0]) box[0] = x;
			if (y < box[1]) box[1] = y;
			if (x > box[2]) box[2] = x;
			if (y > box[3]) box[3] = y;
		}
	}
	return box;
}

/** Rounded outwards, so the rounded box still contains everything. */
export function roundBBox(box: BBox, decimals = 5): BBox {
	const f = 10 ** decimals;
	const clean = (v: number) => Number(v.toFixed(decimals));
	return [
		clean(Math.floor(box[0] * f) / f),
		clean(Math.floor(box[1] * f) / f),
		clean(Math.ceil(box[2] * f) / f),
		clean(Math.ceil(box[3] * f) / f)
	];
}

/** Shortest distance in km between two boxes (0 when they touch or overlap). */
function boxGapKm(a: BBox, b: BBox): number {
	const dx = Math.max(0, a[0] - b[2], b[0] - a[2]);
	const dy = Math.max(0, a[1] - b[3], b[1] - a[3]);
	const latitude = ((Math.max(a[1], b[1]) + Math.min(a[3], b[3])) / 2) * (Math.PI / 180);
	return Math.hypot(dx * Math.cos(latitude), dy) * KM_PER_DEGREE;
}

/**
 * The box of the main landmass and everything within `reachKm` of it, grown part by part:
 * it leaves out far oceanic islands (Isla de Pascua, Juan Fernández, Desventuradas, Salas y
 * Gómez) so that fitting a map to it shows the land a person expects.
 */
export function mainlandBBox(polygons: MultiPolygonCoordinates, reachKm = 150): BBox {
	const parts = polygons
		.map((polygon) => ({ box: bboxOf([polygon]), area: ringAreaKm2(polygon[0]) }))
		.sort((a, b) => b.area - a.area);
	if (!parts.length) throw new Error('mainlandBBox: no polygons');
	const box: BBox = [...parts[0].box];
	const pending = parts.slice(1);
	for (let grew = true; grew; ) {
		grew = false;
		for (let i = 0; i < pending.length; i++) {
			if (boxGapKm(box, pending[i].box) > reachKm) continue;
			const part = pending.splice(i--, 1)[0].box;
			box[0] = Math.min(box[0], part[0]);
			box[1] = Math.min(box[1], part[1]);
			box[2] = Math.max(box[2], part[2]);
			box[3] = Math.max(box[3], part[3]);
			grew = true;
		}
	}
	return box;
}

export function largestPolygon(polygons: MultiPolygonCoordinates): PolygonCoordinates {
	let best = polygons[0];
	let bestArea = -1;
	for (const polygon of polygons) {
		const area = polygonAreaKm2(polygon);
		if (area > bestArea) [best, bestArea] = [polygon, area];
	}
	return best;
}

function pointToSegmentDistanceSquared(px: number, py: number, a: Position, b: Position): number {
	let [x, y] = a;
	let dx = b[0] - x;
	let dy = b[1] - y;
	if (dx !== 0 || dy !== 0) {
		const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
		if (t > 1) [x, y] = b;
		else if (t > 0) [x, y] = [x + dx * t, y + dy * t];
	}
	dx = px - x;
	dy = py - y;
	return dx * dx + dy * dy;
}

/** Signed distance from a point to the polygon outline: positive inside, negative outside. */
function signedDistance(px: number, py: number, polygon: PolygonCoordinates): number {
	let inside = false;
	let minimum = Infinity;
	for (const ring of polygon) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const a = ring[i];
			const b = ring[j];
			if (a[1] > py !== b[1] > py && px < ((b[0] - a[0]) * (py - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
			minimum = Math.min(minimum, pointToSegmentDistanceSquared(px, py, a, b));
		}
	}
	return (inside ? 1 : -1) * Math.sqrt(minimum);
}

interface Cell {
	x: number;
	y: number;
	half: number;
	distance: number;
	potential: number;
}

/** A binary max-heap on `potential`, enough for polylabel's search. */
class CellQueue {
	private items: Cell[] = [];
	get size() {
		return this.items.length;
	}
	push(cell: Cell) {
		const items = this.items;
		items.push(cell);
		for (let i = items.length - 1; i > 0; ) {
			const parent = (i - 1) >> 1;
			if (items[parent].potential >= items[i].potential) break;
			[items[parent], items[i]] = [items[i], items[parent]];
			i = parent;
		}
	}
	pop(): Cell {
		const items = this.items;
		const top = items[0];
		const last = items.pop()!;
		if (items.length) {
			items[0] = last;
			for (let i = 0; ; ) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < items.length && items[l].potential > items[m].potential) m = l;
				if (r < items.length && items[r].potential > items[m].potential) m = r;
				if (m === i) break;
				[items[m], items[i]] = [items[i], items[m]];
				i = m;
			}
		}
		return top;
	}
}

/**
 * The pole of inaccessibility of a polygon (the inside point farthest from its outline), the
 * best place for a label: unlike a centroid it is always inside, even for a crescent or a
 * comuna wrapped around another. Grid search after Mapbox's polylabel, computed on a local
 * equirectangular projection so that distances are not stretched at Patagonian latitudes.
 */
export function labelPoint(polygon: PolygonCoordinates, precisionKm = 0.05): [number, number] {
	const outer = polygon[0];
	const [bx0, y0, bx1, y1] = bboxOf([polygon]);
	const scale = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
	const projected = polygon.map((ring) => ring.map(([x, y]) => [x * scale, y]));
	const [x0, x1] = [bx0 * scale, bx1 * scale];
	const precision = precisionKm / KM_PER_DEGREE;
	const size = Math.min(x1 - x0, y1 - y0);
	const makeCell = (x: number, y: number, half: number): Cell => {
		const distance = signedDistance(x, y, projected);
		return { x, y, half, distance, potential: distance + half * Math.SQRT2 };
	};

	// Start from the area centroid (a good guess for compact shapes) and the box centre.
	let area = 0;
	let cx = 0;
	let cy = 0;
	const ring = projected[0];
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const f = ring[i][0] * ring[j][1] - ring[j][0] * ring[i][1];
		cx += (ring[i][0] + ring[j][0]) * f;
		cy += (ring[i][1] + ring[j][1]) * f;
		area += f * 3;
	}
	let best = area === 0 ? makeCell(ring[0][0], ring[0][1], 0) : makeCell(cx / area, cy / area, 0);
	const boxCentre = makeCell((x0 + x1) / 2, (y0 + y1) / 2, 0);
	if (boxCentre.distance > best.distance) best = boxCentre;

	if (size > 0) {
		const queue = new CellQueue();
		const half = size / 2;
		for (let x = x0; x < x1; x += size) {
			for (let y = y0; y < y1; y += size) queue.push(makeCell(x + half, y + half, half));
		}
		while (queue.size) {
			const cell = queue.pop();
			if (cell.distance > best.distance) best = cell;
			if (cell.potential - best.distance <= precision) continue;
			const h = cell.half / 2;
			queue.push(makeCell(cell.x - h, cell.y - h, h));
			queue.push(makeCell(cell.x + h, cell.y - h, h));
			queue.push(makeCell(cell.x - h, cell.y + h, h));
			queue.push(makeCell(cell.x + h, cell.y + h, h));
		}
	}
	if (best.distance <= 0) {
		// Degenerate sliver: fall back on a vertex so the point at least touches the polygon.
		return [outer[0][0], outer[0][1]];
	}
	return [best.x / scale, best.y];
}

/** Coordinates rounded to `decimals`, dropping repeats and rings that collapse. */
export function roundPolygons(polygons: MultiPolygonCoordinates, decimals = 5): MultiPolygonCoordinates {
	const round = (v: number) => Number(v.toFixed(decimals));
	const roundRing = (ring: Ring): Ring | null => {
		const out: Ring = [];
		for (const position of ring) {
			const point = [round(position[0]), round(position[1])];
			const last = out[out.length - 1];
			if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
		}
		if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
		if (new Set(out.map((p) => `${p[0]},${p[1]}`)).size < 3) return null;
		out.push(out[0]);
		return out;
	};
	const result: MultiPolygonCoordinates = [];
	for (const polygon of polygons) {
		const exterior = roundRing(polygon[0]);
		if (!exterior) continue; // the whole polygon collapsed
		const holes = polygon.slice(1).map(roundRing).filter((ring): ring is Ring => ring !== null);
		result.push([exterior, ...holes]);
	}
	return result;
}

export function roundPoint(point: [number, number], decimals = 5): [number, number] {
	return [Number(point[0].toFixed(decimals)), Number(point[1].toFixed(decimals))];
}
