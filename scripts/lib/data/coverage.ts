import { findRingSpikes, METRES_PER_DEGREE, SPIKE_OPTIONS, type RingSpike, type SpikeOptions } from './spikes.ts';
import type { AreaGeometry } from './validate.ts';

/**
 * Turns a set of independently drawn polygons (the BCN comunas: simplified one by one, so
 * neighbours overlap, leave slivers between them and rarely share a vertex) into a clean
 * coverage: a planar partition where neighbours share exactly the same vertices along their
 * border. That is what lets TopoJSON merge comunas into provinces and regions with shared arcs,
 * and what lets PostGIS union them without sliver holes.
 *
 * How, in short:
 * 1. Every ring edge goes onto an integer grid (1e-6°, ~0.1 m; the source has 4 decimals, so its
 *    vertices are exact on it) and is noded with snap rounding (Hobby): edges are split at every
 *    crossing and routed through every "hot pixel" they touch. Integer coordinates keep every
 *    orientation test exact, so the result is a consistent planar graph.
 * 2. Faces of that graph get, for every input polygon, a winding number (propagated across
 *    edges), which tells which polygons cover the face. Invalid input (nested shells, holes
 *    outside shells, self-overlapping parts) needs no special case: positive winding = inside.
 * 3. Each face gets one owner: its only claimant; for overlaps, the claimant with the longest
 *    border with it; for gaps enclosed by two or more polygons, the neighbour with the longest
 *    border with it. Faces enclosed by one polygon only are real holes of the source and stay.
 * 4. Every owner's boundary is read back from the shared graph, so borders coincide exactly.
 */

export interface CoverageParticipant {
	key: string;
	geometry: AreaGeometry;
	/** A participant that keeps only what no other participant claims, and never takes gaps. */
	yields?: boolean;
}

export type MultiPolygonCoordinates = number[][][][];

export interface FaceSummary {
	km2: number;
	at: [number, number];
	owner: string;
}

export interface CoverageStats {
	vertices: number;
	edges: number;
	faces: number;
	crossings: number;
	overlapFaces: number;
	overlapKm2: number;
	gapFaces: number;
	gapKm2: number;
	largestGaps: FaceSummary[];
	holesKept: number;
	/** Detached crumbs given to the neighbour enclosing them. */
	fragmentsAbsorbed: number;
	fragmentsKm2: number;
	/** Area claimed by a yielding participant and by another one, given to the other. */
	yieldedKm2: number;
	/** Cut lines that split gaps between the neighbours around them. */
	gapChords: number;
	/** Spike tips cut off (see spikes.ts) and given to the neighbour along them. */
	spikesCut: number;
	/** Noding and assignment passes this took. */
	passes: number;
}

export interface CoverageResult {
	areas: Map<string, MultiPolygonCoordinates>;
	stats: CoverageStats;
}

const SCALE = 1e6; // grid units per degree
const CELL = 20_000; // spatial index cell, in grid units (0.02°)
const NONE = -1;

type Owners = Map<number, number>; // participant index → net traversals (winding contribution)

