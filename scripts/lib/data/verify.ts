import type { MultiPolygon, Polygon } from 'geojson';
import type { ClientBase } from 'pg';
import { assertNoSpikes } from './spikes.ts';

/**
 * Checks of the official territory as loaded in the database: the counts of the CUT, geometry that
 * is valid, nested and spike-free, official names and order, and commune_at answering for known
 * places. The load runs them before it commits, and `npm test` (suite db) runs them against the
 * test database. They live here, not in pgTAP, because they are about the data the pipeline
 * loads: the schema's own tests build the small territory they need and pass on an empty database.
 */

export interface TerritoryCheck {
	name: string;
	/** Empty when the check passes; otherwise what is wrong, one line each. */
	problems: string[];
}

/** The CUT's counts: 16 regiones, 56 provincias, 346 comunas. */
export const officialCounts = { regions: 16, provinces: 56, communes: 346 } as const;

/** Regions from north to south, as the code list orders them (`north_to_south`). */
export const regionsNorthToSouth = [
	'15', '01', '02', '03', '04', '05', '13', '06', '07', '16', '08', '09', '14', '10', '11', '12'
] as const;

/** Real places, north to south plus the islands; each point sits inside the comuna's built-up area. */
export const knownPlaces: ReadonlyArray<{ place: string; lon: number; lat: number; commune: string }> = [
	{ place: 'Arica', lon: -70.298, lat: -18.48, commune: '15101' },
	{ place: 'Iquique', lon: -70.125, lat: -20.245, commune: '01101' },
	{ place: 'Calama', lon: -68.929, lat: -22.456, commune: '02201' },
	{ place: 'Copiapó', lon: -70.332, lat: -27.3668, commune: '03101' },
	{ place: 'Vicuña', lon: -70.711, lat: -30.032, commune: '04106' },
	{ place: 'Valparaíso', lon: -71.6197, lat: -33.0458, commune: '05101' },
	{ place: 'Santiago (Plaza de Armas)', lon: -70.6506, lat: -33.4378, commune: '13101' },
	{ place: 'Rancagua', lon: -70.7397, lat: -34.1701, commune: '06101' },
	{ place: 'Talca', lon: -71.6554, lat: -35.4264, commune: '07101' },
	{ place: 'Chillán', lon: -72.1034, lat: -36.6066, commune: '16101' },
	{ place: 'Los Ángeles', lon: -72.35, lat: -37.4697, commune: '08301' },
	{ place: 'Temuco', lon: -72.5904, lat: -38.7359, commune: '09101' },
	{ place: 'Valdivia', lon: -73.2452, lat: -39.8142, commune: '14101' },
	{ place: 'Osorno', lon: -73.133, lat: -40.574, commune: '10301' },
	{ place: 'Coyhaique', lon: -72.0662, lat: -45.5752, commune: '11101' },
	{ place: 'Punta Arenas', lon: -70.93, lat: -53.15, commune: '12101' },
	{ place: 'Hanga Roa, Isla de Pascua', lon: -109.42, lat: -27.13, commune: '05201' }
];

/** Places in no comuna: the Pacific off Valparaíso, and Mendoza (Argentina). */
export const placesOutside: ReadonlyArray<{ place: string; lon: number; lat: number }> = [
	{ place: 'the Pacific', lon: -75.0, lat: -33.0 },
	{ place: 'Mendoza', lon: -68.8272, lat: -32.8895 }
];

/** A check written as a query whose rows (one text column, `problem`) are what is wrong. */
interface QueryCheck {
	name: string;
	sql: string;
	params?: unknown[];
}

