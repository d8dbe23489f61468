import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { feature, mergeArcs, quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type {
	GeometryCollection,
	GeometryObject,
	MultiPolygon as TopoMultiPolygon,
	Polygon as TopoPolygon,
	Topology
} from 'topojson-specification';
import type { CodeList } from './code-list.ts';
import { polygonAreaKm2, ringAreaKm2, type MultiPolygonCoordinates } from './geometry.ts';
import { findRingSpikes } from './spikes.ts';

/**
 * One TopoJSON topology for the whole territory. `comunas` come from the clean coverage;
 * `provincias` and `regiones` are merges of the comunas' arcs, so their borders are the very
 * same arcs as the comunas' borders at every simplification level.
 */
export interface CommuneProperties {
	code: string;
	name: string;
	province_code: string;
	region_code: string;
}
export interface ProvinceProperties {
	code: string;
	name: string;
	region_code: string;
}
export interface RegionProperties {
	code: string;
	name: string;
	roman: string;
}
export interface UndemarcatedProperties {
	name: string;
}

type Areal = TopoPolygon | TopoMultiPolygon;
export type TerritoryObjects = {
	comunas: GeometryCollection<CommuneProperties>;
	provincias: GeometryCollection<ProvinceProperties>;
	regiones: GeometryCollection<RegionProperties>;
	zonas_sin_demarcar: GeometryCollection<UndemarcatedProperties>;
};
export type TerritoryTopology = Topology<TerritoryObjects>;

const EARTH_RADIUS_KM = 6371.0088;
const km2ToSteradians = (km2: number) => km2 / (EARTH_RADIUS_KM * EARTH_RADIUS_KM);

function areaFeature<P>(properties: P, coordinates: MultiPolygonCoordinates | undefined): Feature<MultiPolygon | null, P> {
	return {
		type: 'Feature',
		properties,
		geometry: coordinates && coordinates.length ? { type: 'MultiPolygon', coordinates } : null
	};
}

/** Adds `provincias` and `regiones` as arc merges of the (possibly filtered) comunas. */
function withMerges(
	topology: Topology<Pick<TerritoryObjects, 'comunas' | 'zonas_sin_demarcar'>>,
	list: CodeList
): TerritoryTopology {
	const comunas = topology.objects.comunas.geometries;
	const mergeOf = (belongs: (properties: CommuneProperties) => boolean) => {
		const members = comunas.filter(
			(geometry) => geometry.type !== null && belongs(geometry.properties as CommuneProperties)
		) as (Areal & { properties: CommuneProperties })[];
		const merged = mergeArcs(
			topology,
			members
		);
		return merged.arcs.length ? merged : ({ type: null } as unknown as TopoMultiPolygon);
	};
	const provincias: GeometryCollection<ProvinceProperties> = {
		type: 'GeometryCollection',
		geometries: list.provinces.map((p) => ({
			...mergeOf((c) => c.province_code === p.code),
			properties: { code: p.code, name: p.name, region_code: p.region_code }
		}))
	};
	const regiones: GeometryCollection<RegionProperties> = {
		type: 'GeometryCollection',
		geometries: list.regions.map((r) => ({
			...mergeOf((c) => c.region_code === r.code),
			properties: { code: r.code, name: r.name, roman: r.roman }
		}))
	};
	return {
		...topology,
		objects: {
			comunas: topology.objects.comunas,
			provincias,
			regiones,
			zonas_sin_demarcar: topology.objects.zonas_sin_demarcar
		}
	};
}

/**
 * The full-resolution topology. Coordinates stay as they are (no quantization) so that the
 * database receives exactly the coverage's vertices.
 */
export function territoryTopology(
	list: CodeList,
	communeAreas: Map<string, MultiPolygonCoordinates>,
	undemarcated: { name: string; coordinates: MultiPolygonCoordinates }[]
): TerritoryTopology {
	const sortedCommunes = [...list.communes].sort((a, b) => a.code.localeCompare(b.code));
	const comunas: FeatureCollection<MultiPolygon | null, CommuneProperties> = {
		type: 'FeatureCollection',
		features: sortedCommunes.map((c) =>
			areaFeature(
				{ code: c.code, name: c.name, province_code: c.province_code, region_code: c.region_code },
				communeAreas.get(c.code)
			)
		)
	};
	const zonas: FeatureCollection<MultiPolygon | null, UndemarcatedProperties> = {
		type: 'FeatureCollection',
		features: undemarcated.map((zone) => areaFeature({ name: zone.name }, zone.coordinates))
	};
	const base = buildTopology({ comunas, zonas_sin_demarcar: zonas }) as unknown as Topology<
		Pick<TerritoryObjects, 'comunas' | 'zonas_sin_demarcar'>
	>;
	return withMerges(base, { ...list, provinces: sortedByCode(list.provinces), regions: sortedByCode(list.regions) });
}

const sortedByCode = <T extends { code: string }>(items: T[]) => [...items].sort((a, b) => a.code.localeCompare(b.code));

export interface SimplifyOptions {
	/** Visvalingam: drop vertices whose effective triangle is smaller than this. */
	minTriangleKm2: number;
	/** Drop islands and holes smaller than this, except each comuna's largest part. */
	minPartKm2: number;
	/** Quantization of the simplified topology (grid steps across its bounding box). */
	quantization: number;
}

function decodeRing(topology: Topology, ring: number[]): number[][] {
	const points: number[][] = [];
	for (const index of ring) {
		const arc = topology.arcs[index < 0 ? ~index : index];
		const ordered = index < 0 ? [...arc].reverse() : arc;
		points.push(...(points.length ? ordered.slice(1) : ordered));
	}
	return points;
}

/** Full-resolution areas decide which parts are kept, so every level keeps the same islands. */
function withoutSmallParts(topology: TerritoryTopology, minPartKm2: number): TerritoryTopology {
	const filterGeometry = <G extends { type: string | null; arcs?: unknown }>(geometry: G): G => {
		if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return geometry;
		const polygons = (geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs) as number[][][];
		const areas = polygons.map((polygon) =>
			polygonAreaKm2(polygon.map((ring) => decodeRing(topology as unknown as Topology, ring)))
		);
		const largest = areas.indexOf(Math.max(...areas));
		const kept = polygons
			.filter((_, i) => i === largest || areas[i] >= minPartKm2)
			.map(([exterior, ...holes]) => [
				exterior,
				...holes.filter((hole) => ringAreaKm2(decodeRing(topology as unknown as Topology, hole)) >= minPartKm2)
			]);
		return { ...geometry, type: 'MultiPolygon', arcs: kept };
	};
	return {
		...topology,
		objects: {
			...topology.objects,
			comunas: { ...topology.objects.comunas, geometries: topology.objects.comunas.geometries.map(filterGeometry) },
			zonas_sin_demarcar: {
				...topology.objects.zonas_sin_demarcar,
				geometries: topology.objects.zonas_sin_demarcar.geometries.map(filterGeometry)
			}
		}
	};
}

type WeightedPoint = [number, number, number];
// topojson-simplify and topojson-client type their Topology generics differently.
type SimplifiableTopology = Parameters<typeof presimplify>[0];

/**
 * Visvalingam keeps only arc endpoints of tiny rings, which would collapse them to a line.
 * Promote the strongest inner points of any ring that would keep fewer than three vertices;
 * arcs are shared, so the neighbour's border gets the same points.
 */
function protectRings(topology: SimplifiableTopology, minWeight: number) {
	const arcs = topology.arcs as unknown as WeightedPoint[][];
	const visit = (geometry: { type: string | null; arcs?: unknown }) => {
		if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return;
		const polygons = (geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs) as number[][][];
		for (const ring of polygons.flat()) {
			for (;;) {
				const kept = new Set<string>();
				let strongest: WeightedPoint | null = null;
				for (const index of ring) {
					for (const point of arcs[index < 0 ? ~index : index]) {
						if (point[2] >= minWeight) kept.add(`${point[0]},${point[1]}`);
						else if (!strongest || point[2] > strongest[2]) strongest = point;
					}
				}
				if (kept.size >= 3 || !strongest) break;
				strongest[2] = Infinity;
			}
		}
	};
	for (const object of Object.values(topology.objects)) {
		for (const geometry of (object as GeometryCollection).geometries) visit(geometry);
	}
}

/** Visvalingam weights (spherical effective areas) for every arc point, computed once for all levels. */
export function presimplified(full: TerritoryTopology): TerritoryTopology {
	// presimplify copies the arcs; the input topology is left as it was.
	return presimplify(full as unknown as SimplifiableTopology, sphericalTriangleArea) as unknown as TerritoryTopology;
}

/**
 * A lighter topology for the map: small parts dropped, arcs simplified, then quantized.
 * `weighted` comes from presimplified(); it is not modified.
 */
export function simplifiedTopology(weighted: TerritoryTopology, list: CodeList, options: SimplifyOptions): TerritoryTopology {
	const copy = {
		...weighted,
		arcs: (weighted.arcs as unknown as WeightedPoint[][]).map((arc) => arc.map((p) => [p[0], p[1], p[2]]))
	} as unknown as TerritoryTopology;
	const filtered = withoutSmallParts(copy, options.minPartKm2);
	const merged = withMerges(filtered, {
		...list,
		provinces: sortedByCode(list.provinces),
		regions: sortedByCode(list.regions)
	}) as unknown as SimplifiableTopology;
	const minWeight = km2ToSteradians(options.minTriangleKm2);
	protectRings(merged, minWeight);
	for (let round = 0; ; round++) {
		const quantized = quantize(simplify(merged, minWeight), options.quantization) as unknown as Topology;
		if (restoreAroundSpikes(merged, minWeight, quantized.transform!) === 0 || round === MAX_SPIKE_ROUNDS) {
			return quantized as unknown as TerritoryTopology;
		}
	}
}

/** Rounds of restoring points, at most; in practice one or two. */
const MAX_SPIKE_ROUNDS = 20;

/** Every ring of every polygon of the topology, as arc references. */
function ringsOf(topology: SimplifiableTopology): number[][] {
	const rings: number[][] = [];
	for (const object of Object.values(topology.objects)) {
		for (const geometry of (object as GeometryCollection).geometries) {
			if (geometry.type === 'Polygon') rings.push(...(geometry.arcs as number[][]));
			else if (geometry.type === 'MultiPolygon') rings.push(...(geometry.arcs as number[][][]).flat());
		}
	}
	return rings;
}

/**
 * Visvalingam drops the corners of a thin shape first (their triangles are the smallest), so a
 * strip a few hundred metres wide can come out as a spike; quantization can do the same to a
 * blunt tip. For every spike in the simplified and quantized rings (spikes.ts), put back the
 * strongest dropped point on each side of its tip, in the shared arcs, so that every ring using
 * them gets it. Returns how many points were put back; the caller simplifies again.
 */
function restoreAroundSpikes(
	merged: SimplifiableTopology,
	minWeight: number,
	transform: { scale: [number, number]; translate: [number, number] }
): number {
	const arcs = merged.arcs as unknown as WeightedPoint[][];
	const [kx, ky] = transform.scale;
	const [dx, dy] = transform.translate;
	const quantized = (point: WeightedPoint): [number, number] => [
		Math.round((point[0] - dx) / kx) * kx + dx,
		Math.round((point[1] - dy) / ky) * ky + dy
	];
	let restored = 0;
	const done = new Set<WeightedPoint>();
	for (const ring of ringsOf(merged)) {
		// All the ring's points in order, and the kept ones as the map file will have them.
		const points: WeightedPoint[] = [];
		for (const index of ring) {
			const arc = arcs[index < 0 ? ~index : index];
			const ordered = index < 0 ? [...arc].reverse() : arc;
			points.push(...(points.length ? ordered.slice(1) : ordered));
		}
		points.pop(); // the closing repeat
		const keptAt: number[] = [];
		const xs: number[] = [];
		const ys: number[] = [];
		for (let i = 0; i < points.length; i++) {
			if (points[i][2] < minWeight) continue;
			const [x, y] = quantized(points[i]);
			if (xs.length && x === xs[xs.length - 1] && y === ys[ys.length - 1]) continue;
			keptAt.push(i);
			xs.push(x);
			ys.push(y);
		}
		while (xs.length > 1 && xs[0] === xs[xs.length - 1] && ys[0] === ys[ys.length - 1]) {
			xs.pop();
			ys.pop();
			keptAt.pop();
		}
		for (const spike of findRingSpikes(xs, ys)) {
			const strongestDropped = (from: number, to: number) => {
				let best: WeightedPoint | null = null;
				for (let k = (from + 1) % points.length; k !== to; k = (k + 1) % points.length) {
					const point = points[k];
					if (point[2] < minWeight && (!best || point[2] > best[2])) best = point;
				}
				return best;
			};
			for (const point of [
				strongestDropped(keptAt[spike.before], keptAt[spike.tip]),
				strongestDropped(keptAt[spike.tip], keptAt[spike.after])
			]) {
				if (!point || done.has(point)) continue;
				point[2] = Infinity;
				done.add(point);
				restored++;
			}
		}
	}
	return restored;
}

type PropertiesOf = {
	comunas: CommuneProperties;
	provincias: ProvinceProperties;
	regiones: RegionProperties;
	zonas_sin_demarcar: UndemarcatedProperties;
};

/** GeoJSON features of one object of the topology, in its stored order, always MultiPolygon (or null). */
export function featuresOf<K extends keyof PropertiesOf>(
	topology: TerritoryTopology,
	key: K
): Feature<MultiPolygon | null, PropertiesOf[K]>[] {
	const collection = feature(topology as unknown as Topology, topology.objects[key] as GeometryObject) as FeatureCollection;
	return collection.features.map((f) => ({
		type: 'Feature',
		properties: f.properties as PropertiesOf[K],
		geometry:
			f.geometry === null
				? null
				: f.geometry.type === 'Polygon'
					? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] }
					: (f.geometry as MultiPolygon)
	}));
}