interface Segment {
	ax: number;
	ay: number;
	bx: number;
	by: number;
	owners: Owners;
	forced: number[]; // hot pixels (x, y pairs) of crossings found on this segment
	/** Cut lines along it (see Cut), CHORD | SPIKE_CUT: kept although it changes no winding number. */
	cut: number;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
	Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

const cellOf = (v: number) => Math.floor(v / CELL);
const cellKey = (cx: number, cy: number) => (cx + 500_000) * 1_000_000 + (cy + 500_000);
const pointKey = (x: number, y: number) => `${x},${y}`;

function addOwners(target: Owners, source: Owners, sign: number) {
	for (const [owner, net] of source) {
		const value = (target.get(owner) ?? 0) + sign * net;
		if (value === 0) target.delete(owner);
		else target.set(owner, value);
	}
}

/** Signed area (grid units², counter-clockwise positive) of a closed ring given as flat x,y pairs. */
function ringArea(xs: number[], ys: number[]): number {
	let sum = 0;
	const x0 = xs[0];
	const y0 = ys[0];
	for (let i = 0; i < xs.length; i++) {
		const j = (i + 1) % xs.length;
		sum += (xs[i] - x0) * (ys[j] - y0) - (xs[j] - x0) * (ys[i] - y0);
	}
	return sum / 2;
}

function unitsToKm2(area: number, latitudeUnits: number): number {
	const degree = 111.32;
	return (Math.abs(area) / (SCALE * SCALE)) * degree * degree * Math.cos(((latitudeUnits / SCALE) * Math.PI) / 180);
}

/** 1. Input rings (and cut lines) → canonical grid segments with per-participant direction counts. */
function collectSegments(participants: CoverageParticipant[], cuts: Cut[]): Segment[] {
	const segmentsByKey = new Map<string, Segment>();
	const segmentAt = (ax: number, ay: number, bx: number, by: number) => {
		const key = `${ax},${ay},${bx},${by}`;
		let segment = segmentsByKey.get(key);
		if (!segment) segmentsByKey.set(key, (segment = { ax, ay, bx, by, owners: new Map(), forced: [], cut: 0 }));
		return segment;
	};
	participants.forEach((participant, index) => {
		const polygons =
			participant.geometry.type === 'Polygon' ? [participant.geometry.coordinates] : participant.geometry.coordinates;
		for (const polygon of polygons) {
			polygon.forEach((ring, ringIndex) => {
				const xs: number[] = [];
				const ys: number[] = [];
				for (const position of ring) {
					const x = Math.round(position[0] * SCALE);
					const y = Math.round(position[1] * SCALE);
					if (xs.length && xs[xs.length - 1] === x && ys[ys.length - 1] === y) continue;
					xs.push(x);
					ys.push(y);
				}
				while (xs.length > 1 && xs[0] === xs[xs.length - 1] && ys[0] === ys[ys.length - 1]) {
					xs.pop();
					ys.pop();
				}
				if (xs.length < 3) return;
				const area = ringArea(xs, ys);
				if (area === 0) return;
				// Exterior rings counter-clockwise, holes clockwise: then "inside" is positive winding.
				const direction = (ringIndex === 0) === area > 0 ? 1 : -1;
				for (let i = 0; i < xs.length; i++) {
					const j = (i + 1) % xs.length;
					let [ax, ay, bx, by] = [xs[i], ys[i], xs[j], ys[j]];
					let sign = direction;
					if (ax > bx || (ax === bx && ay > by)) {
						[ax, ay, bx, by] = [bx, by, ax, ay];
						sign = -sign;
					}
					addOwners(segmentAt(ax, ay, bx, by).owners, new Map([[index, 1]]), sign);
				}
			});
		}
	});
	for (const cut of cuts) {
		const forward = cut.ax < cut.bx || (cut.ax === cut.bx && cut.ay < cut.by);
		if (cut.ax === cut.bx && cut.ay === cut.by) continue;
		const segment = forward ? segmentAt(cut.ax, cut.ay, cut.bx, cut.by) : segmentAt(cut.bx, cut.by, cut.ax, cut.ay);
		segment.cut |= cut.spike ? SPIKE_CUT : CHORD;
	}
	// A segment walked both ways by the same polygon changes no winding number: drop it.
	return [...segmentsByKey.values()].filter((segment) => segment.owners.size > 0 || segment.cut);
}

function gridIndex<T>(items: T[], bbox: (item: T) => [number, number, number, number], cell = CELL) {
	const cells = new Map<number, number[]>();
	items.forEach((item, index) => {
		const [x0, y0, x1, y1] = bbox(item);
		for (let cx = Math.floor(x0 / cell); cx <= Math.floor(x1 / cell); cx++) {
			for (let cy = Math.floor(y0 / cell); cy <= Math.floor(y1 / cell); cy++) {
				const key = cellKey(cx, cy);
				const list = cells.get(key);
				if (list) list.push(index);
				else cells.set(key, [index]);
			}
		}
	});
	return cells;
}

const segmentBox = (s: Segment): [number, number, number, number] => [
	Math.min(s.ax, s.bx),
	Math.min(s.ay, s.by),
	Math.max(s.ax, s.bx),
	Math.max(s.ay, s.by)
];

/** Proper crossings (interior to both segments); returns how many were found. */
function findCrossings(segments: Segment[]): number {
	const cells = gridIndex(segments, segmentBox);
	let crossings = 0;
	for (const [key, list] of cells) {
		const cx = Math.floor(key / 1_000_000) - 500_000;
		const cy = (key % 1_000_000) - 500_000;
		for (let i = 0; i < list.length; i++) {
			const s = segments[list[i]];
			const [sx0, sy0, sx1, sy1] = segmentBox(s);
			for (let j = i + 1; j < list.length; j++) {
				const t = segments[list[j]];
				const [tx0, ty0, tx1, ty1] = segmentBox(t);
				if (sx0 > tx1 || tx0 > sx1 || sy0 > ty1 || ty0 > sy1) continue;
				// Test each pair once: in the cell holding the low corner of the boxes' overlap.
				if (cellOf(Math.max(sx0, tx0)) !== cx || cellOf(Math.max(sy0, ty0)) !== cy) continue;
				const d1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
				const d2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
				const d3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
				const d4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
				if (d1 * d2 >= 0 || d3 * d4 >= 0) continue; // touching and collinear cases are noded by hot pixels
				const rx = s.bx - s.ax;
				const ry = s.by - s.ay;
				const qx = t.bx - t.ax;
				const qy = t.by - t.ay;
				const u = ((t.ax - s.ax) * qy - (t.ay - s.ay) * qx) / (rx * qy - ry * qx);
				const x = Math.round(s.ax + u * rx);
				const y = Math.round(s.ay + u * ry);
				s.forced.push(x, y);
				t.forced.push(x, y);
				crossings++;
			}
		}
	}
	return crossings;
}

/** Does segment a→b touch the closed pixel of side 1 centred on (hx, hy)? Exact on doubled coordinates. */
function touchesPixel(ax: number, ay: number, bx: number, by: number, hx: number, hy: number): boolean {
	const [Ax, Ay, Bx, By, Hx, Hy] = [2 * ax, 2 * ay, 2 * bx, 2 * by, 2 * hx, 2 * hy];
	if (Math.min(Ax, Bx) > Hx + 1 || Math.max(Ax, Bx) < Hx - 1) return false;
	if (Math.min(Ay, By) > Hy + 1 || Math.max(Ay, By) < Hy - 1) return false;
	let positive = false;
	let negative = false;
	for (const [cx, cy] of [
		[Hx - 1, Hy - 1],
		[Hx + 1, Hy - 1],
		[Hx + 1, Hy + 1],
		[Hx - 1, Hy + 1]
	]) {
		const side = orient(Ax, Ay, Bx, By, cx, cy);
		if (side > 0) positive = true;
		else if (side < 0) negative = true;
		else return true;
	}
	return positive && negative;
}

interface Graph {
	xs: number[];
	ys: number[];
	edgeFrom: number[];
	edgeTo: number[];
	edgeOwners: Owners[]; // net traversals from edgeFrom to edgeTo
	edgeCut: number[]; // cut lines along it (CHORD | SPIKE_CUT): kept even when it separates nothing
}

/** 2. Snap rounding: route every segment through the hot pixels it touches; merge equal edges. */
function snapRound(segments: Segment[]): Graph {
	const hot = new Map<string, [number, number]>();
	const addHot = (x: number, y: number) => {
		const key = pointKey(x, y);
		if (!hot.has(key)) hot.set(key, [x, y]);
	};
	for (const s of segments) {
		addHot(s.ax, s.ay);
		addHot(s.bx, s.by);
		for (let i = 0; i < s.forced.length; i += 2) addHot(s.forced[i], s.forced[i + 1]);
	}
	const pixels = [...hot.values()];
	const pixelCells = gridIndex(pixels, ([x, y]) => [x, y, x, y]);

	const vertexIds = new Map<string, number>();
	const xs: number[] = [];
	const ys: number[] = [];
	const vertex = (x: number, y: number) => {
		const key = pointKey(x, y);
		let id = vertexIds.get(key);
		if (id === undefined) {
			id = xs.length;
			vertexIds.set(key, id);
			xs.push(x);
			ys.push(y);
		}
		return id;
	};
	const edges = new Map<string, { from: number; to: number; owners: Owners; cut: number }>();
	const addEdge = (p: number, q: number, owners: Owners, cut: number) => {
		if (p === q) return;
		const [from, to, sign] = p < q ? [p, q, 1] : [q, p, -1];
		const key = `${from},${to}`;
		let edge = edges.get(key);
		if (!edge) edges.set(key, (edge = { from, to, owners: new Map(), cut }));
		addOwners(edge.owners, owners, sign);
		edge.cut |= cut;
	};

	for (const s of segments) {
		const dx = s.bx - s.ax;
		const dy = s.by - s.ay;
		const through = new Map<string, [number, number, number]>(); // key → x, y, position along
		const consider = (x: number, y: number) => {
			if ((x === s.ax && y === s.ay) || (x === s.bx && y === s.by)) return;
			const key = pointKey(x, y);
			if (!through.has(key)) through.set(key, [x, y, (x - s.ax) * dx + (y - s.ay) * dy]);
		};
		for (let i = 0; i < s.forced.length; i += 2) consider(s.forced[i], s.forced[i + 1]);
		const [x0, y0, x1, y1] = segmentBox(s);
		for (let cx = cellOf(x0 - 1); cx <= cellOf(x1 + 1); cx++) {
			for (let cy = cellOf(y0 - 1); cy <= cellOf(y1 + 1); cy++) {
				for (const index of pixelCells.get(cellKey(cx, cy)) ?? []) {
					const [hx, hy] = pixels[index];
					if (touchesPixel(s.ax, s.ay, s.bx, s.by, hx, hy)) consider(hx, hy);
				}
			}
		}
		const stops = [...through.values()].sort((a, b) => a[2] - b[2] || a[0] - b[0] || a[1] - b[1]);
		let previous = vertex(s.ax, s.ay);
		for (const [x, y] of stops) {
			const current = vertex(x, y);
			addEdge(previous, current, s.owners, s.cut);
			previous = current;
		}
		addEdge(previous, vertex(s.bx, s.by), s.owners, s.cut);
	}

	const graph: Graph = { xs, ys, edgeFrom: [], edgeTo: [], edgeOwners: [], edgeCut: [] };
	for (const edge of edges.values()) {
		if (edge.owners.size === 0 && !edge.cut) continue;
		graph.edgeFrom.push(edge.from);
		graph.edgeTo.push(edge.to);
		graph.edgeOwners.push(edge.owners);
		graph.edgeCut.push(edge.cut);
	}
	splitAtVertices(graph);
	assertNoCrossings(graph);
	return graph;
}

/** A snapped edge can pass exactly through another vertex; split it there so the graph is planar. */
function splitAtVertices(graph: Graph) {
	const { xs, ys } = graph;
	const vertexCells = gridIndex(
		xs.map((_, i) => i),
		(i) => [xs[i], ys[i], xs[i], ys[i]]
	);
	for (let changed = true; changed; ) {
		changed = false;
		const count = graph.edgeFrom.length;
		for (let e = 0; e < count; e++) {
			const a = graph.edgeFrom[e];
			const b = graph.edgeTo[e];
			const [ax, ay, bx, by] = [xs[a], ys[a], xs[b], ys[b]];
			const inside: [number, number][] = [];
			for (let cx = cellOf(Math.min(ax, bx)); cx <= cellOf(Math.max(ax, bx)); cx++) {
				for (let cy = cellOf(Math.min(ay, by)); cy <= cellOf(Math.max(ay, by)); cy++) {
					for (const v of vertexCells.get(cellKey(cx, cy)) ?? []) {
						if (v === a || v === b || orient(ax, ay, bx, by, xs[v], ys[v]) !== 0) continue;
						const along = (xs[v] - ax) * (bx - ax) + (ys[v] - ay) * (by - ay);
						const length = (bx - ax) ** 2 + (by - ay) ** 2;
						if (along > 0 && along < length) inside.push([v, along]);
					}
				}
			}
			if (!inside.length) continue;
			changed = true;
			inside.sort((p, q) => p[1] - q[1]);
			const owners = graph.edgeOwners[e];
			const chain = [a, ...inside.map(([v]) => v), b];
			graph.edgeTo[e] = chain[1];
			for (let k = 1; k < chain.length - 1; k++) {
				graph.edgeFrom.push(chain[k]);
				graph.edgeTo.push(chain[k + 1]);
				graph.edgeOwners.push(owners);
				graph.edgeCut.push(graph.edgeCut[e]);
			}
		}
	}
	mergeDuplicateEdges(graph);
}

function mergeDuplicateEdges(graph: Graph) {
	const merged = new Map<string, { from: number; to: number; owners: Owners; cut: number }>();
	for (let e = 0; e < graph.edgeFrom.length; e++) {
		let from = graph.edgeFrom[e];
		let to = graph.edgeTo[e];
		let sign = 1;
		if (from > to) {
			[from, to] = [to, from];
			sign = -1;
		}
		const key = `${from},${to}`;
		let edge = merged.get(key);
		if (!edge) merged.set(key, (edge = { from, to, owners: new Map(), cut: 0 }));
		addOwners(edge.owners, graph.edgeOwners[e], sign);
		edge.cut |= graph.edgeCut[e];
	}
	graph.edgeFrom = [];
	graph.edgeTo = [];
	graph.edgeOwners = [];
	graph.edgeCut = [];
	for (const edge of merged.values()) {
		if (edge.owners.size === 0 && !edge.cut) continue;
		graph.edgeFrom.push(edge.from);
		graph.edgeTo.push(edge.to);
		graph.edgeOwners.push(edge.owners);
		graph.edgeCut.push(edge.cut);
	}
}

/** Snap rounding never creates crossings; check anyway, because everything after relies on it. */
function assertNoCrossings(graph: Graph) {
	const { xs, ys } = graph;
	const segments: Segment[] = graph.edgeFrom.map((a, e) => ({
		ax: xs[a],
		ay: ys[a],
		bx: xs[graph.edgeTo[e]],
		by: ys[graph.edgeTo[e]],
		owners: new Map(),
		forced: [],
		cut: 0
	}));
	const left = findCrossings(segments);
	if (left > 0) throw new Error(`Coverage noding left ${left} crossing edges; the planar graph is not valid`);
}

interface Faces {
	next: Int32Array; // half-edge → next half-edge around the face on its left
	faceOf: Int32Array; // half-edge → face
	faceStart: number[]; // face → one of its half-edges
	faceArea: number[]; // signed, grid units²
}

function boxOf(x: number[], y: number[]): [number, number, number, number] {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i < x.length; i++) {
		if (x[i] < x0) x0 = x[i];
		if (x[i] > x1) x1 = x[i];
		if (y[i] < y0) y0 = y[i];
		if (y[i] > y1) y1 = y[i];
	}
	return [x0, y0, x1, y1];
}

