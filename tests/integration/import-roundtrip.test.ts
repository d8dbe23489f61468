// The import round trip (issue 11 §4): projects exported as CSV, GeoJSON and OC4IDS from the running
// stack, imported into an empty stack — a database freshly migrated in the same local cluster,
// holding the territory only — through the CLI's own machinery (`npm run import`: the reference
// and the one-transaction sink of scripts/lib/import/database.ts), come back as the same projects
// on the same comunas. Local stack only (scripts/test.ts): it creates and drops a database.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '$lib/database.types';
import { guessMapping } from '$lib/import/fields';
import { openImport } from '$lib/import/open';
import { runImport } from '$lib/import/run';
import type { ImportRow } from '$lib/import/validate';
import { projectsCsv, projectsGeoJson, projectsOc4ids } from '$lib/server/export';
import { loadTerritory } from '../../scripts/lib/data/load.ts';
import { importRow } from '../support/import-rows.ts';
import { importReference, transactionSink } from '../../scripts/lib/import/database.ts';
import { readStackEnv } from '../../scripts/lib/stack/connection.ts';
import { withFreshDatabase } from '../../scripts/lib/stack/fresh-database.ts';
import { must, signedInUser, testClient, type TestClient } from '../support/supabase.ts';

const token = `zqr${randomUUID().slice(0, 8)}`;
const bipBase = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const bip = (i: number) => `${bipBase + i}-${i % 10}`;
const service = testClient({ key: 'service' });
let admin: { id: string; client: TestClient };

const row = (n: number, name: string, extra: Partial<ImportRow>) => importRow(n, `${name} ${token}`, extra);

const point = (coordinates: [number, number]) => ({ type: 'Point' as const, coordinates });
const originals = [
	row(2, 'Ida Valparaíso', {
		bip_code: bip(10),
		geometry: point([-71.6197, -33.0458]),
		investment_clp: 12_500_000,
		stage: 'execution',
		status: 'in_progress'
	}),
	row(3, 'Ida Santiago', {
		bip_code: bip(11),
		geometry: point([-70.6483, -33.4569]),
		service_code: 'arquitectura',
		end_on: null
	}),
	row(4, 'Ida por comunas', {
		commune_codes: ['05101', '05109'],
		service_code: 'obras_hidraulicas',
		stage: 'operation',
		status: 'completed'
	}),
	row(5, 'Ida sin BIP', {
		geometry: point([-71.55, -33.02]),
		investment_clp: null,
		start_on: null,
		end_on: null
	}),
	row(6, 'Ida camino', {
		bip_code: bip(12),
		geometry: {
			type: 'LineString',
			coordinates: [
				[-71.6197, -33.0458],
				[-71.55, -33.02],
				[-71.5312, -33.0123]
			]
		},
		stage: 'design',
		status: 'halted',
		investment_clp: 987_654_321
	}),
	// Across a regional border (Los Andes, Valparaíso → Lo Barnechea, Metropolitana): two comunas
	// computed, with their shares.
	row(7, 'Ida cordillera', {
		bip_code: bip(13),
		geometry: {
			type: 'LineString',
			coordinates: [
				[-70.35, -32.95],
				[-70.3, -33.3]
			]
		},
		service_code: 'vialidad',
		stage: 'execution',
		status: 'in_progress',
		investment_clp: 4_000_000_000
	})
];

interface StoredProject {
	bip_code: string | null;
	name: string;
	service_code: string;
	stage: string;
	status: string;
	investment_clp: string | null;
	start_on: string | null;
	end_on: string | null;
	located_by_commune: boolean;
	communes: string[];
	shares: string[];
	coordinates: number[];
}

