import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parseCodeList } from '../data/code-list.ts';
import { coastPoints, territoryFromCodeList } from './territory.ts';

/**
 * A: a coastal comuna (the sea to its west). B: its inland neighbour, whose edge is a border to the
 * east. C: an island. D: a comuna whose west edge is shared with the undemarcated area.
 */
const topology = {
	type: 'Topology',
	arcs: [
		[
			[1, 0],
			[1, 1]
		], // 0: A | B
		[
			[1, 1],
			[0.5, 1],
			[0, 1],
			[0, 0.5],
			[0, 0],
			[0.5, 0],
			[1, 0]
		], // 1: A's coast
		[
			[1, 0],
			[2, 0],
			[2, 1],
			[1, 1]
		], // 2: B's border
		[
			[-3, 0],
			[-2, 0],
			[-2, 1],
			[-3, 1],
			[-3, 0]
		], // 3: island C
		[
			[5, 0],
			[5, 1]
		], // 4: D | undemarcated
		[
			[5, 1],
			[6, 1],
			[6, 0],
			[5, 0]
		], // 5: D's other sides
		[
			[5, 0],
			[4, 0],
			[4, 1],
			[5, 1]
		] // 6: undemarcated area's other sides
	],
	objects: {
		comunas: {
			type: 'GeometryCollection',
			geometries: [
				{ type: 'Polygon', arcs: [[1, 0]], properties: { code: 'A' } },
				{ type: 'Polygon', arcs: [[2, -1]], properties: { code: 'B' } },
				{ type: 'MultiPolygon', arcs: [[[3]]], properties: { code: 'C' } },
				{ type: 'Polygon', arcs: [[5, 4]], properties: { code: 'D' } }
			]
		},
		zonas_sin_demarcar: {
			type: 'GeometryCollection',
			geometries: [{ type: 'Polygon', arcs: [[-5, 6]], properties: { name: 'Zona' } }]
		}
	}
} as unknown as Topology;

describe('coastPoints', () => {
	const coast = coastPoints(topology);

	it('finds the coastal comunas and islands, not those whose edge is a land border', () => {
		expect([...coast.keys()].sort()).toEqual(['A', 'C']);
	});

	it('takes coast points on the western edge only', () => {
		const a = coast.get('A')!;
		expect(a.length).toBeGreaterThan(0);
		for (const [x] of a) expect(x).toBeLessThanOrEqual(0.25);
		expect(a).toContainEqual([0, 0.5]);
	});
});

describe('territoryFromCodeList', () => {
	it('marks the comuna without polygon and gives coast only where asked', () => {
		const list = parseCodeList(
			'code,roman,name,north_to_south\n12,XII,Magallanes y de la Antártica Chilena,1\n',
			'code,region_code,name\n121,12,Magallanes\n122,12,Antártica Chilena\n',
			'code,province_code,region_code,name\n12101,121,12,Punta Arenas\n12202,122,12,Antártica\n'
		);
		const territory = territoryFromCodeList(list, { '12101': [[-70.9, -53.1]] });
		expect(territory.communes.find((c) => c.code === '12202')!.areaKm2).toBeNull();
		expect(territory.communes.find((c) => c.code === '12101')!.coast).toEqual([[-70.9, -53.1]]);
	});
});
