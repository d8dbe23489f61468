import type { ClientBase } from 'pg';
import { codeListProblems, readCodeList } from './code-list.ts';
import { DEFAULT_REPO_ROOT, readBuiltTopology, territoryPaths } from './build.ts';
import { timed, type OnProgress } from './progress.ts';
import { assertTerritoryVerified } from './verify.ts';
import { featuresOf } from './topology.ts';

// The stack and the CLIs need build and load together: one import.
export { buildTerritory, territoryBuildIsCurrent } from './build.ts';

/**
 * Loads the territory into Postgres in one transaction: regions, provinces and communes from the
 * code list, comuna polygons from the built topology (the cleaned coverage at full source
 * resolution), the undemarcated area apart, and then province and region polygons derived in
 * the database as unions of their comunas, so that every border coincides with comuna borders.
 * Re-running replaces everything (rows no longer in the code list are removed).
 */

// Made valid, polygons only, always multi: what the geometry(MultiPolygon, 4326) columns take.
const cleanGeometry = (expression: string) =>
	`extensions.st_multi(extensions.st_collectionextract(extensions.st_makevalid(${expression}), 3))`;
const fromGeoJson = (column: string) =>
	`extensions.st_setsrid(extensions.st_geomfromgeojson(${column}::text), 4326)`;

// Exact comparison without relying on the geometry "=" operator being on the search_path.
const ewkb = (column: string) => `extensions.st_asewkb(${column})`;

export interface LoadCounts {
	regions: number;
	provinces: number;
	communes: number;
	communesWithGeometry: number;
	undemarcatedAreas: number;
}

export async function loadTerritory(
	client: ClientBase,
	onProgress?: OnProgress,
	options: { repoRoot?: string } = {}
): Promise<LoadCounts> {
	const repoRoot = options.repoRoot ?? DEFAULT_REPO_ROOT;
	const { list } = await readCodeList(territoryPaths(repoRoot).codeList);
	const problems = codeListProblems(list);
	if (problems.length) throw new Error(`The code list is inconsistent:\n  - ${problems.join('\n  - ')}`);

	let topology;
	try {
		topology = await readBuiltTopology(repoRoot);
	} catch {
		throw new Error(
			`No territory build at ${territoryPaths(repoRoot).topology}: run \`npm run data\` (or buildTerritory()) first`
		);
	}
	const geometries = new Map(featuresOf(topology, 'comunas').map((f) => [f.properties.code, f.geometry]));
	const listed = new Set(list.communes.map((c) => c.code));
	const unlisted = [...geometries.keys()].filter((code) => !listed.has(code));
	if (unlisted.length) {
		throw new Error(`The territory build is out of date (codes not in the code list: ${unlisted.join(', ')}); rebuild it`);
	}
	const communes = list.communes.map((c) => ({ ...c, geometry: geometries.get(c.code) ?? null }));
	const zones = featuresOf(topology, 'zonas_sin_demarcar')
		.filter((f) => f.geometry !== null)
		.map((f) => ({ name: f.properties.name, geometry: f.geometry }));

	await client.query('begin');
	try {
		await timed(onProgress, 'Regiones', () =>
			client.query(
				`insert into public.regions (code, name, roman, north_to_south)
				 select code, name, roman, north_to_south
				 from json_to_recordset($1::json) as r(code text, name text, roman text, north_to_south smallint)
				 on conflict (code) do update
				   set name = excluded.name, roman = excluded.roman, north_to_south = excluded.north_to_south
				 where (regions.name, regions.roman, regions.north_to_south)
				   is distinct from (excluded.name, excluded.roman, excluded.north_to_south)`,
				[JSON.stringify(list.regions)]
			)
		);
		await timed(onProgress, 'Provincias', () =>
			client.query(
				`insert into public.provinces (code, region_code, name)
				 select code, region_code, name from json_to_recordset($1::json) as p(code text, region_code text, name text)
				 on conflict (code) do update set region_code = excluded.region_code, name = excluded.name
				 where (provinces.region_code, provinces.name) is distinct from (excluded.region_code, excluded.name)`,
				[JSON.stringify(list.provinces)]
			)
		);
		await timed(onProgress, 'Comunas (con geometría a resolución completa)', () =>
			client.query(
				`insert into public.communes (code, province_code, region_code, name, geom)
				 select code, province_code, region_code, name,
				        case when geometry is null then null else ${cleanGeometry(fromGeoJson('geometry'))} end
				 from json_to_recordset($1::json)
				   as c(code text, province_code text, region_code text, name text, geometry json)
				 on conflict (code) do update
				   set province_code = excluded.province_code, region_code = excluded.region_code,
				       name = excluded.name, geom = excluded.geom
				 where (communes.province_code, communes.region_code, communes.name, ${ewkb('communes.geom')})
				       is distinct from (excluded.province_code, excluded.region_code, excluded.name, ${ewkb('excluded.geom')})`,
				[JSON.stringify(communes)]
			)
		);
		await timed(onProgress, 'Quitar lo que ya no está en la lista de códigos', async () => {
			await client.query('delete from public.communes where code <> all($1::text[])', [list.communes.map((c) => c.code)]);
			await client.query('delete from public.provinces where code <> all($1::text[])', [list.provinces.map((p) => p.code)]);
			await client.query('delete from public.regions where code <> all($1::text[])', [list.regions.map((r) => r.code)]);
		});
		await timed(onProgress, 'Zona sin demarcar', async () => {
			await client.query(
				`insert into public.undemarcated_areas (name, geom)
				 select name, ${cleanGeometry(fromGeoJson('geometry'))}
				 from json_to_recordset($1::json) as z(name text, geometry json)
				 on conflict (name) do update set geom = excluded.geom`,
				[JSON.stringify(zones)]
			);
			await client.query('delete from public.undemarcated_areas where name <> all($1::text[])', [zones.map((z) => z.name)]);
		});
		for (const [table, key, step] of [
			['provinces', 'province_code', 'Geometría de provincias (unión de sus comunas)'],
			['regions', 'region_code', 'Geometría de regiones (unión de sus comunas)']
		] as const) {
			await timed(onProgress, step, () =>
				client.query(
					`update public.${table} t set geom = u.geom
					 from (
					   select t2.code, ${cleanGeometry('extensions.st_unaryunion(extensions.st_collect(c.geom))')} as geom
					   from public.${table} t2
					   left join public.communes c on c.${key} = t2.code and c.geom is not null
					   group by t2.code
					 ) u
					 where u.code = t.code and ${ewkb('t.geom')} is distinct from ${ewkb('u.geom')}`
				)
			);
		}
		// Before committing: a load that breaks the territory's checks (counts, validity, spikes,
		// commune_at over known places) leaves the previous territory in place.
		await timed(onProgress, 'Verificar el territorio cargado (conteos, geometría sin puntas, commune_at)', () =>
			assertTerritoryVerified(client)
		);
		await client.query('commit');
	} catch (error) {
		await client.query('rollback');
		throw error;
	}

	return {
		regions: list.regions.length,
		provinces: list.provinces.length,
		communes: communes.length,
		communesWithGeometry: communes.filter((c) => c.geometry !== null).length,
		undemarcatedAreas: zones.length
	};
}