const halfFrom = (graph: Graph, h: number) => ((h & 1) === 0 ? graph.edgeFrom[h >> 1] : graph.edgeTo[h >> 1]);
const halfTo = (graph: Graph, h: number) => ((h & 1) === 0 ? graph.edgeTo[h >> 1] : graph.edgeFrom[h >> 1]);

/** 3. Faces of the planar graph: the face left of each half-edge, bounded ones counter-clockwise. */
function buildFaces(graph: Graph): Faces {
	const { xs, ys } = graph;
	const halfCount = graph.edgeFrom.length * 2;
	const outgoing: number[][] = xs.map(() => []);
	for (let h = 0; h < halfCount; h++) outgoing[halfFrom(graph, h)].push(h);

	const position = new Int32Array(halfCount);
	for (let v = 0; v < outgoing.length; v++) {
		const list = outgoing[v];
		const dir = (h: number) => [xs[halfTo(graph, h)] - xs[v], ys[halfTo(graph, h)] - ys[v]];
		const half = (dx: number, dy: number) => (dy > 0 || (dy === 0 && dx > 0) ? 0 : 1);
		list.sort((h1, h2) => {
			const [x1, y1] = dir(h1);
			const [x2, y2] = dir(h2);
			const difference = half(x1, y1) - half(x2, y2);
			if (difference !== 0) return difference;
			return -Math.sign(x1 * y2 - y1 * x2); // counter-clockwise order from the +x axis
		});
		list.forEach((h, i) => (position[h] = i));
	}

	const next = new Int32Array(halfCount);
	for (let h = 0; h < halfCount; h++) {
		const v = halfTo(graph, h);
		const list = outgoing[v];
		const twinPosition = position[h ^ 1];
		next[h] = list[(twinPosition - 1 + list.length) % list.length];
	}

	const faceOf = new Int32Array(halfCount).fill(NONE);
	const faceStart: number[] = [];
	const faceArea: number[] = [];
	for (let h = 0; h < halfCount; h++) {
		if (faceOf[h] !== NONE) continue;
		const face = faceStart.length;
		const ringX: number[] = [];
		const ringY: number[] = [];
		let current = h;
		do {
			faceOf[current] = face;
			ringX.push(xs[halfFrom(graph, current)]);
			ringY.push(ys[halfFrom(graph, current)]);
			current = next[current];
		} while (current !== h);
		faceStart.push(h);
		faceArea.push(ringArea(ringX, ringY));
	}
	return { next, faceOf, faceStart, faceArea };
}

function faceHalfEdges(faces: Faces, face: number): number[] {
	const list: number[] = [];
	let current = faces.faceStart[face];
	do {
		list.push(current);
		current = faces.next[current];
	} while (current !== faces.faceStart[face]);
	return list;
}

/** Exact winding-number point-in-ring test; the point must not lie on the ring. */
function windingAround(ringX: number[], ringY: number[], px: number, py: number): number {
	let winding = 0;
	for (let i = 0; i < ringX.length; i++) {
		const j = (i + 1) % ringX.length;
		const [ax, ay, bx, by] = [ringX[i], ringY[i], ringX[j], ringY[j]];
		if (ay <= py) {
			if (by > py && orient(ax, ay, bx, by, px, py) > 0) winding++;
		} else if (by <= py && orient(ax, ay, bx, by, px, py) < 0) winding--;
	}
	return winding;
}

interface Nesting {
	winding: Owners[];
	/** [outer face of a nested component, the face holding it], outermost first. */
	nested: [number, number][];
}

