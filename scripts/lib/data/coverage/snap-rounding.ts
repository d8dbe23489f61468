// Step 2: snap rounding (Hobby) turns the segments into an exact planar graph.
import { addOwners, cellKey, cellOf, gridIndex, orient, type Owners, pointKey, type Segment, segmentBox } from './grid.ts';
import { findCrossings } from './segments.ts';


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

export interface Graph {
	xs: number[];
	ys: number[];
	edgeFrom: number[];
	edgeTo: number[];
	edgeOwners: Owners[]; // net traversals from edgeFrom to edgeTo
	edgeCut: number[]; // cut lines along it (CHORD | SPIKE_CUT): kept even when it separates nothing
}

/** 2. Snap rounding: route every segment through the hot pixels it touches; merge equal edges. */
export function snapRound(segments: Segment[]): Graph {
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
