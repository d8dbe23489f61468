import { describe, expect, it } from 'vitest';
import { bboxOf, labelPoint, mainlandBBox, ringAreaKm2, roundBBox, roundPolygons, type PolygonCoordinates } from './geometry.ts';

const square = (x: number, y: number, size: number): PolygonCoordinates => [
	[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
];

function inside([px, py]: [number, number], polygon: PolygonCoordinates): boolean {
	let result = false;
	for (const ring of polygon) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [ax, ay] = ring[i];
			const [bx, by] = ring[j];
			if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) result = !result;
		}
	}
	return result;
}

describe('ringAreaKm2', () => {
	it('measures on the sphere: a 1° cell is ~12 360 km² at the equator and half that at 60°', () => {
		expect(ringAreaKm2(square(0, 0, 1)[0])).toBeCloseTo(12_364, -2);
		expect(ringAreaKm2(square(0, 59.5, 1)[0]) / ringAreaKm2(square(0, -0.5, 1)[0])).toBeCloseTo(0.5, 2);
	});
});

describe('labelPoint', () => {
	it('puts the label inside a U-shaped comuna, where the centroid would fall outside', () => {
		const u: PolygonCoordinates = [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]];
		const point = labelPoint(u);
		expect(inside(point, u)).toBe(true);
		// The widest place is the base of the U.
		expect(point[1]).toBeLessThan(1);
	});

	it('avoids a hole', () => {
		const ring: PolygonCoordinates = [square(0, 0, 4)[0], [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]];
		const point = labelPoint(ring);
		expect(inside(point, ring)).toBe(true);
	});
});

describe('mainlandBBox', () => {
	it('keeps near islands and leaves far oceanic ones out', () => {
		const mainland = square(-72, -34, 2);
		const nearIsland = square(-73, -33, 0.1); // ~80 km off the coast
		const farIsland = square(-79, -34, 0.1); // like Juan Fernández, ~600 km off
		expect(mainlandBBox([farIsland, mainland, nearIsland])).toEqual([-73, -34, -70, -32]);
		expect(bboxOf([farIsland, mainland, nearIsland])).toEqual([-79, -34, -70, -32]);
	});
});

describe('rounding', () => {
	it('rounds coordinates, drops repeated points and collapsed rings or polygons', () => {
		const tiny = square(1, 1, 0.000001);
		const withCollapsingHole: PolygonCoordinates = [square(0, 0, 1)[0], tiny[0]];
		expect(roundPolygons([withCollapsingHole, tiny], 5)).toEqual([
			[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
		]);
		expect(roundPolygons([[[[0.123456, 0], [0.123459, 0], [1, 0], [1, 1], [0.123456, 0]]]])).toEqual([
			[[[0.12346, 0], [1, 0], [1, 1], [0.12346, 0]]]
		]);
	});

	it('rounds boxes outwards so they still contain the shape', () => {
		expect(roundBBox([-70.123456, -33.123456, -70.000001, -33.000001])).toEqual([-70.12346, -33.12346, -70, -33]);
	});
});
