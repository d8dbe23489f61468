import type { ClientBase } from 'pg';
import type { Topology } from 'topojson-specification';
import type { CodeList } from '../data/code-list.ts';
import { COMMUNES_WITHOUT_POLYGON } from '../data/code-list.ts';
import { readBuiltTopology } from '../data/build.ts';

/**
 * What the generator needs to know about the territory: names and codes, each comuna's area (null
 * for a comuna without polygon, where nothing can be placed) and a few points on its sea coast
 * (empty for inland comunas) for harbour works.
 */
export interface SampleRegion {
	code: string;
	name: string;
}
export interface SampleProvince {
	code: string;
	region_code: string;
	name: string;
}
export interface SampleCommune {
	code: string;
	province_code: string;
	region_code: string;
	name: string;
	areaKm2: number | null;
	/** [lon, lat] points on the comuna's sea coast. */
	coast: [number, number][];
}
export interface SampleTerritory {
	regions: SampleRegion[];
	provinces: SampleProvince[];
	communes: SampleCommune[];
}

/**
 * Inhabitants per region (Censo 2024, rounded to thousands): with the region's area, how the
 * projects are spread, so that Santiago has the most but Aysén is not empty.
 */
export const REGION_POPULATION_THOUSANDS: Readonly<Record<string, number>> = {
	'15': 245,
	'01': 370,
	'02': 635,
	'03': 299,
	'04': 833,
	'05': 1896,
	'13': 7401,
	'06': 987,
	'07': 1123,
	'16': 512,
	'08': 1613,
	'09': 1010,
	'14': 398,
	'10': 890,
	'11': 101,
	'12': 167
};

/** The territory as the database has it (the geometry the projects must fall in), plus the coast. */
export async function readSampleTerritory(
	client: ClientBase,
	options: { topology?: Topology | null } = {}
): Promise<{ territory: SampleTerritory; coastSource: 'topology' | 'none' }> {
	const regions = (await client.query<SampleRegion>('select code, name from public.regions order by code'))
		.rows;
	const provinces = (
		await client.query<SampleProvince>(
			'select code, region_code, name from public.provinces order by code'
		)
	).rows;
	const communes = (
		await client.query<{
			code: string;
			province_code: string;
			region_code: string;
			name: string;
			area_km2: number | null;
		}>(
			`select code, province_code, region_code, name,
			        round((extensions.st_area(geom::extensions.geography) / 1e6)::numeric, 1)::float8 as area_km2
			 from public.communes order by code`
		)
	).rows;
	let topology = options.topology;
	if (topology === undefined) topology = await readBuiltTopology().catch(() => null);
	const coast = topology ? coastPoints(topology) : new Map<string, [number, number][]>();
	return {
		territory: {
			regions,
			provinces,
			communes: communes.map((c) => ({
				code: c.code,
				province_code: c.province_code,
				region_code: c.region_code,
				name: c.name,
				areaKm2: c.area_km2,
				coast: coast.get(c.code) ?? []
			}))
		},
		coastSource: topology ? 'topology' : 'none'
	};
}

type Position = [number, number];
interface ArealGeometry {
	type: string | null;
	arcs?: number[][] | number[][][];
	properties?: { code?: string };
}

const MAX_COAST_POINTS = 48;

/**
 * Points on the sea coast of each coastal comuna, from the territory topology.
 *
 * An arc that only one comuna uses (and not the undemarcated area) is the edge of the country:
 * sea coast or international border. Chile's sea lies to the west and its borders to the east, so
 * a comuna is taken as coastal when its westernmost point is (nearly) on such an arc, and its
 * coast points are the edge vertices in the western quarter of its extent. Islands are all edge,
 * and coastal. Border comunas in the Andes have their westernmost point on a shared arc, and are
 * left out. A heuristic: a few comunas at the northern border (General Lagos) pass as coastal.
 */
export function coastPoints(topology: Topology): Map<string, Position[]> {
	const arcs = topology.arcs as Position[][];
	const objects = topology.objects as Record<string, { geometries?: ArealGeometry[] }>;
	const ringsOf = (geometry: ArealGeometry): number[][] =>
		geometry.type === 'Polygon'
			? (geometry.arcs as number[][])
			: geometry.type === 'MultiPolygon'
				? (geometry.arcs as number[][][]).flat()
				: [];
	const arcIndex = (ref: number) => (ref < 0 ? ~ref : ref);

	const uses = new Uint16Array(arcs.length);
	for (const name of ['comunas', 'zonas_sin_demarcar']) {
		for (const geometry of objects[name]?.geometries ?? []) {
			for (const ring of ringsOf(geometry)) for (const ref of ring) uses[arcIndex(ref)]++;
		}
	}

	const result = new Map<string, Position[]>();
	for (const geometry of objects.comunas?.geometries ?? []) {
		const code = geometry.properties?.code;
		if (!code) continue;
		const refs = [...new Set(ringsOf(geometry).flat().map(arcIndex))].sort((a, b) => a - b);
		let xmin = Infinity;
		let xmax = -Infinity;
		let edgeXmin = Infinity;
		for (const index of refs) {
			const arc = arcs[index];
			const closed = arc[0][0] === arc[arc.length - 1][0] && arc[0][1] === arc[arc.length - 1][1];
			arc.forEach(([x], i) => {
				if (x < xmin) xmin = x;
				if (x > xmax) xmax = x;
				// The ends of an edge arc are junctions with a neighbour, not the coast itself.
				const junction = !closed && (i === 0 || i === arc.length - 1);
				if (uses[index] === 1 && !junction && x < edgeXmin) edgeXmin = x;
			});
		}
		// Within 5 % of the comuna's width: a straight coast may run a little east of the point
		// where it meets the neighbouring comuna.
		if (edgeXmin > xmin + 0.05 * (xmax - xmin)) continue;
		const westLimit = xmin + 0.25 * (xmax - xmin);
		const candidates: Position[] = [];
		for (const index of refs) {
			if (uses[index] !== 1) continue;
			for (const [x, y] of arcs[index]) if (x <= westLimit) candidates.push([x, y]);
		}
		const step = Math.max(1, Math.floor(candidates.length / MAX_COAST_POINTS));
		const chosen = candidates.filter((_, i) => i % step === 0).slice(0, MAX_COAST_POINTS);
		if (chosen.length) result.set(code, chosen);
	}
	return result;
}

/**
 * A territory from the project's code list, with every comuna the same size and no coast unless
 * given: enough to exercise the generator in unit tests without a database.
 */
export function territoryFromCodeList(
	list: CodeList,
	coast: Record<string, Position[]> = {}
): SampleTerritory {
	return {
		regions: list.regions.map((r) => ({ code: r.code, name: r.name })),
		provinces: list.provinces.map((p) => ({ code: p.code, region_code: p.region_code, name: p.name })),
		communes: list.communes.map((c) => ({
			...c,
			areaKm2: COMMUNES_WITHOUT_POLYGON.has(c.code) ? null : 1000,
			coast: coast[c.code] ?? []
		}))
	};
}
