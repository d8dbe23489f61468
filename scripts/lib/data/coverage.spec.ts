import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { neighbors } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryObject } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildCoverage, type CoverageParticipant, type MultiPolygonCoordinates } from './coverage.ts';
import { polygonsSpikes } from './spikes.ts';
import { planarArea } from './testing/planar-area.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
	type: 'Polygon',
	coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]
});
const ring = (...points: number[][]): Polygon => ({ type: 'Polygon', coordinates: [[...points, points[0]]] });

const area = (polygons: MultiPolygonCoordinates) => Number(planarArea(polygons).toFixed(9));

function edges(polygons: MultiPolygonCoordinates): Set<string> {
	const set = new Set<string>();
	for (const r of polygons.flat()) {
		for (let k = 0; k < r.length - 1; k++) set.add([r[k].join(' '), r[k + 1].join(' ')].sort().join(' | '));
	}
	return set;
}

const run = (participants: CoverageParticipant[]) => buildCoverage(participants).areas;
const spikesOf = (areas: Map<string, MultiPolygonCoordinates>) => [...areas.values()].flatMap((a) => polygonsSpikes(a));

describe('buildCoverage', () => {
	it('gives an overlap to one side only, and both then share the same border', () => {
		const areas = run([
			{ key: 'A', geometry: rect(0, 0, 2, 1) },
			{ key: 'B', geometry: rect(1.5, 0, 3, 1) }
		]);
		// The overlap borders A and B equally: ties go to the lowest key.
		expect(area(areas.get('A')!)).toBeCloseTo(2, 9);
		expect(area(areas.get('B')!)).toBeCloseTo(1, 9);
		const a = edges(areas.get('A')!);
		expect([...edges(areas.get('B')!)].filter((e) => a.has(e))).toEqual(['2 0 | 2 1']);
	});

	it('gives an overlap to the claimant whose own territory borders it the longest', () => {
		// B's strip runs along all of A's right side: the overlap is a sliver of B's.
		let areas = run([
			{ key: 'A', geometry: rect(0, 0, 1, 1) },
			{ key: 'B', geometry: rect(0.95, -1, 2, 2) }
		]);
		expect(area(areas.get('A')!)).toBeCloseTo(0.95, 9);
		expect(area(areas.get('B')!)).toBeCloseTo(3.15, 9);
		// B only pokes into A's corner: the overlap is A's.
		areas = run([
			{ key: 'A', geometry: rect(0, 0, 1, 1) },
			{ key: 'B', geometry: rect(0.9, 0, 5, 0.2) }
		]);
		expect(area(areas.get('A')!)).toBeCloseTo(1, 9);
		expect(area(areas.get('B')!)).toBeCloseTo(0.8, 9);
	});

	it('fills a gap enclosed by several polygons with the one bordering it the longest', () => {
		const areas = run([
			{ key: 'A', geometry: rect(0, 0, 1, 1) },
			{ key: 'B', geometry: rect(1.1, 0, 2, 0.5) },
			{ key: 'C', geometry: rect(0, 1, 2, 2) },
			{ key: 'D', geometry: rect(1.1, 0.5, 2, 1) },
			{ key: 'E', geometry: rect(0, -1, 2, 0) }
		]);
		expect(area(areas.get('A')!)).toBeCloseTo(1.1, 9);
		for (const key of ['B', 'D']) expect(area(areas.get(key)!)).toBeCloseTo(0.45, 9);
		const total = [...areas.values()].reduce((sum, a) => sum + area(a), 0);
		expect(total).toBeCloseTo(6, 9);
	});

	it('leaves a notch open to the sea, and a hole inside one polygon, as they are', () => {
		const withHole: Polygon = {
			type: 'Polygon',
			coordinates: [rect(0, 0, 3, 3).coordinates[0], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]
		};
		// The notch opens at 9.5°: a bay, not a slit (see the spike tests below).
		const areas = run([
			{ key: 'A', geometry: withHole },
			{ key: 'B', geometry: ring([3, 0], [4, 0], [4, 3], [3.5, 3]) }
		]);
		expect(area(areas.get('A')!)).toBeCloseTo(8, 9);
		expect(areas.get('A')![0]).toHaveLength(2);
		expect(area(areas.get('B')!)).toBeCloseTo(3 - 0.75, 9);
	});

	it('reads invalid input by union: nested shells and repeated parts add up, they do not cut holes', () => {
		const nested: MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [rect(0, 0, 4, 4).coordinates, rect(1, 1, 2, 2).coordinates, rect(3, 3, 5, 5).coordinates]
		};
		const areas = run([{ key: 'A', geometry: nested }]);
		expect(areas.get('A')).toHaveLength(1);
		expect(area(areas.get('A')!)).toBeCloseTo(16 + 4 - 1, 9);
	});

	it('lets a yielding participant keep only unclaimed land, and never gives it gaps', () => {
		const areas = run([
			{ key: 'zone', geometry: rect(0, 0, 2, 2), yields: true },
			{ key: 'A', geometry: rect(1, 0, 3, 2) },
			{ key: 'B', geometry: rect(-1, -1, 4, 0) },
			{ key: 'C', geometry: rect(-1, 2.1, 4, 3) },
			{ key: 'D', geometry: rect(-1, 0, 0, 2.1) },
			{ key: 'E', geometry: rect(3, 0, 4, 2.1) }
		]);
		expect(area(areas.get('zone')!)).toBeCloseTo(2, 9);
		// The strip y ∈ [2, 2.1] between the zone/A and C goes to comunas, not to the zone: a chord
		// from the zone/A junction splits it, and A (tied with C, first by key) takes its part.
		expect(area(areas.get('A')!)).toBeCloseTo(4 + 0.2, 9);
		const total = [...areas.values()].reduce((sum, a) => sum + area(a), 0);
		expect(total).toBeCloseTo(5 * 4, 9);
	});

	it('makes neighbours share identical vertices, so TopoJSON finds their common arcs', () => {
		// Same border drawn differently: B has an extra vertex on it, and C's border crosses it.
		const areas = run([
			{ key: 'A', geometry: rect(0, 0, 1, 2) },
			{ key: 'B', geometry: ring([1, 0], [2, 0], [2, 1], [1, 1], [1, 0.5]) },
			{ key: 'C', geometry: ring([1.05, 1], [2, 1], [2, 2], [0.95, 2]) }
		]);
		const a = edges(areas.get('A')!);
		const shared = [...edges(areas.get('B')!)].filter((e) => a.has(e));
		expect(shared.sort()).toEqual(['1 0 | 1 0.5', '1 0.5 | 1 1']);
		const collection: FeatureCollection = {
			type: 'FeatureCollection',
			features: ['A', 'B', 'C'].map((key) => ({
				type: 'Feature',
				properties: {},
				geometry: { type: 'MultiPolygon', coordinates: areas.get(key)! }
			}))
		};
		const topo = topology({ c: collection });
		const geometries = (topo.objects.c as { geometries: GeometryObject[] }).geometries;
		expect(neighbors(geometries)).toEqual([[1, 2], [0, 2], [0, 1]]);
		const total = [...areas.values()].reduce((sum, x) => sum + area(x), 0);
		expect(total).toBeCloseTo(4, 9);
	});

	it('keeps islands and a participant made only of islands', () => {
		const areas = run([
			{ key: 'A', geometry: { type: 'MultiPolygon', coordinates: [rect(0, 0, 1, 1).coordinates, rect(3, 3, 3.1, 3.1).coordinates] } },
			{ key: 'B', geometry: rect(5, 5, 5.01, 5.01) }
		]);
		expect(areas.get('A')).toHaveLength(2);
		expect(area(areas.get('B')!)).toBeCloseTo(0.0001, 9);
	});

	it('absorbs a detached crumb left inside a neighbour', () => {
		// A tiny part of B sits in a corner of a small hole of A: the rest of the hole is a gap
		// (enclosed by A and B) and goes to A, which leaves B's part (~0.3 km²) inside A: A absorbs it.
		const withHole: Polygon = {
			type: 'Polygon',
			coordinates: [rect(0, 0, 1, 1).coordinates[0], [[0.49, 0.49], [0.49, 0.51], [0.51, 0.51], [0.51, 0.49], [0.49, 0.49]]]
		};
		const crumb = rect(0.49, 0.49, 0.495, 0.495).coordinates;
		const areas = run([
			{ key: 'A', geometry: withHole },
			{ key: 'B', geometry: { type: 'MultiPolygon', coordinates: [rect(1, 0, 2, 1).coordinates, crumb] } }
		]);
		expect(areas.get('A')).toEqual([[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]]);
		expect(areas.get('B')).toHaveLength(1);
		// A large part in the same place is a real exclave and stays.
		const large = run([
			{ key: 'A', geometry: { type: 'Polygon', coordinates: [rect(0, 0, 1, 1).coordinates[0], rect(0.2, 0.2, 0.8, 0.8).coordinates[0]] } },
			{ key: 'B', geometry: { type: 'MultiPolygon', coordinates: [rect(1, 0, 2, 1).coordinates, rect(0.3, 0.3, 0.7, 0.7).coordinates] } }
		]);
		expect(large.get('B')).toHaveLength(2);
	});

	it('fills a thin slit of sea between two neighbours', () => {
		// B's coast leaves the border 3.8° off A's: a slit of sea 3 long (a spike of the sea). It is
		// filled as far as its shorter side (A's) reaches: all but a crumb of 0.0007 at its mouth.
		const areas = run([
			{ key: 'A', geometry: rect(0, 0, 3, 3) },
			{ key: 'B', geometry: ring([3, 0], [4, 0], [4, 3], [3.2, 3]) }
		]);
		expect(area(areas.get('A')!) + area(areas.get('B')!)).toBeCloseTo(12, 2);
		expect(area(areas.get('A')!) + area(areas.get('B')!)).toBeLessThan(12);
		expect(spikesOf(areas)).toEqual([]);
	});

	it('cuts a slit only as deep as it can without taking in what lies in it', () => {
		// An islet in the mouth of the slit: the slit is filled from its tip to halfway (the cut is
		// tried as long as the slit, then half as long), and the islet stays as it is.
		const areas = run([
			{ key: 'A', geometry: rect(0, 0, 3, 3) },
			{ key: 'B', geometry: ring([3, 0], [4, 0], [4, 3], [3.2, 3]) },
			{ key: 'I', geometry: ring([3.1, 2.9], [3.12, 2.9], [3.12, 2.92], [3.1, 2.92]) }
		]);
		expect(area(areas.get('I')!)).toBeCloseTo(0.0004, 9);
		expect(area(areas.get('A')!) + area(areas.get('B')!)).toBeCloseTo(12 - 0.3 + 0.3 / 4, 3);
		expect(spikesOf(areas)).toEqual([]);
	});

	it('cuts a thin antenna off a polygon', () => {
		// A peninsula 2 long and 0.04 wide at its base (a 1.1° spike) in the source itself.
		const areas = run([{ key: 'A', geometry: ring([0, 0], [1, 0], [1, 0.5], [3, 0.52], [1, 0.54], [1, 1], [0, 1]) }]);
		expect(area(areas.get('A')!)).toBeCloseTo(1, 9);
		expect(spikesOf(areas)).toEqual([]);
	});

	it('splits a gap among the neighbours around each part, so no one gets an arm between two others', () => {
		// A and B meet at (0, -5) and part towards D, leaving a wedge between them that opens into a
		// sliver along D. D borders the gap the longest (10), so given whole the gap would be D's,
		// with a 4.6° antenna reaching down between A and B to (0, -5).
		const areas = run([
			{ key: 'A', geometry: ring([-5, -5], [0, -5], [-0.2, 0], [-5, 0]) },
			{ key: 'B', geometry: ring([0, -5], [5, -5], [5, 0], [0.2, 0]) },
			{ key: 'D', geometry: rect(-5, 0.05, 5, 2) },
			{ key: 'L', geometry: rect(-6, -6, -5, 2) },
			{ key: 'R', geometry: rect(5, -6, 6, 2) },
			{ key: 'S', geometry: rect(-5, -6, 5, -5) }
		]);
		expect(area(areas.get('D')!)).toBeCloseTo(10 * 1.95, 9);
		const total = [...areas.values()].reduce((sum, a) => sum + area(a), 0);
		expect(total).toBeCloseTo(12 * 8, 9);
		expect(spikesOf(areas)).toEqual([]);
	});

	it('does not depend on the order of its input', () => {
		const participants: CoverageParticipant[] = [
			{ key: 'A', geometry: rect(0, 0, 2, 1) },
			{ key: 'B', geometry: ring([1.5, -0.2], [3, 0], [3, 1], [1.7, 1.3]) },
			{ key: 'C', geometry: rect(0, 1.05, 3, 2) }
		];
		const forward = Object.fromEntries(run(participants));
		const backward = Object.fromEntries(run([...participants].reverse()));
		expect(backward).toEqual(forward);
		expect(JSON.stringify(Object.fromEntries(run(participants)))).toBe(JSON.stringify(forward));
	});
});