const queryChecks: QueryCheck[] = [
	{
		name: 'the counts of the CUT',
		sql: `select format('%s: %s rows, expected %s', t, n, expected) as problem from (values
		        ('regions', (select count(*) from public.regions), $1::bigint),
		        ('provinces', (select count(*) from public.provinces), $2::bigint),
		        ('communes', (select count(*) from public.communes), $3::bigint)
		      ) as c (t, n, expected) where n <> expected`,
		params: [officialCounts.regions, officialCounts.provinces, officialCounts.communes]
	},
	{
		name: 'codes are the CUT format',
		sql: `select 'commune code ' || code from public.communes where code !~ '^[0-9]{5}$'
		      union all select 'province code ' || code from public.provinces where code !~ '^[0-9]{3}$'
		      union all select 'region code ' || code from public.regions where code !~ '^[0-9]{2}$'`
	},
	{
		name: 'only Antártica (12202) has no polygon',
		sql: `select 'comuna without polygon: ' || code from public.communes where geom is null and code <> '12202'
		      union all select 'Antártica (12202) is missing or has a polygon'
		      where not exists (select 1 from public.communes where code = '12202' and geom is null)
		      union all select 'province without polygon: ' || code from public.provinces where geom is null
		      union all select 'region without polygon: ' || code from public.regions where geom is null`
	},
	{
		name: 'every geometry is valid and in EPSG:4326',
		sql: `select t || ' ' || code from (
		        select 'commune' as t, code, geom from public.communes
		        union all select 'province', code, geom from public.provinces
		        union all select 'region', code, geom from public.regions
		        union all select 'undemarcated area', name, geom from public.undemarcated_areas
		      ) g
		      where geom is not null and (not extensions.st_isvalid(geom) or extensions.st_srid(geom) <> 4326)`
	},
	{
		name: 'centroid and bbox are derived for every polygon',
		sql: `select 'commune ' || code from public.communes
		      where geom is not null and (centroid is null or array_length(bbox, 1) is distinct from 4)`
	},
	{
		name: 'each province and region has the area of its comunas',
		sql: `select 'province ' || p.code from public.provinces p
		      join (select province_code, sum(extensions.st_area(geom)) as area from public.communes group by province_code) c
		        on c.province_code = p.code
		      where abs(extensions.st_area(p.geom) - c.area) > 1e-6 * greatest(c.area, 1e-9) + 1e-6
		      union all
		      select 'region ' || r.code from public.regions r
		      join (select region_code, sum(extensions.st_area(geom)) as area from public.communes group by region_code) c
		        on c.region_code = r.code
		      where abs(extensions.st_area(r.geom) - c.area) > 1e-7 * c.area`
	},
	{
		// Exact cover on one region only: the whole country takes seconds.
		name: 'Valparaíso covers each of its comunas exactly',
		sql: `select 'commune ' || c.code from public.regions r join public.communes c on c.region_code = r.code
		      where r.code = '05' and c.geom is not null and not extensions.st_covers(r.geom, c.geom)`
	},
	{
		name: 'official names, not the source spellings',
		sql: `select format('%s is %L, expected %L', code, actual, expected) from (values
		        ('08301', (select name from public.communes where code = '08301'), 'Los Ángeles'),
		        ('11', (select name from public.regions where code = '11'), 'Aysén del General Carlos Ibáñez del Campo')
		      ) as n (code, actual, expected) where actual is distinct from expected`
	},
	{
		name: 'regions are ordered north to south',
		sql: `select 'order is ' || coalesce(array_to_string(array_agg(code order by north_to_south), ','), 'empty')
		      from public.regions
		      having array_agg(code order by north_to_south) is distinct from $1::text[]`,
		params: [regionsNorthToSouth]
	},
	{
		name: 'the undemarcated area is kept apart, not as a comuna',
		sql: `select format('%s undemarcated areas, expected 1', count(*)) from public.undemarcated_areas having count(*) <> 1`
	},
	{
		name: 'commune_at finds the comuna of known places',
		sql: `select format('%s: %s, expected %s', p.place, coalesce(found.code, 'nothing'), p.commune)
		      from json_to_recordset($1::json) as p (place text, lon float8, lat float8, commune text)
		      left join lateral public.commune_at(p.lon, p.lat) as found on true
		      where found.code is distinct from p.commune
		         or found.province_code <> left(p.commune, 3) or found.region_code <> left(p.commune, 2)`,
		params: [JSON.stringify(knownPlaces)]
	},
	{
		name: 'commune_at finds nothing at sea or abroad',
		sql: `select format('%s: %s', p.place, found.code)
		      from json_to_recordset($1::json) as p (place text, lon float8, lat float8)
		      join lateral public.commune_at(p.lon, p.lat) as found on true`,
		params: [JSON.stringify(placesOutside)]
	}
];

/**
 * The polygons as the database keeps them, checked like the build's outputs: ST_MakeValid and
 * the unions of provinces and regions must not bring back what the build removed.
 */
async function spikeProblems(client: ClientBase): Promise<string[]> {
	const { rows } = await client.query<{ name: string; geojson: string }>(
		`select 'public.communes ' || code as name, extensions.st_asgeojson(geom) as geojson from public.communes where geom is not null
		 union all
		 select 'public.provinces ' || code, extensions.st_asgeojson(geom) from public.provinces where geom is not null
		 union all
		 select 'public.regions ' || code, extensions.st_asgeojson(geom) from public.regions where geom is not null
		 union all
		 select 'public.undemarcated_areas ' || name, extensions.st_asgeojson(geom) from public.undemarcated_areas where geom is not null
		 order by 1`
	);
	try {
		assertNoSpikes(
			rows.map((row) => {
				const geometry = JSON.parse(row.geojson) as Polygon | MultiPolygon;
				return {
					name: row.name,
					polygons: geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
				};
			})
		);
		return [];
	} catch (error) {
		return [(error as Error).message];
	}
}

/** Every check, passed or not (a check that cannot run at all throws). */
export async function verifyTerritory(client: ClientBase): Promise<TerritoryCheck[]> {
	const checks: TerritoryCheck[] = [];
	for (const check of queryChecks) {
		const { rows } = await client.query<Record<string, string>>(check.sql, check.params);
		checks.push({ name: check.name, problems: rows.map((row) => Object.values(row)[0]) });
	}
	checks.push({ name: 'no spikes in the stored polygons', problems: await spikeProblems(client) });
	return checks;
}

/** For the load: throws with every problem found, so the load's transaction is rolled back. */
export async function assertTerritoryVerified(client: ClientBase): Promise<void> {
	const failed = (await verifyTerritory(client)).filter((c) => c.problems.length);
	if (failed.length)
		throw new Error(
			`The loaded territory fails its verification:\n${failed
				.map((c) => `  - ${c.name}: ${c.problems.join('; ')}`)
				.join('\n')}`
		);
}