/** 4. Winding numbers of every participant on every face, including nested components. */
function windingNumbers(graph: Graph, faces: Faces): Nesting {
	const { xs, ys } = graph;
	const faceCount = faces.faceStart.length;

	// Connected components (union–find over vertices).
	const parent = xs.map((_, i) => i);
	const find = (v: number): number => {
		while (parent[v] !== v) v = parent[v] = parent[parent[v]];
		return v;
	};
	for (let e = 0; e < graph.edgeFrom.length; e++) parent[find(graph.edgeFrom[e])] = find(graph.edgeTo[e]);
	const componentOfFace = faces.faceStart.map((h) => find(halfFrom(graph, h)));
	const outerFace = new Map<number, number>();
	for (let f = 0; f < faceCount; f++) {
		if (faces.faceArea[f] >= 0) continue;
		const component = componentOfFace[f];
		if (outerFace.has(component)) throw new Error('Coverage: a component with two outer boundaries');
		outerFace.set(component, f);
	}

	// Which bounded face of another component holds each component (islands in holes, enclaves).
	const rings = new Map<number, { x: number[]; y: number[]; box: [number, number, number, number] }>();
	const ringOf = (face: number) => {
		let ring = rings.get(face);
		if (!ring) {
			const x: number[] = [];
			const y: number[] = [];
			for (const h of faceHalfEdges(faces, face)) {
				x.push(xs[halfFrom(graph, h)]);
				y.push(ys[halfFrom(graph, h)]);
			}
			ring = { x, y, box: boxOf(x, y) };
			rings.set(face, ring);
		}
		return ring;
	};
	const bounded = faces.faceArea.map((area, f) => (area > 0 ? f : NONE)).filter((f) => f !== NONE);
	const FACE_CELL = CELL * 10;
	const faceCells = gridIndex(bounded, (f) => ringOf(f).box, FACE_CELL);
	const container = new Map<number, number>(); // component → containing face (absent: none)
	for (const [component, outer] of outerFace) {
		const v = halfFrom(graph, faces.faceStart[outer]);
		const [px, py] = [xs[v], ys[v]];
		let best = NONE;
		for (const index of faceCells.get(cellKey(Math.floor(px / FACE_CELL), Math.floor(py / FACE_CELL))) ?? []) {
			const f = bounded[index];
			if (componentOfFace[f] === component) continue;
			const ring = ringOf(f);
			if (px < ring.box[0] || px > ring.box[2] || py < ring.box[1] || py > ring.box[3]) continue;
			if (best !== NONE && faces.faceArea[f] >= faces.faceArea[best]) continue;
			if (windingAround(ring.x, ring.y, px, py) !== 0) best = f;
		}
		if (best !== NONE) container.set(component, best);
	}

	const winding: (Owners | null)[] = new Array(faceCount).fill(null);
	const depth = new Map<number, number>();
	const depthOf = (component: number): number => {
		if (depth.has(component)) return depth.get(component)!;
		depth.set(component, 0); // guards against a cycle in bad input
		const holder = container.get(component);
		const value = holder === undefined ? 0 : depthOf(componentOfFace[holder]) + 1;
		depth.set(component, value);
		return value;
	};
	const order = [...outerFace.keys()].sort((a, b) => depthOf(a) - depthOf(b) || a - b);
	for (const component of order) {
		const outer = outerFace.get(component)!;
		const holder = container.get(component);
		winding[outer] = holder === undefined ? new Map() : new Map(winding[holder]);
		const queue = [outer];
		while (queue.length) {
			const face = queue.pop()!;
			for (const h of faceHalfEdges(faces, face)) {
				const other = faces.faceOf[h ^ 1];
				if (winding[other] !== null) continue;
				// Crossing h from its right to its left adds its net traversals: W(left) = W(right) + net.
				const w = new Map(winding[face]);
				addOwners(w, graph.edgeOwners[h >> 1], (h & 1) === 0 ? -1 : 1);
				winding[other] = w;
				queue.push(other);
			}
		}
	}
	const nested: [number, number][] = order
		.filter((component) => container.has(component))
		.map((component) => [outerFace.get(component)!, container.get(component)!]);
	return { winding: winding.map((w) => w ?? new Map()), nested };
}

interface Solution {
	graph: Graph;
	faces: Faces;
	owner: Int32Array;
	/** Faces no participant claimed (filled or left as holes). */
	gapFaces: number[];
	stats: Omit<CoverageStats, 'gapChords' | 'spikesCut' | 'passes'>;
}

/** Passes that cut spikes, at most; each removes the tip of every spike left by the previous one. */
const MAX_SPIKE_PASSES = 8;

/** Builds the clean coverage; see the module comment. */
export function buildCoverage(participants: CoverageParticipant[], spikeOptions: SpikeOptions = SPIKE_OPTIONS): CoverageResult {
	let solution = solve(participants, []);
	let passes = 1;
	// Chords first: they remove the cause of most spikes (a gap given whole to one neighbour).
	const chords = gapChords(solution);
	let cuts: Cut[] = chords;
	if (chords.length) {
		solution = solve(participants, cuts);
		passes++;
	}
	let spikesCut = 0;
	for (let pass = 0; pass < MAX_SPIKE_PASSES; pass++) {
		const found = spikeCuts(solution, participants, spikeOptions);
		if (!found.length) break;
		spikesCut += found.length;
		cuts = [...cuts, ...found];
		solution = solve(participants, cuts);
		passes++;
	}
	return {
		areas: extractAreas(solution.graph, solution.faces, solution.owner, participants),
		stats: { ...solution.stats, gapChords: chords.length, spikesCut, passes }
	};
}