/** The projects whose name matches, by value: what the import writes and what the database computes. */
async function storedProjects(client: pg.ClientBase, namePattern: string): Promise<StoredProject[]> {
	const { rows } = await client.query<Omit<StoredProject, 'coordinates'> & { geom: string }>(
		`select p.bip_code, p.name, p.service_code, p.stage::text as stage, p.status::text as status,
		   p.investment_clp::text as investment_clp, p.start_on::text as start_on, p.end_on::text as end_on,
		   p.located_by_commune,
		   array(select pc.commune_code from public.project_communes pc where pc.project_id = p.id order by 1) as communes,
		   array(select round(pc.share::numeric, 6)::text from public.project_communes pc where pc.project_id = p.id
		         order by pc.commune_code) as shares,
		   extensions.st_asgeojson(p.geom, 9) as geom
		 from public.projects p where p.name like $1 order by p.name`,
		[namePattern]
	);
	return rows.map(({ geom, ...project }) => ({
		...project,
		coordinates: [(JSON.parse(geom) as { coordinates: unknown }).coordinates].flat(4) as number[]
	}));
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

beforeAll(async () => {
	admin = await signedInUser(service, { role: 'admin', label: 'import-roundtrip' });
	must(
		await admin.client.rpc('import_projects', {
			p_rows: originals as unknown as Json,
			p_commit: true
		})
	);
});

afterAll(async () => {
	await service.from('projects').delete().like('name', `%${token}%`);
	if (admin) await service.auth.admin.deleteUser(admin.id);
});

describe('import round trip into an empty stack', () => {
	it(
		'exports CSV, GeoJSON and OC4IDS, imports each into a freshly migrated database and finds the same projects on the same comunas',
		{ timeout: 240_000 },
		async () => {
			const stackUrl = readStackEnv()?.SUPABASE_DB_URL;
			if (!stackUrl) throw new Error('the local stack is running (npm test starts it)');
			const stack = new pg.Client({ connectionString: stackUrl });
			await stack.connect();
			const expected = await storedProjects(stack, `%${token}`).finally(() => stack.end());
			expect(expected).toHaveLength(originals.length);
			expect(expected.find((p) => p.name.startsWith('Ida cordillera'))?.communes).toHaveLength(2);

			const filter = { q: `Ida%${token}` };
			const files = [
				['proyectos.csv', await readAll(await projectsCsv(admin.client, filter, 'es', ';')), false],
				['proyectos.geojson', await readAll(await projectsGeoJson(admin.client, filter)), true],
				[
					'proyectos.oc4ids.json',
					await readAll(
						await projectsOc4ids(admin.client, filter, { uri: 'https://tablero.example/x.json' })
					),
					true
				]
			] as const;

			await withFreshDatabase(stackUrl, 'roundtrip', async (emptyUrl) => {
				const client = new pg.Client({
					connectionString: emptyUrl,
					application_name: 'import-roundtrip'
				});
				await client.connect();
				try {
					await loadTerritory(client);
					const count = async () =>
						(await client.query<{ n: number }>('select count(*)::int as n from public.projects'))
							.rows[0].n;
					for (const [name, bytes, carriesGeometry] of files) {
						expect(await count(), `${name}: the stack is empty`).toBe(0);
						const source = await openImport({ name, bytes });
						const report = await runImport(
							source,
							guessMapping(source.headers),
							await importReference(client),
							transactionSink(client, null),
							{ commit: true, region: null }
						);
						expect(report, name).toMatchObject({
							new: originals.length,
							rejected: 0,
							committed: true
						});
						const imported = await storedProjects(client, '%');
						// A CSV carries comunas, not geometry: its rows come back placed on their comunas. GeoJSON and
						// OC4IDS carry geometry, so a project placed on its comunas comes back located by its points.
						const comparable = ({
							located_by_commune: _,
							coordinates: __,
							shares: ___,
							...p
						}: StoredProject) => p;
						expect(imported.map(comparable), name).toEqual(expected.map(comparable));
						if (carriesGeometry) {
							expect(
								imported.map((p) => p.shares),
								name
							).toEqual(expected.map((p) => p.shares));
							imported.forEach((project, i) => {
								const original = expected[i].coordinates;
								expect(project.coordinates, `${name}: ${project.name}`).toHaveLength(
									original.length
								);
								project.coordinates.forEach((value, j) =>
									expect(
										Math.abs(value - original[j]),
										`${name}: ${project.name}`
									).toBeLessThanOrEqual(1e-6)
								);
							});
						}
						await client.query('delete from public.projects');
					}
				} finally {
					await client.end();
				}
			});
		}
	);
});
