// Project tiles from zoom 10 (public.project_tile, box first since 20261203030100) as each role
// meets them through PostgREST with its own JWT: every role gets the same tile for the same filter
// (projects are public), with the fixture's projects in it exactly when the filter keeps them; the
// private tile paths cannot be called through the API by any role; hostile filter values change
// nothing but the answer. That RLS still hides rows from the tile is proven in pgTAP
// (24_project_tile_box_first: a restrictive policy hides projects from anon and members).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	must,
	signedInUser,
	testClient,
	testSetting,
	type TestClient,
	type TestUserOptions
} from '../support/supabase';

const run = randomUUID().slice(0, 8);
const token = `zqt${run}`; // in no sample name: a text filter selects only the fixture
const service = testClient({ key: 'service' });
const roles: Pick<TestUserOptions, 'role' | 'region'>[] = [
	{ role: 'admin' },
	{ role: 'planner' },
	{ role: 'gore', region: '05' },
	{ role: 'secretariat', region: '13' }
];
/** Each caller's bearer token (anonymous: the anon key itself, as the browser sends it). */
const callers: { name: string; bearer: string }[] = [];
const userIds: string[] = [];
const projectIds: number[] = [];

// The z14 tile over Santiago's centre (-70.6483, -33.4569) and the z10 tile around it.
const TILES = [
	{ z: 14, x: 4976, y: 9809 },
	{ z: 10, x: 311, y: 613 }
];

async function tile(bearer: string, fn: string, body: object, headers: Record<string, string> = {}) {
	const response = await fetch(`${testSetting('PUBLIC_SUPABASE_URL')}/rest/v1/rpc/${fn}`, {
		method: 'POST',
		headers: {
			apikey: testSetting('PUBLIC_SUPABASE_ANON_KEY'),
			authorization: `Bearer ${bearer}`,
			'content-type': 'application/json',
			accept: 'application/vnd.mapbox-vector-tile',
			...headers
		},
		body: JSON.stringify(body)
	});
	return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function sessionToken(client: TestClient): Promise<string> {
	const { data } = await client.auth.getSession();
	if (!data.session) throw new Error('no session');
	return data.session.access_token;
}

beforeAll(async () => {
	callers.push({ name: 'anon', bearer: testSetting('PUBLIC_SUPABASE_ANON_KEY') });
	for (const r of roles) {
		const user = await signedInUser(service, { ...r, label: 'tiles' });
		userIds.push(user.id);
		callers.push({ name: `${r.role} ${r.region ?? 'nac'}`, bearer: await sessionToken(user.client) });
	}
	// Three points and a road in Santiago's centre, one point in Valparaíso (outside the tiles).
	const at = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] }) as never;
	const rows = [
		{ name: `Obra vial ${token}`, service_code: 'vialidad', geom: at(-70.6483, -33.4569) },
		{ name: `Obra de arquitectura ${token}`, service_code: 'arquitectura', geom: at(-70.6479, -33.4572) },
		{ name: `Obra hidráulica ${token}`, service_code: 'obras_hidraulicas', geom: at(-70.6487, -33.4566) },
		{
			name: `Camino urbano ${token}`,
			service_code: 'vialidad',
			geom: {
				type: 'LineString',
				coordinates: [
					[-70.6495, -33.456],
					[-70.647, -33.458]
				]
			} as never
		},
		{ name: `Obra en Valparaíso ${token}`, service_code: 'vialidad', geom: at(-71.6197, -33.0458) }
	].map((r) => ({
		...r,
		stage: 'execution' as const,
		status: 'in_progress' as const,
		investment_clp: 5_000_000
	}));
	projectIds.push(...must(await service.from('projects').insert(rows).select('id')).map((r) => r.id));
});

afterAll(async () => {
	if (projectIds.length) await service.from('projects').delete().in('id', projectIds);
	for (const id of userIds) await service.auth.admin.deleteUser(id);
});

