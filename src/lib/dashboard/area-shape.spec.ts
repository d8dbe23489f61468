import { describe, expect, it } from 'vitest';
import { areaFeatures, areaPolygon, closeRing } from './area-shape';

const distanceKm = ([lon1, lat1]: number[], [lon2, lat2]: number[]) => {
	const rad = Math.PI / 180;
	const a =
		Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
		Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
};

describe('areaPolygon', () => {
	it('draws a circle as a closed ring whose every vertex is the radius away from the centre', () => {
		const ring = areaPolygon({ kind: 'circle', lon: -70.65, lat: -33.45, radiusKm: 5 }).geometry
			.coordinates[0];
		expect(ring.length).toBe(65);
		expect(ring[0]).toEqual(ring.at(-1));
		for (const vertex of ring) expect(distanceKm(vertex, [-70.65, -33.45])).toBeCloseTo(5, 2);
	});

	it('keeps a polygon as drawn', () => {
		const ring: [number, number][] = [
			[-70, -33],
			[-70.1, -33],
			[-70.1, -33.1],
			[-70, -33]
		];
		expect(areaPolygon({ kind: 'polygon', ring }).geometry.coordinates).toEqual([ring]);
	});
});

describe('closeRing', () => {
	it('needs three vertices and closes on the first', () => {
		expect(
			closeRing([
				[1, 1],
				[2, 2]
			])
		).toBeNull();
		expect(
			closeRing([
				[1, 1],
				[2, 2],
				[3, 1]
			])
		).toEqual([
			[1, 1],
			[2, 2],
			[3, 1],
			[1, 1]
		]);
	});
});

describe('areaFeatures', () => {
	it("shows the applied area and the draft polygon's vertices and edges", () => {
		const features = areaFeatures({ kind: 'circle', lon: 0, lat: 0, radiusKm: 1 }, [
			[1, 1],
			[2, 2]
		]).features.map((f) => f.geometry.type);
		expect(features).toEqual(['Polygon', 'LineString', 'Point', 'Point']);
		expect(areaFeatures(undefined, []).features).toEqual([]);
	});
});
