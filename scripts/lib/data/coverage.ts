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

/** 1. Input rings → canonical grid segments with per-participant direction counts. */
function collectSegments(participants: CoverageParticipant[]): Segment[] {
	const segmentsByKey = new Map<string, Segment>();
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
					const key = `${ax},${ay},${bx},${by}`;
					let segment = segmentsByKey.get(key);
					if (!segment) segmentsByKey.set(key, (segment = { ax, ay, bx, by, owners: new Map(), forced: [] }));
					addOwners(segment.owners, new Map([[index, 1]]), sign);
				}
			});
		}
	});
	// A segment walked both ways by the same polygon changes no winding number: drop it.
	return [...segmentsByKey.values()].filter((segment) => segment.owners.size > 0);
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
	const edges = new Map<string, { from: number; to: number; owners: Owners }>();
	const addEdge = (p: number, q: number, owners: Owners) => {
		if (p === q) return;
		const [from, to, sign] = p < q ? [p, q, 1] : [q, p, -1];
		const key = `${from},${to}`;
		let edge = edges.get(key);
		if (!edge) edges.set(key, (edge = { from, to, owners: new Map() }));
		addOwners(edge.owners, owners, sign);
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
			addEdge(previous, current, s.owners);
			previous = current;
		}
		addEdge(previous, vertex(s.bx, s.by), s.owners);
	}

	const graph: Graph = { xs, ys, edgeFrom: [], edgeTo: [], edgeOwners: [] };
	for (const edge of edges.values()) {
		if (edge.owners.size === 0) continue;
		graph.edgeFrom.push(edge.from);
		graph.edgeTo.push(edge.to);
		graph.edgeOwners.push(edge.owners);
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
			}
		}
	}
	mergeDuplicateEdges(graph);
}

function mergeDuplicateEdges(graph: Graph) {
	const merged = new Map<string, { from: number; to: number; owners: Owners }>();
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
		if (!edge) merged.set(key, (edge = { from, to, owners: new Map() }));
		addOwners(edge.owners, graph.edgeOwners[e], sign);
	}
	graph.edgeFrom = [];
	graph.edgeTo = [];
	graph.edgeOwners = [];
	for (const edge of merged.values()) {
		if (edge.owners.size === 0) continue;
		graph.edgeFrom.push(edge.from);
		graph.edgeTo.push(edge.to);
		graph.edgeOwners.push(edge.owners);
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
		forced: []
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
		winding[outer] = holder === undefined ? new Map() : new Map(winding[holder]!);
		const queue = [outer];
		while (queue.length) {
			const face = queue.pop()!;
			for (const h of faceHalfEdges(faces, face)) {
				const other = faces.faceOf[h ^ 1];
				if (winding[other] !== null) continue;
				// Crossing h from its right to its left adds its net traversals: W(left) = W(right) + net.
				const w = new Map(winding[face]!);
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

/** Builds the clean coverage; see the module comment. */
export function buildCoverage(participants: CoverageParticipant[]): CoverageResult {
	const segments = collectSegments(participants);
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
	// (never a yielding one) with the longest border with it. Enclosed by one: a hole of the source.
	const gapSummaries: FaceSummary[] = [];
	let holesKept = 0;
	for (let remaining = pendingGaps; remaining.length; ) {
		const decisions = remaining.map((f) => {
			const lengths = borderByOwner(f);
			return lengths.size >= 2 ? longest(lengths, (p) => !participants[p].yields) : NONE;
		});
		const undecided = remaining.filter((_, i) => decisions[i] === NONE);
		remaining.forEach((f, i) => {
			if (decisions[i] === NONE) return;
			owner[f] = decisions[i];
			const v = halfFrom(graph, faces.faceStart[f]);
			gapSummaries.push({
				km2: unitsToKm2(faces.faceArea[f], ys[v]),
				at: [xs[v] / SCALE, ys[v] / SCALE],
				owner: participants[decisions[i]].key
			});
		});
		syncNested();
		if (undecided.length === remaining.length) {
			holesKept = undecided.length;
			break;
		}
		remaining = undecided;
	}

	const fragments = absorbFragments(graph, faces, owner, nested, participants);
	syncNested();

	const areas = extractAreas(graph, faces, owner, participants);
	gapSummaries.sort((a, b) => b.km2 - a.km2);
	return {
		areas,
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

/** 5. Each owner's rings, walked along the shared graph so neighbours use identical vertices. */
function extractAreas(
	graph: Graph,
	faces: Faces,
	owner: Int32Array,
	participants: CoverageParticipant[]
): Map<string, MultiPolygonCoordinates> {
	const { xs, ys } = graph;
	const ownerOf = (h: number) => owner[faces.faceOf[h]];
	const visited = new Uint8Array(faces.next.length);
	const ringsByOwner = new Map<number, { x: number[]; y: number[]; area: number }[]>();

	for (let h = 0; h < faces.next.length; h++) {
		const o = ownerOf(h);
		if (visited[h] || o === NONE || ownerOf(h ^ 1) === o) continue;
		const x: number[] = [];
		const y: number[] = [];
		let current = h;
		let steps = 0;
		do {
			if (++steps > faces.next.length) throw new Error('Coverage: a boundary ring does not close');
			visited[current] = 1;
			x.push(xs[halfFrom(graph, current)]);
			y.push(ys[halfFrom(graph, current)]);
			let candidate = faces.next[current];
			// Turn past edges inside the owner's territory until its boundary continues.
			while (ownerOf(candidate ^ 1) === o) candidate = faces.next[candidate ^ 1];
			current = candidate;
		} while (current !== h);
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
