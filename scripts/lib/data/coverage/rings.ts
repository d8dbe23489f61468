// Step 5: each owner's rings, read back from the shared graph so that neighbours use identical
// vertices.
import { type Faces, halfFrom } from './faces.ts';
import { NONE, ringArea, SCALE } from './grid.ts';
import type { Graph } from './snap-rounding.ts';
import type { CoverageParticipant, MultiPolygonCoordinates } from './types.ts';
import { windingAround } from './winding.ts';

/**
 * Boundary rings of every owner's territory (NONE included: the sea and the holes), as the
 * half-edges that have the owner on their left, walked along the shared graph.
 */
export function boundaryRings(faces: Faces, owner: Int32Array): { owner: number; halfEdges: number[] }[] {
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
export function extractAreas(
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