/** One pass of noding and assignment, with the cut lines found by earlier passes. */
function solve(participants: CoverageParticipant[], cuts: Cut[]): Solution {
	const segments = collectSegments(participants, cuts);
	const crossings = findCrossings(segments);
	const graph = snapRound(segments);
	const faces = buildFaces(graph);
	const { winding, nested } = windingNumbers(graph, faces);
	const { xs, ys } = graph;
	const faceCount = faces.faceStart.length;

	// Ties are broken by key, so the result does not depend on the order of the input.
	const byKey = (a: number, b: number) => participants[a].key.localeCompare(participants[b].key, 'en');
	const firstByKey = (indexes: number[]) => [...indexes].sort(byKey)[0];

	const owner = new Int32Array(faceCount).fill(NONE);
	// The outside of a nested component (an island in a lake, the rim of a hole) is the face holding it.
	const syncNested = () => {
		for (const [outer, holder] of nested) owner[outer] = owner[holder];
	};
	const pendingOverlaps: number[] = [];
	const pendingGaps: number[] = [];
	let yieldedArea = 0;
	for (let f = 0; f < faceCount; f++) {
		if (faces.faceArea[f] <= 0) continue; // outer boundaries: the sea around each component
		const claimants = [...winding[f]].filter(([, w]) => w > 0).map(([p]) => p);
		const firm = claimants.filter((p) => !participants[p].yields);
		const latitude = ys[halfFrom(graph, faces.faceStart[f])];
		if (firm.length === 1) owner[f] = firm[0];
		else if (firm.length > 1) pendingOverlaps.push(f);
		else if (claimants.length > 0) owner[f] = firstByKey(claimants);
		else pendingGaps.push(f);
		if (firm.length > 0 && firm.length < claimants.length) yieldedArea += unitsToKm2(faces.faceArea[f], latitude);
	}

	/** Border length between a face and the faces around it, by their owner. */
	const borderByOwner = (face: number) => {
		const lengths = new Map<number, number>();
		for (const h of faceHalfEdges(faces, face)) {
			const neighbour = owner[faces.faceOf[h ^ 1]];
			if (neighbour === NONE || neighbour === owner[face]) continue;
			const a = halfFrom(graph, h);
			const b = halfTo(graph, h);
			lengths.set(neighbour, (lengths.get(neighbour) ?? 0) + Math.hypot(xs[b] - xs[a], ys[b] - ys[a]));
		}
		return lengths;
	};
	const longest = (lengths: Map<number, number>, allowed: (p: number) => boolean) => {
		let best = NONE;
		for (const [p, length] of lengths) {
			if (!allowed(p) || length <= 0) continue;
			if (best === NONE || length > lengths.get(best)! || (length === lengths.get(best)! && byKey(p, best) < 0)) best = p;
		}
		return best;
	};

	// Overlaps: to the claimant whose own territory borders the face the longest. Decided in rounds
	// from a frozen state so the result does not depend on the order faces are visited.
	let overlapArea = 0;
	syncNested();
	for (let remaining = pendingOverlaps; remaining.length; ) {
		const decisions = remaining.map((f) => {
			const claimants = new Set([...winding[f]].filter(([p, w]) => w > 0 && !participants[p].yields).map(([p]) => p));
			return longest(borderByOwner(f), (p) => claimants.has(p));
		});
		const undecided = remaining.filter((_, i) => decisions[i] === NONE);
		if (undecided.length === remaining.length) {
			for (const f of remaining) {
				owner[f] = firstByKey([...winding[f]].filter(([p, w]) => w > 0 && !participants[p].yields).map(([p]) => p));
			}
			break;
		}
		remaining.forEach((f, i) => {
			if (decisions[i] !== NONE) owner[f] = decisions[i];
		});
		syncNested();
		remaining = undecided;
	}
	syncNested();
	for (const f of pendingOverlaps) overlapArea += unitsToKm2(faces.faceArea[f], ys[halfFrom(graph, faces.faceStart[f])]);

	// Gaps: a face no polygon claims, enclosed by two or more participants, goes to the neighbour
	// (never a yielding one) with the longest border with it. Enclosed by one: a hole of the source,
	// unless it is a piece of a larger gap that a chord split off.
	const chordPieces = new Set(
		pendingGaps.filter((f) =>
			faceHalfEdges(faces, f).some((h) => graph.edgeCut[h >> 1] & CHORD && graph.edgeOwners[h >> 1].size === 0)
		)
	);
	for (let remaining = pendingGaps; remaining.length; ) {
		const decisions = remaining.map((f) => {
			const lengths = borderByOwner(f);
			const enclosed = lengths.size >= 2 || (lengths.size === 1 && chordPieces.has(f));
			return enclosed ? longest(lengths, (p) => !participants[p].yields) : NONE;
		});
		const undecided = remaining.filter((_, i) => decisions[i] === NONE);
		remaining.forEach((f, i) => {
			if (decisions[i] !== NONE) owner[f] = decisions[i];
		});
		syncNested();
		if (undecided.length === remaining.length) break;
		remaining = undecided;
	}

	const fragments = absorbFragments(graph, faces, owner, nested, participants);
	syncNested();
	applySpikeCuts(graph, faces, owner, cuts);
	syncNested();

	const gapSummaries = filledGaps(graph, faces, owner, pendingGaps, participants);
	const holesKept = pendingGaps.filter((f) => owner[f] === NONE).length;
	return {
		graph,
		faces,
		owner,
		gapFaces: pendingGaps,
		stats: {
			vertices: xs.length,
			edges: graph.edgeFrom.length,
			faces: faceCount,
			crossings,
			overlapFaces: pendingOverlaps.length,
			overlapKm2: overlapArea,
			gapFaces: gapSummaries.length,
			gapKm2: gapSummaries.reduce((sum, gap) => sum + gap.km2, 0),
			largestGaps: gapSummaries.slice(0, 5),
			holesKept,
			fragmentsAbsorbed: fragments.count,
			fragmentsKm2: fragments.km2,
			yieldedKm2: yieldedArea
		}
	};
}

/**
 * The gaps that were filled, as the source has them: the pieces that chords split a gap into are
 * counted together (joined across cut edges), with the neighbour that got most of it.
 */
function filledGaps(graph: Graph, faces: Faces, owner: Int32Array, gapFaces: number[], participants: CoverageParticipant[]): FaceSummary[] {
	const filled = new Set(gapFaces.filter((f) => owner[f] !== NONE));
	const parent = new Map([...filled].map((f) => [f, f]));
	const find = (f: number): number => {
		while (parent.get(f) !== f) f = parent.get(f)!;
		return f;
	};
	for (const f of filled) {
		for (const h of faceHalfEdges(faces, f)) {
			const other = faces.faceOf[h ^ 1];
			if (!filled.has(other) || graph.edgeOwners[h >> 1].size > 0) continue;
			const [a, b] = [find(f), find(other)];
			if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
		}
	}
	const groups = new Map<number, { km2: number; largest: number; byOwner: Map<number, number> }>();
	for (const f of filled) {
		const v = halfFrom(graph, faces.faceStart[f]);
		const km2 = unitsToKm2(faces.faceArea[f], graph.ys[v]);
		const root = find(f);
		let group = groups.get(root);
		if (!group) groups.set(root, (group = { km2: 0, largest: f, byOwner: new Map() }));
		group.km2 += km2;
		if (faces.faceArea[f] > faces.faceArea[group.largest]) group.largest = f;
		group.byOwner.set(owner[f], (group.byOwner.get(owner[f]) ?? 0) + km2);
	}
	return [...groups.values()]
		.map(({ km2, largest, byOwner }) => {
			const v = halfFrom(graph, faces.faceStart[largest]);
			const [main] = [...byOwner].sort((a, b) => b[1] - a[1] || participants[a[0]].key.localeCompare(participants[b[0]].key, 'en'))[0];
			return { km2, at: [graph.xs[v] / SCALE, graph.ys[v] / SCALE] as [number, number], owner: participants[main].key };
		})
		.sort((a, b) => b.km2 - a.km2 || a.at[0] - b.at[0] || a.at[1] - b.at[1]);
}

/** Detached pieces smaller than this, enclosed by other participants, are absorbed by them. */
const MAX_FRAGMENT_KM2 = 1;

/**
 * Overlap and gap assignment can leave a participant a detached crumb inside its neighbours
 * (a few hundred m²): not a real exclave, just where two simplified borders crossed. Give each
 * such piece to the neighbour that borders it the longest. Islands (pieces touching the sea or
 * a hole) and every participant's largest piece are kept.
 */
function absorbFragments(
	graph: Graph,
	faces: Faces,
	owner: Int32Array,
	nested: [number, number][],
	participants: CoverageParticipant[]
): { count: number; km2: number } {
	const faceCount = faces.faceStart.length;
	const parent = Array.from({ length: faceCount }, (_, i) => i);
	const find = (f: number): number => {
		while (parent[f] !== f) f = parent[f] = parent[parent[f]];
		return f;
	};
	const join = (a: number, b: number) => {
		const [ra, rb] = [find(a), find(b)];
		if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
	};
	for (let h = 0; h < faces.next.length; h += 2) {
		const [a, b] = [faces.faceOf[h], faces.faceOf[h + 1]];
		if (owner[a] !== NONE && owner[a] === owner[b]) join(a, b);
	}
	for (const [outer, holder] of nested) if (owner[holder] !== NONE) join(outer, holder);

	const pieces = new Map<number, { owner: number; area: number; faces: number[]; borders: Map<number, number> }>();
	for (let f = 0; f < faceCount; f++) {
		if (owner[f] === NONE) continue;
		const root = find(f);
		let piece = pieces.get(root);
		if (!piece) pieces.set(root, (piece = { owner: owner[f], area: 0, faces: [], borders: new Map() }));
		piece.faces.push(f);
		if (faces.faceArea[f] > 0) {
			piece.area += unitsToKm2(faces.faceArea[f], graph.ys[halfFrom(graph, faces.faceStart[f])]);
		}
		for (const h of faceHalfEdges(faces, f)) {
			const neighbour = owner[faces.faceOf[h ^ 1]];
			if (neighbour === piece.owner) continue;
			const [a, b] = [halfFrom(graph, h), halfTo(graph, h)];
			const length = Math.hypot(graph.xs[b] - graph.xs[a], graph.ys[b] - graph.ys[a]);
			piece.borders.set(neighbour, (piece.borders.get(neighbour) ?? 0) + length);
		}
	}

	const largest = new Map<number, number>();
	for (const [root, piece] of pieces) {
		const best = largest.get(piece.owner);
		if (best === undefined || piece.area > pieces.get(best)!.area) largest.set(piece.owner, root);
	}
	let count = 0;
	let km2 = 0;
	for (const [root, piece] of pieces) {
		if (largest.get(piece.owner) === root || piece.area >= MAX_FRAGMENT_KM2 || piece.borders.has(NONE)) continue;
		let best = NONE;
		for (const [neighbour, length] of piece.borders) {
			if (participants[neighbour].yields) continue;
			const bestLength = best === NONE ? -1 : piece.borders.get(best)!;
			if (length > bestLength || (length === bestLength && participants[neighbour].key < participants[best].key)) {
				best = neighbour;
			}
		}
		if (best === NONE) continue;
		for (const f of piece.faces) owner[f] = best;
		count++;
		km2 += piece.area;
	}
	return { count, km2 };
}

