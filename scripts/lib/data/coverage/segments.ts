// Step 1: input rings (and cut lines) become canonical grid segments, and their proper crossings
// are found, so that snap rounding knows every hot pixel.
import { addOwners, cellOf, CHORD, type Cut, gridIndex, orient, ringArea, SCALE, type Segment, segmentBox, SPIKE_CUT } from './grid.ts';
import type { CoverageParticipant } from './types.ts';

/** 1. Input rings (and cut lines) → canonical grid segments with per-participant direction counts. */
export function collectSegments(participants: CoverageParticipant[], cuts: Cut[]): Segment[] {
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


/** Proper crossings (interior to both segments); returns how many were found. */
export function findCrossings(segments: Segment[]): number {
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
