// The integer grid every step works on (1e-6°), exact orientation, spatial cells, and the cut lines
// that later passes add to the noding.

export const SCALE = 1e6; // grid units per degree
export const CELL = 20_000; // spatial index cell, in grid units (0.02°)
export const NONE = -1;

export type Owners = Map<number, number>; // participant index → net traversals (winding contribution)

export interface Segment {
	ax: number;
	ay: number;
	bx: number;
	by: number;
	owners: Owners;
	forced: number[]; // hot pixels (x, y pairs) of crossings found on this segment
	/** Cut lines along it (see Cut), CHORD | SPIKE_CUT: kept although it changes no winding number. */
	cut: number;
}

export const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
	Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

export const cellOf = (v: number) => Math.floor(v / CELL);
export const cellKey = (cx: number, cy: number) => (cx + 500_000) * 1_000_000 + (cy + 500_000);
export const pointKey = (x: number, y: number) => `${x},${y}`;

export function addOwners(target: Owners, source: Owners, sign: number) {
	for (const [owner, net] of source) {
		const value = (target.get(owner) ?? 0) + sign * net;
		if (value === 0) target.delete(owner);
		else target.set(owner, value);
	}
}

/** Signed area (grid units², counter-clockwise positive) of a closed ring given as flat x,y pairs. */
export function ringArea(xs: number[], ys: number[]): number {
	let sum = 0;
	const x0 = xs[0];
	const y0 = ys[0];
	for (let i = 0; i < xs.length; i++) {
		const j = (i + 1) % xs.length;
		sum += (xs[i] - x0) * (ys[j] - y0) - (xs[j] - x0) * (ys[i] - y0);
	}
	return sum / 2;
}

export function unitsToKm2(area: number, latitudeUnits: number): number {
	const degree = 111.32;
	return (Math.abs(area) / (SCALE * SCALE)) * degree * degree * Math.cos(((latitudeUnits / SCALE) * Math.PI) / 180);
}

export function gridIndex<T>(items: T[], bbox: (item: T) => [number, number, number, number], cell = CELL) {
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

export const segmentBox = (s: Segment): [number, number, number, number] => [
	Math.min(s.ax, s.bx),
	Math.min(s.ay, s.by),
	Math.max(s.ax, s.bx),
	Math.max(s.ay, s.by)
];


/**
 * A cut line: a segment added to the noding that separates faces without changing any winding
 * number. A gap chord splits a gap so that each piece goes to the neighbours around it; a spike
 * cut also gives what lies between it and a spike's tip (`outline`) to another owner.
 */
export interface Cut {
	ax: number;
	ay: number;
	bx: number;
	by: number;
	spike?: {
		/** The owner whose faces inside the outline move (ANY: every owner but `to`). */
		from: number;
		to: number;
		/** The piece cut off: the spike's sides from one end of the cut to the other, flat x, y pairs. */
		outline: number[];
	};
}

export const ANY = -2;
export const CHORD = 1;
export const SPIKE_CUT = 2;

export function boxOf(x: number[], y: number[]): [number, number, number, number] {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i < x.length; i++) {
		if (x[i] < x0) x0 = x[i];
		if (x[i] > x1) x1 = x[i];
		if (y[i] < y0) y0 = y[i];
		if (y[i] > y1) y1 = y[i];
	}
	return [x0, y0, x1, y1];
}