/**
 * A cut line: a segment added to the noding that separates faces without changing any winding
 * number. A gap chord splits a gap so that each piece goes to the neighbours around it; a spike
 * cut also gives what lies between it and a spike's tip (`outline`) to another owner.
 */
interface Cut {
	ax: number;
	ay: number;
	bx: number;
	by: number;
	spike?: {
		/** The owner whose faces inside the outline move (ANY: every owner but `to`). */
		from: number;
		to: number;
		/** The piece cut off: the spike's sides from one end of the cut to the other, flat x, y pairs. */
		outline: number[];
	};
}

const ANY = -2;
const CHORD = 1;
const SPIKE_CUT = 2;

/** Edges by grid cell, for exact "does this new segment touch anything" tests. */
function edgeIndex(graph: Graph) {
	const { xs, ys } = graph;
	return gridIndex(
		graph.edgeFrom.map((_, e) => e),
		(e) => {
			const [a, b] = [graph.edgeFrom[e], graph.edgeTo[e]];
			return [Math.min(xs[a], xs[b]), Math.min(ys[a], ys[b]), Math.max(xs[a], xs[b]), Math.max(ys[a], ys[b])];
		}
	);
}

const onSegment = (ax: number, ay: number, bx: number, by: number, px: number, py: number) =>
	orient(ax, ay, bx, by, px, py) === 0 &&
	Math.min(ax, bx) <= px &&
	px <= Math.max(ax, bx) &&
	Math.min(ay, by) <= py &&
	py <= Math.max(ay, by);

/**
 * True when the segment a→b meets no edge of the graph except at its own ends, where it may
 * start from a vertex (edges there are fine unless they run along it), and `ignored` edges (the
 * one an end was projected on: rounding puts that end a fraction of a unit off it).
 */
function segmentIsClear(
	graph: Graph,
	edgeCells: Map<number, number[]>,
	ax: number,
	ay: number,
	bx: number,
	by: number,
	ignored: Set<number>
): boolean {
	const { xs, ys } = graph;
	const seen = new Set<number>();
	for (let cx = cellOf(Math.min(ax, bx)); cx <= cellOf(Math.max(ax, bx)); cx++) {
		for (let cy = cellOf(Math.min(ay, by)); cy <= cellOf(Math.max(ay, by)); cy++) {
			for (const e of edgeCells.get(cellKey(cx, cy)) ?? []) {
				if (seen.has(e) || ignored.has(e)) continue;
				seen.add(e);
				const [cxp, cyp, dxp, dyp] = [xs[graph.edgeFrom[e]], ys[graph.edgeFrom[e]], xs[graph.edgeTo[e]], ys[graph.edgeTo[e]]];
				const atA = (cxp === ax && cyp === ay) || (dxp === ax && dyp === ay);
				const atB = (cxp === bx && cyp === by) || (dxp === bx && dyp === by);
				if (atA && atB) return false; // the segment is an existing edge
				if (atA || atB) {
					// Sharing an end is fine; running along the segment is not.
					const [ox, oy] = (cxp === ax && cyp === ay) || (cxp === bx && cyp === by) ? [dxp, dyp] : [cxp, cyp];
					if (onSegment(ax, ay, bx, by, ox, oy)) return false;
					const [sx, sy] = atA ? [ax, ay] : [bx, by];
					const [tx, ty] = atA ? [bx, by] : [ax, ay];
					if (orient(sx, sy, ox, oy, tx, ty) === 0 && (tx - sx) * (ox - sx) + (ty - sy) * (oy - sy) > 0) return false;
					continue;
				}
				const d1 = orient(ax, ay, bx, by, cxp, cyp);
				const d2 = orient(ax, ay, bx, by, dxp, dyp);
				const d3 = orient(cxp, cyp, dxp, dyp, ax, ay);
				const d4 = orient(cxp, cyp, dxp, dyp, bx, by);
				if (d1 * d2 < 0 && d3 * d4 < 0) return false;
				if (onSegment(ax, ay, bx, by, cxp, cyp) || onSegment(ax, ay, bx, by, dxp, dyp)) return false;
				if (onSegment(cxp, cyp, dxp, dyp, ax, ay) || onSegment(cxp, cyp, dxp, dyp, bx, by)) return false;
			}
		}
	}
	return true;
}

/** A gap chord is kept when it is at most this fraction of the way round the gap between its ends. */
const CHORD_RATIO = 1 / 3;

/**
 * Chords that split gaps among their neighbours. A gap between independently simplified comunas
 * is often a network of slivers (between the urban comunas of Santiago, one gap face runs
 * between eight of them); given whole to the neighbour with the longest border, it would hand
 * that comuna thin arms between other comunas, ending in spikes. So a chord goes straight across
 * the gap from every junction of its outline (where the neighbour along it changes) and, when
 * the gap has three neighbours or more, from every reflex corner (where an arm branches off), to
 * the nearest point of the outline along another stretch, if that is much shorter than going
 * round: each piece then lies between the neighbours it separates and goes to one of them.
 */
function gapChords({ graph, faces, owner, gapFaces }: Solution): Cut[] {
	const { xs, ys } = graph;
	const isGap = new Uint8Array(faces.faceStart.length);
	for (const f of gapFaces) isGap[f] = 1;
	const edgeCells = edgeIndex(graph);
	const chords: Cut[] = [];
	for (const f of gapFaces) {
		const halfEdges = faceHalfEdges(faces, f);
		const m = halfEdges.length;
		const neighbour = halfEdges.map((h) => (isGap[faces.faceOf[h ^ 1]] ? NONE : owner[faces.faceOf[h ^ 1]]));
		const distinct = new Set(neighbour.filter((n) => n !== NONE)).size;
		if (distinct < 2) continue;
		// Vertex i starts edge i.
		const vx = halfEdges.map((h) => xs[halfFrom(graph, h)]);
		const vy = halfEdges.map((h) => ys[halfFrom(graph, h)]);
		const kx = Math.cos(((vy[0] / SCALE) * Math.PI) / 180); // metric x scale at this latitude
		const first = neighbour.findIndex((n, i) => n !== neighbour[(i - 1 + m) % m]);
		const run = new Int32Array(m);
		for (let k = 1, r = 0; k < m; k++) {
			const i = (first + k) % m;
			if (neighbour[i] !== neighbour[(i - 1 + m) % m]) r++;
			run[i] = r;
		}
		const along = new Float64Array(m + 1);
		for (let i = 0; i < m; i++) {
			const j = (i + 1) % m;
			along[i + 1] = along[i] + Math.hypot((vx[j] - vx[i]) * kx, vy[j] - vy[i]);
		}
		const perimeter = along[m];
		for (let i = 0; i < m; i++) {
			const incoming = (i - 1 + m) % m;
			const junction = neighbour[incoming] !== neighbour[i];
			const o = (i + 1) % m;
			const reflex = orient(vx[incoming], vy[incoming], vx[i], vy[i], vx[o], vy[o]) < 0;
			// Between two neighbours only, any piece goes to one of them: no need to cut.
			if (!junction && !(reflex && distinct >= 3)) continue;
			const [jx, jy] = [vx[i], vy[i]];
			let best = -1;
			let bestT = 0;
			let bestDistance = Infinity;
			for (let k = 0; k < m; k++) {
				if (run[k] === run[i] || run[k] === run[incoming]) continue;
				const l = (k + 1) % m;
				const dx = (vx[l] - vx[k]) * kx;
				const dy = vy[l] - vy[k];
				const squared = dx * dx + dy * dy;
				const t = squared === 0 ? 0 : Math.max(0, Math.min(1, ((jx - vx[k]) * kx * dx + (jy - vy[k]) * dy) / squared));
				const distance = Math.hypot((vx[k] - jx) * kx + t * dx, vy[k] - jy + t * dy);
				if (distance < bestDistance) [best, bestT, bestDistance] = [k, t, distance];
			}
			if (best < 0) continue;
			const position = along[best] + bestT * (along[best + 1] - along[best]);
			const forward = (position - along[i] + perimeter) % perimeter;
			if (bestDistance > CHORD_RATIO * Math.min(forward, perimeter - forward)) continue;
			const next = (best + 1) % m;
			const x = Math.round(vx[best] + bestT * (vx[next] - vx[best]));
			const y = Math.round(vy[best] + bestT * (vy[next] - vy[best]));
			if (x === jx && y === jy) continue;
			if (!segmentIsClear(graph, edgeCells, jx, jy, x, y, new Set([halfEdges[best] >> 1]))) continue;
			// It must cross the gap itself, not the land around it (test its midpoint, doubled).
			if (windingAround(vx.map((v) => 2 * v), vy.map((v) => 2 * v), jx + x, jy + y) === 0) continue;
			chords.push({ ax: jx, ay: jy, bx: x, by: y });
		}
	}
	return chords;
}

