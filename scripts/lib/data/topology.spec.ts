import { feature } from 'topojson-client';
import { simplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import type { CodeList } from './code-list.ts';
import { polygonsSpikes } from './spikes.ts';
import { featuresOf, presimplified, simplifiedTopology, territoryTopology } from './topology.ts';

const LIST: CodeList = {
	regions: [{ code: '05', roman: 'V', name: 'Valparaíso', north_to_south: '1' }],
	provinces: [{ code: '051', region_code: '05', name: 'Valparaíso' }],
	communes: [{ code: '05101', province_code: '051', region_code: '05', name: 'Valparaíso' }]
};

// A 1° square with a strip 2° long and 0.03° wide (3 km) out of its side, its end cut slantwise:
// the end's two corners weigh 311 and 316 km² for Visvalingam.
const strip = [[0, 0], [1, 0], [1, 0.5], [3, 0.5], [3.02, 0.53], [1, 0.53], [1, 1], [0, 1], [0, 0]].map(([x, y]) => [x - 71, y - 33]);
const LEVEL = { minTriangleKm2: 313, minPartKm2: 0, quantization: 1e6 };
const EARTH_RADIUS_KM = 6371.0088;

describe('simplifiedTopology', () => {
	it('does not turn a thin strip into a spike, as plain Visvalingam does', () => {
		const full = territoryTopology(LIST, new Map([['05101', [[strip]]]]), []);
		const weighted = presimplified(full);

		// Dropping only the lighter corner leaves the strip as a 0.9° spike.
		const plain = simplify(weighted as never, LEVEL.minTriangleKm2 / EARTH_RADIUS_KM ** 2) as unknown as Topology;
		const plainRing = (feature(plain, plain.objects.comunas) as unknown as { features: { geometry: { coordinates: number[][][][] } }[] })
			.features[0].geometry.coordinates;
		expect(polygonsSpikes(plainRing)).toHaveLength(1);

		const simplified = simplifiedTopology(weighted, LIST, LEVEL);
		for (const key of ['comunas', 'provincias', 'regiones'] as const) {
			const [shape] = featuresOf(simplified, key);
			expect(polygonsSpikes(shape.geometry!.coordinates)).toEqual([]);
			// The strip is still there, out to its end.
			expect(Math.max(...shape.geometry!.coordinates[0][0].map(([x]) => x))).toBeCloseTo(-71 + 3.02, 5);
		}
	});
});
