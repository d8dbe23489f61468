import { describe, expect, it } from 'vitest';
import type { Ring } from './geometry.ts';
import { assertNoSpikes, METRES_PER_DEGREE, polygonsSpikes, ringSpikes, SPIKE_OPTIONS } from './spikes.ts';

/** A ring drawn in metres around (lon, lat), returned in degrees and closed. */
function ringAt(lon: number, lat: number, metres: number[][]): Ring {
	const kx = Math.cos((lat * Math.PI) / 180) * METRES_PER_DEGREE;
	const ring = metres.map(([x, y]) => [lon + x / kx, lat + y / METRES_PER_DEGREE]);
	return [...ring, ring[0]];
}

/** A 1 km square with a wedge out of its right side: base `width` m wide, tip `length` m out. */
const squareWithWedge = (width: number, length: number, lat = -33) =>
	ringAt(-71, lat, [
		[0, 0],
		[1000, 0],
		[1000, 500 - width / 2],
		[1000 + length, 500],
		[1000, 500 + width / 2],
		[1000, 1000],
		[0, 1000]
	]);

describe('ringSpikes', () => {
	it('finds nothing in a square, a thin rectangle or a sharp corner that is not thin', () => {
		expect(ringSpikes(ringAt(-71, -33, [[0, 0], [1000, 0], [1000, 1000], [0, 1000]]))).toEqual([]);
		expect(ringSpikes(ringAt(-71, -33, [[0, 0], [5000, 0], [5000, 30], [0, 30]]))).toEqual([]);
		expect(ringSpikes(squareWithWedge(200, 1000))).toEqual([]); // 11.4°
	});

	it('finds an antenna: a wedge under 5°, as long as it is at least 20 m', () => {
		const spikes = ringSpikes(squareWithWedge(60, 1000)); // 3.4°
		expect(spikes).toHaveLength(1);
		expect(spikes[0]).toMatchObject({ kind: 'out', lengthM: expect.closeTo(1000.5, 0) });
		expect(spikes[0].angleDeg).toBeCloseTo(3.44, 2);
		expect(spikes[0].at[0]).toBeCloseTo(-71 + 2000 / (Math.cos((-33 * Math.PI) / 180) * METRES_PER_DEGREE), 9);
		// The same shape 10 m long is under a pixel at any zoom the app shows: not reported.
		expect(ringSpikes(squareWithWedge(0.6, 10))).toEqual([]);
	});

	it('finds a zero-width antenna (a ring that goes out and back along the same line)', () => {
		const ring = ringAt(-71, -33, [[0, 0], [1000, 0], [1000, 500], [1800, 500], [1000, 500], [1000, 1000], [0, 1000]]);
		expect(ringSpikes(ring)).toMatchObject([{ kind: 'out', angleDeg: 0, lengthM: expect.closeTo(800, 0) }]);
	});

	it('finds a slit (a thin notch into the ring), whichever way the ring runs', () => {
		const slit = ringAt(-71, -33, [[0, 0], [2000, 0], [2000, 1000], [1000, 980], [2000, 1010], [2000, 2000], [0, 2000]]);
		expect(ringSpikes(slit)).toMatchObject([{ kind: 'in' }]);
		expect(ringSpikes([...slit].reverse())).toMatchObject([{ kind: 'in' }]);
		expect(ringSpikes([...squareWithWedge(60, 1000)].reverse())).toMatchObject([{ kind: 'out' }]);
	});

	it('counts a blunt tip (two vertices a metre apart) as one spike', () => {
		const ring = ringAt(-71, -33, [[0, 0], [1000, 0], [1000, 480], [3000, 499.5], [3000, 500.5], [1000, 520], [1000, 1000], [0, 1000]]);
		expect(ringSpikes(ring)).toHaveLength(1);
	});

	it('measures in metres, not in degrees: the same wedge is a spike at any latitude', () => {
		for (const lat of [-18, -33, -55]) expect(ringSpikes(squareWithWedge(60, 1000, lat))).toHaveLength(1);
		// At 55° S a degree of longitude is 0.57 of one of latitude. A wedge 4° wide in degrees
		// pointing east is 7° on the ground; one 8° wide in degrees pointing north is 4.6°.
		const at = (points: number[][]) => [...points, points[0]].map(([x, y]) => [-71 + x, -55 + y]);
		const h = 0.01 * Math.tan((2 * Math.PI) / 180);
		const w = 0.01 * Math.tan((4 * Math.PI) / 180);
		const east = at([[0, 0], [0.01, 0], [0.01, 0.005 - h], [0.02, 0.005], [0.01, 0.005 + h], [0.01, 0.01], [0, 0.01]]);
		const north = at([[0, 0], [0.01, 0], [0.01, 0.01], [0.005 + w, 0.01], [0.005, 0.02], [0.005 - w, 0.01], [0, 0.01]]);
		expect(ringSpikes(east)).toEqual([]);
		expect(ringSpikes(north)).toHaveLength(1);
		expect(ringSpikes(north)[0].angleDeg).toBeCloseTo(4.59, 1);
	});

	it('ignores repeated vertices and the closing vertex', () => {
		const ring = squareWithWedge(60, 1000);
		const doubled = ring.flatMap((p) => [p, p]);
		expect(ringSpikes(doubled)).toHaveLength(1);
		expect(ringSpikes(ring.slice(0, -1))).toHaveLength(1);
	});

	it('uses the options it is given', () => {
		expect(ringSpikes(squareWithWedge(200, 1000), { ...SPIKE_OPTIONS, maxAngleDeg: 15 })).toHaveLength(1);
		expect(ringSpikes(squareWithWedge(60, 1000), { ...SPIKE_OPTIONS, minLengthM: 2000 })).toEqual([]);
	});
});

describe('assertNoSpikes', () => {
	it('passes clean shapes and fails loudly, naming each spike, otherwise', () => {
		const clean = { name: 'a.geojson: comuna 1', polygons: [[ringAt(-71, -33, [[0, 0], [1000, 0], [1000, 1000], [0, 1000]])]] };
		expect(() => assertNoSpikes([clean])).not.toThrow();
		const spiky = { name: 'region/05.geojson: comuna 05801', polygons: [[squareWithWedge(60, 1000)]] };
		expect(polygonsSpikes(spiky.polygons)).toHaveLength(1);
		expect(() => assertNoSpikes([clean, spiky])).toThrow(/1 spike\(s\)[\s\S]*region\/05\.geojson: comuna 05801: \[-70\.97\d+, -32\.99\d+\] antenna 3\.44°, 100\d m/);
	});
});