/** Is (px, py) inside the closed ring, or within `tolerance` units of it? */
function nearOrInside(outline: number[], px: number, py: number, tolerance: number): boolean {
	const x: number[] = [];
	const y: number[] = [];
	for (let i = 0; i < outline.length; i += 2) {
		x.push(outline[i]);
		y.push(outline[i + 1]);
	}
	for (let i = 0; i < x.length; i++) {
		const j = (i + 1) % x.length;
		const [ax, ay, bx, by] = [x[i], y[i], x[j], y[j]];
		const dx = bx - ax;
		const dy = by - ay;
		const squared = dx * dx + dy * dy;
		const t = squared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / squared));
		if (Math.hypot(ax + t * dx - px, ay + t * dy - py) <= tolerance) return true;
	}
	return windingAround(x, y, px, py) !== 0;
}

/** Snap rounding moves a cut by less than a unit; the pieces it cuts off are found with this slack. */
const CUT_TOLERANCE = 1.5;

/** Gives every face that a spike cut cut off (all its vertices within the outline) to its new owner. */
function applySpikeCuts(graph: Graph, faces: Faces, owner: Int32Array, cuts: Cut[]) {
	const spikes = cuts.filter((cut) => cut.spike);
	if (!spikes.length) return;
	const { xs, ys } = graph;
	const bounded = faces.faceArea.map((area, f) => (area > 0 ? f : NONE)).filter((f) => f !== NONE);
	const faceCells = gridIndex(bounded, (f) => {
		const v = halfFrom(graph, faces.faceStart[f]);
		return [xs[v], ys[v], xs[v], ys[v]];
	});
	for (const cut of spikes) {
		const { from, to, outline } = cut.spike!;
		let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
		for (let i = 0; i < outline.length; i += 2) {
			[x0, x1] = [Math.min(x0, outline[i]), Math.max(x1, outline[i])];
			[y0, y1] = [Math.min(y0, outline[i + 1]), Math.max(y1, outline[i + 1])];
		}
		for (let cx = cellOf(x0 - CUT_TOLERANCE); cx <= cellOf(x1 + CUT_TOLERANCE); cx++) {
			for (let cy = cellOf(y0 - CUT_TOLERANCE); cy <= cellOf(y1 + CUT_TOLERANCE); cy++) {
				for (const index of faceCells.get(cellKey(cx, cy)) ?? []) {
					const f = bounded[index];
					if (owner[f] === to || (from !== ANY && owner[f] !== from)) continue;
					const inside = faceHalfEdges(faces, f).every((h) => {
						const v = halfFrom(graph, h);
						return nearOrInside(outline, xs[v], ys[v], CUT_TOLERANCE);
					});
					if (inside) owner[f] = to;
				}
			}
		}
	}
}

/**
 * Cuts for the spikes left in any owner's territory, the sea and holes included (see spikes.ts).
 * An antenna of a comuna is cut off and given to the neighbour along its longer side (or to the
 * sea). A slit of sea (two neighbours' coasts that diverge from where their border meets) becomes
 * a gap between them, filled like the others; a slit within one comuna is filled by it. A cut
 * that would cross anything is not made (the output check then reports the spike).
 */
function spikeCuts({ graph, faces, owner }: Solution, participants: CoverageParticipant[], options: SpikeOptions): Cut[] {
	const { xs, ys } = graph;
	const ownerOf = (h: number) => owner[faces.faceOf[h]];
	const edgeCells = edgeIndex(graph);
	const vertexCells = gridIndex(
		xs.map((_, i) => i),
		(i) => [xs[i], ys[i], xs[i], ys[i]]
	);
	const yields = (o: number) => o !== NONE && participants[o].yields === true;

	const found: { ring: { owner: number; halfEdges: number[] }; vertices: number[]; spike: RingSpike }[] = [];
	for (const ring of boundaryRings(faces, owner)) {
		const vertices = ring.halfEdges.map((h) => halfFrom(graph, h));
		const rx = vertices.map((v) => xs[v]);
		const ry = vertices.map((v) => ys[v]);
		for (const spike of findRingSpikes(rx, ry, SCALE, options)) found.push({ ring, vertices, spike });
	}
	// Rings have their owner on the left (holes and the sea run clockwise): an antenna turns left.
	// An antenna of A into B is also a slit in B's ring: cut it once, as an antenna.
	const antennaTips = new Set(found.filter((s) => s.spike.left).map((s) => s.vertices[s.spike.tip]));

	const cuts: Cut[] = [];
	for (const { ring, vertices, spike } of found) {
		const n = vertices.length;
		const tip = vertices[spike.tip];
		if (!spike.left && antennaTips.has(tip)) continue;
		const sideBefore = ring.halfEdges[spike.before]; // P → towards the tip
		const sideAfter = ring.halfEdges[(spike.after - 1 + n) % n]; // towards Q → Q
		let to: number;
		let from: number;
		if (spike.left) {
			const across = [ownerOf(sideBefore ^ 1), ownerOf(sideAfter ^ 1)];
			let longer = spike.beforeM >= spike.afterM ? 0 : 1;
			if (yields(across[longer]) && !yields(across[1 - longer])) longer = 1 - longer;
			[from, to] = [ring.owner, across[longer]];
		} else {
			[from, to] = [ANY, ring.owner];
		}

		// The tip: the ring from P to Q. Nothing else may lie inside the piece cut off.
		const tipIndexes: number[] = [];
		for (let k = spike.before; ; k = (k + 1) % n) {
			tipIndexes.push(k);
			if (k === spike.after) break;
		}
		const own = new Set(tipIndexes.map((k) => vertices[k]));
		const attempt = (outline: number[], ignored: Set<number>): boolean => {
			const [ax, ay] = [outline[0], outline[1]];
			const [bx, by] = [outline[outline.length - 2], outline[outline.length - 1]];
			if (!segmentIsClear(graph, edgeCells, ax, ay, bx, by, ignored)) return false;
			let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
			for (let i = 0; i < outline.length; i += 2) {
				[x0, x1] = [Math.min(x0, outline[i]), Math.max(x1, outline[i])];
				[y0, y1] = [Math.min(y0, outline[i + 1]), Math.max(y1, outline[i + 1])];
			}
			const ox: number[] = [];
			const oy: number[] = [];
			for (let i = 0; i < outline.length; i += 2) {
				ox.push(outline[i]);
				oy.push(outline[i + 1]);
			}
			for (let cx = cellOf(x0); cx <= cellOf(x1); cx++) {
				for (let cy = cellOf(y0); cy <= cellOf(y1); cy++) {
					for (const v of vertexCells.get(cellKey(cx, cy)) ?? []) {
						if (own.has(v) || (xs[v] === bx && ys[v] === by) || (xs[v] === ax && ys[v] === ay)) continue;
						if (xs[v] < x0 || xs[v] > x1 || ys[v] < y0 || ys[v] > y1) continue;
						if (onSegment(ax, ay, bx, by, xs[v], ys[v]) || windingAround(ox, oy, xs[v], ys[v]) !== 0) return false;
					}
				}
			}
			cuts.push({ ax, ay, bx, by, spike: { from, to, outline } });
			return true;
		};
		const outlineOf = (indexes: number[]) => indexes.flatMap((k) => [xs[vertices[k]], ys[vertices[k]]]);

		// The cut joins the points of the two sides at the distance of the shorter side from the tip
		// (its end, and the point as far along the longer one): it takes the spike, not the sliver
		// along a long side beyond it, and meets both sides square, so that no new sharp corner
		// appears. If something lies in the way (an islet in a slit), half as far, and so on.
		const last = tipIndexes.length - 1;
		const pointOnSide = (before: boolean, distance: number): [number, number] => {
			// The side's last edge runs from its inner vertex U to its end; only that edge is longer than tipM.
			const [u, end] = before ? [tipIndexes[1], tipIndexes[0]] : [tipIndexes[last - 1], tipIndexes[last]];
			const [v, a, b] = [vertices[spike.tip], vertices[u], vertices[end]];
			const kx = Math.cos(((ys[v] / SCALE) * Math.PI) / 180);
			const metres = METRES_PER_DEGREE / SCALE;
			const t = pointAtDistance(0, 0, (xs[a] - xs[v]) * kx * metres, (ys[a] - ys[v]) * metres, (xs[b] - xs[v]) * kx * metres, (ys[b] - ys[v]) * metres, distance);
			return [Math.round(xs[a] + t * (xs[b] - xs[a])), Math.round(ys[a] + t * (ys[b] - ys[a]))];
		};
		const edges = new Set([sideBefore >> 1, sideAfter >> 1]);
		for (let distance = Math.min(spike.beforeM, spike.afterM); distance >= options.minLengthM; distance /= 2) {
			const outline = [...pointOnSide(true, distance), ...outlineOf(tipIndexes.slice(1, last)), ...pointOnSide(false, distance)];
			if (attempt(outline, edges)) break;
		}
	}
	return cuts;
}

