import type { MultiPolygonCoordinates, Position, Ring } from './geometry.ts';

/**
 * Spikes: places where a ring runs out and comes back along (almost) the same line, drawing a
 * thin "antenna" (outwards) or a thin slit (inwards) instead of an area. On a map they look like
 * stray lines. The territory pipeline removes them where they are made (coverage.ts, topology.ts)
 * and checks every output with `assertNoSpikes`, so that a new source edition or a change in the
 * pipeline that brings them back fails the build instead of reaching the app.
 *
 * Definition, on a local equirectangular projection in metres: a vertex V of a ring is the tip of
 * a spike when
 *   - P, the nearest vertex before V farther than `tipM` from it, and Q, the nearest such vertex
 *     after it, are both at least `minLengthM` from V, and
 *   - the angle P–V–Q is under `maxAngleDeg` (the ring turns by more than 180° − maxAngleDeg).
 * Vertices within `tipM` of V belong to the tip, so a blunt tip (two vertices a metre apart)
 * counts, and so does a zero-width antenna (a ring that goes A → B → A: angle 0).
 */

export interface SpikeOptions {
	maxAngleDeg: number;
	tipM: number;
	minLengthM: number;
}

/**
 * 5°: a wedge 1 km wide 11 km from its tip. Corners that sharp in the BCN source are artefacts of
 * its 2 km simplification (fjords and peninsulas collapsed into slivers, coasts of neighbours
 * that diverge) or of cleaning it; wider wedges are left as they are. 5 m: the 1e-6° grid and
 * the 1e-5° rounding of the map files move vertices by about a metre. 20 m: 4 px at the closest
 * zoom the app shows (a small urban comuna fills the screen at ~5 m per pixel); shorter ones
 * cannot be seen.
 */
export const SPIKE_OPTIONS: SpikeOptions = { maxAngleDeg: 5, tipM: 5, minLengthM: 20 };

export const METRES_PER_DEGREE = (Math.PI / 180) * 6371008.8;

export interface RingSpike {
	/** Indexes into the ring: the tip vertex, and P and Q (see above). */
	tip: number;
	before: number;
	after: number;
	angleDeg: number;
	/** |VP| and |VQ|, metres. */
	beforeM: number;
	afterM: number;
	/** 'out': the ring's own side narrows to the tip (an antenna); 'in': the outside does (a slit). */
	kind: 'out' | 'in';
	/** The ring turns left at the tip: the side on its left narrows to the tip. */
	left: boolean;
}

/**
 * Spikes of one closed ring of longitude/latitude coordinates, `unitsPerDegree` units to a degree
 * (1 for GeoJSON, 1e6 on the coverage grid), without the closing repeat and without consecutive
 * duplicates. Lengths and angles are measured in metres on a projection local to each vertex.
 * One entry per tip, in ring order.
 */
