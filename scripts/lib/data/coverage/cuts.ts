// Cut lines found on a solved coverage: chords that split gaps between their neighbours, and cuts
// that take the tip off every spike (see spikes.ts).
import { findRingSpikes, METRES_PER_DEGREE, type RingSpike, type SpikeOptions } from '../spikes.ts';
import type { Solution } from './assignment.ts';
import { faceHalfEdges, type Faces, halfFrom } from './faces.ts';
import { ANY, cellKey, cellOf, type Cut, gridIndex, NONE, orient, SCALE } from './grid.ts';
import { boundaryRings } from './rings.ts';
import type { Graph } from './snap-rounding.ts';
import type { CoverageParticipant } from './types.ts';
import { windingAround } from './winding.ts';

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
export function gapChords({ graph, faces, owner, gapFaces }: Solution): Cut[] {
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
export function applySpikeCuts(graph: Graph, faces: Faces, owner: Int32Array, cuts: Cut[]) {
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
export function spikeCuts({ graph, faces, owner }: Solution, participants: CoverageParticipant[], options: SpikeOptions): Cut[] {
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