/** The parameter t ∈ [0, 1] of the point of segment U→L at `distance` from V (U is nearer than that). */
function pointAtDistance(vx: number, vy: number, ux: number, uy: number, lx: number, ly: number, distance: number): number {
	const [dx, dy] = [lx - ux, ly - uy];
	const [fx, fy] = [ux - vx, uy - vy];
	const a = dx * dx + dy * dy;
	const b = 2 * (fx * dx + fy * dy);
	const c = fx * fx + fy * fy - distance * distance;
	if (a === 0) return 1;
	const t = (-b + Math.sqrt(Math.max(0, b * b - 4 * a * c))) / (2 * a);
	return Math.max(0, Math.min(1, t));
}

/**
 * Boundary rings of every owner's territory (NONE included: the sea and the holes), as the
 * half-edges that have the owner on their left, walked along the shared graph.
 */
function boundaryRings(faces: Faces, owner: Int32Array): { owner: number; halfEdges: number[] }[] {
	const ownerOf = (h: number) => owner[faces.faceOf[h]];
	const visited = new Uint8Array(faces.next.length);
	const rings: { owner: number; halfEdges: number[] }[] = [];
	for (let h = 0; h < faces.next.length; h++) {
		const o = ownerOf(h);
		if (visited[h] || ownerOf(h ^ 1) === o) continue;
		const halfEdges: number[] = [];
		let current = h;
		do {
			if (halfEdges.length > faces.next.length) throw new Error('Coverage: a boundary ring does not close');
			visited[current] = 1;
			halfEdges.push(current);
			let candidate = faces.next[current];
			// Turn past edges inside the owner's territory until its boundary continues.
			while (ownerOf(candidate ^ 1) === o) candidate = faces.next[candidate ^ 1];
			current = candidate;
		} while (current !== h);
		rings.push({ owner: o, halfEdges });
	}
	return rings;
}

/** 5. Each owner's rings, walked along the shared graph so neighbours use identical vertices. */
function extractAreas(
	graph: Graph,
	faces: Faces,
	owner: Int32Array,
	participants: CoverageParticipant[]
): Map<string, MultiPolygonCoordinates> {
	const { xs, ys } = graph;
	const ringsByOwner = new Map<number, { x: number[]; y: number[]; area: number }[]>();
	for (const { owner: o, halfEdges } of boundaryRings(faces, owner)) {
		if (o === NONE) continue;
		const x = halfEdges.map((h) => xs[halfFrom(graph, h)]);
		const y = halfEdges.map((h) => ys[halfFrom(graph, h)]);
		// Start at the lowest vertex so that neither coordinates nor areas depend on traversal order.
		let start = 0;
		for (let i = 1; i < x.length; i++) {
			if (x[i] < x[start] || (x[i] === x[start] && y[i] < y[start])) start = i;
		}
		const rx = [...x.slice(start), ...x.slice(0, start)];
		const ry = [...y.slice(start), ...y.slice(0, start)];
		const list = ringsByOwner.get(o) ?? [];
		list.push({ x: rx, y: ry, area: ringArea(rx, ry) });
		ringsByOwner.set(o, list);
	}

	const areas = new Map<string, MultiPolygonCoordinates>();
	for (const [o, rings] of [...ringsByOwner].sort((a, b) => a[0] - b[0])) {
		const shells = rings.filter((r) => r.area > 0).map((ring) => ({ ring, holes: [] as typeof rings }));
		for (const hole of rings.filter((r) => r.area < 0)) {
			// Test the midpoint of an edge (doubled to stay on integers): it lies on no other ring.
			const px = hole.x[0] + hole.x[1];
			const py = hole.y[0] + hole.y[1];
			let best: (typeof shells)[number] | null = null;
			for (const shell of shells) {
				if (best && shell.ring.area >= best.ring.area) continue;
				const doubledX = shell.ring.x.map((v) => 2 * v);
				const doubledY = shell.ring.y.map((v) => 2 * v);
				if (windingAround(doubledX, doubledY, px, py) !== 0) best = shell;
			}
			if (!best) throw new Error(`Coverage: a hole of ${participants[o].key} lies in none of its shells`);
			best.holes.push(hole);
		}
		const toCoordinates = (ring: { x: number[]; y: number[] }) => {
			const coordinates: number[][] = [];
			for (let k = 0; k <= ring.x.length; k++) {
				const i = k % ring.x.length;
				coordinates.push([ring.x[i] / SCALE, ring.y[i] / SCALE]);
			}
			return coordinates;
		};
		const byPosition = (a: number[][], b: number[][]) => a[0][0] - b[0][0] || a[0][1] - b[0][1];
		const polygons = shells
			.sort((a, b) => b.ring.area - a.ring.area || byPosition(toCoordinates(a.ring), toCoordinates(b.ring)))
			.map((shell) => [toCoordinates(shell.ring), ...shell.holes.map(toCoordinates).sort(byPosition)]);
		areas.set(participants[o].key, polygons);
	}
	return areas;
}
