// Step 4: the winding number of every participant on every face, nested components included.
import { faceHalfEdges, type Faces, halfFrom } from './faces.ts';
import { addOwners, boxOf, CELL, cellKey, gridIndex, NONE, orient, type Owners } from './grid.ts';
import type { Graph } from './snap-rounding.ts';

/** Exact winding-number point-in-ring test; the point must not lie on the ring. */
export function windingAround(ringX: number[], ringY: number[], px: number, py: number): number {
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
export function windingNumbers(graph: Graph, faces: Faces): Nesting {
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