const names = (bytes: Buffer) =>
	['Obra vial', 'Obra de arquitectura', 'Obra hidráulica', 'Camino urbano', 'Obra en Valparaíso'].filter(
		(name) => bytes.includes(Buffer.from(`${name} ${token}`))
	);

describe('tiles from zoom 10, box first, for every role', () => {
	it('give every role the same tile, holding the projects the filter keeps in the box', async () => {
		const filters: [object, string[]][] = [
			[{ q: token }, ['Obra vial', 'Obra de arquitectura', 'Obra hidráulica', 'Camino urbano']],
			[{ q: token, services: ['vialidad'] }, ['Obra vial', 'Camino urbano']],
			[
				{ q: token, region: '13', stages: ['execution'] },
				['Obra vial', 'Obra de arquitectura', 'Obra hidráulica', 'Camino urbano']
			],
			[{ q: token, region: '05' }, []],
			[{ q: token, stages: ['design'] }, []]
		];
		for (const [filter, expected] of filters) {
			const z14 = TILES[0];
			const tiles = await Promise.all(
				callers.map((c) => tile(c.bearer, 'project_tile', { ...z14, p_filter: filter }))
			);
			for (const [i, t] of tiles.entries()) {
				expect(t.status, `${callers[i].name} ${JSON.stringify(filter)}`).toBe(200);
				expect(t.bytes.equals(tiles[0].bytes), `${callers[i].name} ${JSON.stringify(filter)}`).toBe(
					true
				);
			}
			expect(names(tiles[0].bytes)).toEqual(expected);
		}
		// Unfiltered, the fixture is among the sample's projects (names travel from zoom 13).
		const all = await tile(callers[0].bearer, 'project_tile', { ...TILES[0], p_filter: {} });
		expect(names(all.bytes)).toEqual([
			'Obra vial',
			'Obra de arquitectura',
			'Obra hidráulica',
			'Camino urbano'
		]);
		const z10 = await Promise.all(
			callers.map((c) => tile(c.bearer, 'project_tile', { ...TILES[1], p_filter: { q: token } }))
		);
		expect(z10.every((t) => t.status === 200 && t.bytes.length > 0 && t.bytes.equals(z10[0].bytes))).toBe(
			true
		);
	});

	it('keep the private paths out of reach of every role', async () => {
		const body = { ...TILES[0], p_filter: {}, p_box_first: false };
		for (const c of callers) {
			const plain = await tile(c.bearer, 'project_geometries_tile', body);
			expect(plain.status, c.name).toBe(404);
			const profiled = await tile(c.bearer, 'project_geometries_tile', body, {
				'content-profile': 'private'
			});
			expect(profiled.status, c.name).toBe(406);
			const ids = await tile(
				c.bearer,
				'filtered_project_ids',
				{ p_filter: {} },
				{ 'content-profile': 'private' }
			);
			expect(ids.status, c.name).toBe(406);
		}
	});

	it('read hostile filter values as values: no other rows, no server error', async () => {
		const fixture = ['Obra vial', 'Obra de arquitectura', 'Obra hidráulica', 'Camino urbano'];
		// Each with what it must select: quotes are text, not SQL; a list that is not one filters nothing.
		const hostile: [object, string[]][] = [
			[{ q: `${token}' or '1'='1` }, []],
			[{ region: "13') or true --", q: token }, []],
			[{ communes: [`13101'); delete from public.projects; --`], q: token }, []],
			[{ services: { vialidad: true }, q: token }, fixture],
			[{ stages: 'execution', q: token }, fixture]
		];
		for (const [filter, expected] of hostile) {
			const answers = await Promise.all(
				callers.map((c) => tile(c.bearer, 'project_tile', { ...TILES[0], p_filter: filter }))
			);
			for (const a of answers) {
				expect(a.status, JSON.stringify(filter)).toBe(200);
				expect(names(a.bytes), JSON.stringify(filter)).toEqual(expected);
			}
		}
		expect(must(await service.from('projects').select('id').in('id', projectIds))).toHaveLength(5);
	});
});
