// One pass of noding and assignment: each face gets one owner (overlaps and gaps decided by
// the longest border), detached crumbs are absorbed, and spike cuts move what they cut off.
import { applySpikeCuts } from './cuts.ts';
import { buildFaces, faceHalfEdges, type Faces, halfFrom, halfTo } from './faces.ts';
import { CHORD, type Cut, NONE, SCALE, unitsToKm2 } from './grid.ts';
import { collectSegments, findCrossings } from './segments.ts';
import { type Graph, snapRound } from './snap-rounding.ts';
import type { CoverageParticipant, CoverageStats, FaceSummary } from './types.ts';
import { windingNumbers } from './winding.ts';

export interface Solution {
	graph: Graph;
	faces: Faces;
	owner: Int32Array;
	/** Faces no participant claimed (filled or left as holes). */
	gapFaces: number[];
	stats: Omit<CoverageStats, 'gapChords' | 'spikesCut' | 'passes'>;
}


/** One pass of noding and assignment, with the cut lines found by earlier passes. */
export function solve(participants: CoverageParticipant[], cuts: Cut[]): Solution {
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
