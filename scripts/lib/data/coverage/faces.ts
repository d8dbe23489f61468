// Step 3: the faces of the planar graph, walked from its half-edges.
import { NONE, ringArea } from './grid.ts';
import type { Graph } from './snap-rounding.ts';

export interface Faces {
	next: Int32Array; // half-edge → next half-edge around the face on its left
	faceOf: Int32Array; // half-edge → face
	faceStart: number[]; // face → one of its half-edges
	faceArea: number[]; // signed, grid units²
}


export const halfFrom = (graph: Graph, h: number) => ((h & 1) === 0 ? graph.edgeFrom[h >> 1] : graph.edgeTo[h >> 1]);
export const halfTo = (graph: Graph, h: number) => ((h & 1) === 0 ? graph.edgeTo[h >> 1] : graph.edgeFrom[h >> 1]);

/** 3. Faces of the planar graph: the face left of each half-edge, bounded ones counter-clockwise. */
export function buildFaces(graph: Graph): Faces {
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

export function faceHalfEdges(faces: Faces, face: number): number[] {
	const list: number[] = [];
	let current = faces.faceStart[face];
	do {
		list.push(current);
		current = faces.next[current];
	} while (current !== faces.faceStart[face]);
	return list;
}
