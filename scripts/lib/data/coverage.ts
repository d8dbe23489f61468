import { SPIKE_OPTIONS, type SpikeOptions } from './spikes.ts';
import { solve } from './coverage/assignment.ts';
import { gapChords, spikeCuts } from './coverage/cuts.ts';
import type { Cut } from './coverage/grid.ts';
import { extractAreas } from './coverage/rings.ts';
import type { CoverageParticipant, CoverageResult } from './coverage/types.ts';

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
 *
 * One module per step under coverage/: segments.ts (input rings → grid segments, crossings),
 * snap-rounding.ts (the planar graph), faces.ts, winding.ts, assignment.ts (owners of faces, one
 * pass), cuts.ts (gap chords and spike cuts found on a pass, applied by the next), rings.ts (the
 * output rings); grid.ts holds the integer grid they share. This file runs the passes.
 */

export type {
	CoverageParticipant,
	CoverageResult,
	CoverageStats,
	FaceSummary,
	MultiPolygonCoordinates
} from './coverage/types.ts';

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