export function findRingSpikes(
	xs: ArrayLike<number>,
	ys: ArrayLike<number>,
	unitsPerDegree = 1,
	options: SpikeOptions = SPIKE_OPTIONS
): RingSpike[] {
	const n = xs.length;
	if (n < 3) return [];
	let doubledArea = 0;
	for (let i = 0; i < n; i++) {
		const j = (i + 1) % n;
		doubledArea += (xs[i] - xs[0]) * (ys[j] - ys[0]) - (xs[j] - xs[0]) * (ys[i] - ys[0]);
	}
	const metres = METRES_PER_DEGREE / unitsPerDegree;
	const maxAngle = (options.maxAngleDeg * Math.PI) / 180;
	const found: (RingSpike & { kx: number })[] = [];
	for (let i = 0; i < n; i++) {
		const kx = Math.cos((ys[i] / unitsPerDegree) * (Math.PI / 180)) * metres;
		const dx = (k: number) => (xs[k] - xs[i]) * kx;
		const dy = (k: number) => (ys[k] - ys[i]) * metres;
		const distance = (k: number) => Math.hypot(dx(k), dy(k));
		let back = 1;
		while (back < n && distance((i - back + n) % n) <= options.tipM) back++;
		let ahead = 1;
		while (ahead < n && distance((i + ahead) % n) <= options.tipM) ahead++;
		if (back + ahead >= n) continue; // the whole ring is within the tip
		const p = (i - back + n) % n;
		const q = (i + ahead) % n;
		const [ux, uy, vx, vy] = [dx(p), dy(p), dx(q), dy(q)];
		const beforeM = Math.hypot(ux, uy);
		const afterM = Math.hypot(vx, vy);
		if (Math.min(beforeM, afterM) < options.minLengthM) continue;
		const cross = ux * vy - uy * vx;
		const angle = Math.abs(Math.atan2(cross, ux * vx + uy * vy));
		if (angle >= maxAngle) continue;
		// Counter-clockwise ring: the inside is on the left, so a convex tip has P on the left of V→Q.
		// A zero-width spike has no side; call it an antenna.
		const flat = Math.abs(cross) <= 1e-9 * beforeM * afterM;
		const convex = flat || (doubledArea > 0 ? cross < 0 : cross > 0);
		found.push({
			tip: i,
			before: p,
			after: q,
			angleDeg: (angle * 180) / Math.PI,
			beforeM,
			afterM,
			kind: convex ? 'out' : 'in',
			left: cross < 0,
			kx
		});
	}
	// A blunt tip reports each of its vertices: keep the sharpest of each run of neighbours.
	const tips: (RingSpike & { kx: number })[] = [];
	const sameTip = (a: RingSpike & { kx: number }, b: RingSpike) =>
		Math.hypot((xs[a.tip] - xs[b.tip]) * a.kx, (ys[a.tip] - ys[b.tip]) * metres) <= options.tipM;
	for (const spike of found) {
		const last = tips[tips.length - 1];
		if (last && sameTip(last, spike)) {
			if (spike.angleDeg < last.angleDeg) tips[tips.length - 1] = spike;
		} else tips.push(spike);
	}
	if (tips.length > 1 && sameTip(tips[0], tips[tips.length - 1])) {
		const last = tips.pop()!;
		if (last.angleDeg < tips[0].angleDeg) tips[0] = last;
	}
	return tips.map(({ kx: _, ...spike }) => spike);
}

export function distinctRing(ring: Ring): Position[] {
	const points: Position[] = [];
	for (const p of ring) {
		const last = points[points.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
	}
	while (points.length > 1 && points[0][0] === points[points.length - 1][0] && points[0][1] === points[points.length - 1][1]) {
		points.pop();
	}
	return points;
}

export interface Spike {
	at: [number, number];
	angleDeg: number;
	/** The shorter side, metres. */
	lengthM: number;
	kind: 'out' | 'in';
}

/** Spikes of a GeoJSON ring (lon/lat degrees, closed or not). */
export function ringSpikes(ring: Ring, options: SpikeOptions = SPIKE_OPTIONS): Spike[] {
	const points = distinctRing(ring);
	if (points.length < 3) return [];
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	return findRingSpikes(xs, ys, 1, options).map((s) => ({
		at: [points[s.tip][0], points[s.tip][1]],
		angleDeg: s.angleDeg,
		lengthM: Math.min(s.beforeM, s.afterM),
		kind: s.kind
	}));
}

export function polygonsSpikes(polygons: MultiPolygonCoordinates, options: SpikeOptions = SPIKE_OPTIONS): Spike[] {
	return polygons.flatMap((polygon) => polygon.flatMap((ring) => ringSpikes(ring, options)));
}

export interface NamedShape {
	/** What the polygons are, for the message: "static/geo/region/05.geojson: comuna 05801". */
	name: string;
	polygons: MultiPolygonCoordinates;
}

export function describeSpike(spike: Spike): string {
	const [x, y] = spike.at;
	return (
		`[${x.toFixed(5)}, ${y.toFixed(5)}] ${spike.kind === 'out' ? 'antenna' : 'slit'} ` +
		`${spike.angleDeg.toFixed(2)}°, ${Math.round(spike.lengthM)} m`
	);
}

/** Fails loudly, listing every spike (up to a point), when any of the named shapes has one. */
export function assertNoSpikes(shapes: NamedShape[], options: SpikeOptions = SPIKE_OPTIONS) {
	const spiky = shapes
		.map(({ name, polygons }) => ({ name, spikes: polygonsSpikes(polygons, options) }))
		.filter((s) => s.spikes.length > 0);
	if (!spiky.length) return;
	const count = spiky.reduce((sum, s) => sum + s.spikes.length, 0);
	const lines = spiky.flatMap((s) => s.spikes.map((spike) => `  - ${s.name}: ${describeSpike(spike)}`));
	throw new Error(
		`${count} spike(s) (a ring turning back by more than ${180 - options.maxAngleDeg}° over at least ` +
			`${options.minLengthM} m) in the territory outputs:\n${lines.slice(0, 40).join('\n')}` +
			(lines.length > 40 ? `\n  … and ${lines.length - 40} more` : '')
	);
}
