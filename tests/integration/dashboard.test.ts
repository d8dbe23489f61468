// The dashboard's data layer as the app meets it: src/lib/server/dashboard.ts and the tile RPC,
// through supabase-js and PostgREST with a real signed-in user's JWT (RLS deciding), on fixtures
// of its own (tagged, removed afterwards) alongside whatever sample the stack holds.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/database.types';
import {
	loadCommuneMetrics,
	loadProject,
	loadProjectsPage,
	loadSummary,
	type ProjectCursor
} from '$lib/server/dashboard';
import { decodeCursor } from '$lib/server/dashboard';
import { projectsCsv, projectsGeoJson } from '$lib/server/export';

const url = process.env.PUBLIC_SUPABASE_URL!;
const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY!;
const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY!;
const clientOptions = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

const run = randomUUID().slice(0, 8);
const token = `zqx${run}`; // a word no sample name contains: filters by text select only the fixture
let service: SupabaseClient<Database>;
let admin: SupabaseClient<Database>;
let adminToken: string;
let adminId: string;
const projectIds: number[] = [];

function must<T>(result: { data: T | null; error: { message: string } | null }): T {
	if (result.error) throw new Error(result.error.message);
	return result.data as T;
}

beforeAll(async () => {
	if (!url || !anonKey || !serviceKey)
		throw new Error('npm test sets the stack env (PUBLIC_SUPABASE_URL, keys)');
	service = createClient<Database>(url, serviceKey, clientOptions);
	const email = `dashboard-${run}@example.test`;
	const password = `clave-${randomUUID()}`;
	const created = await service.auth.admin.createUser({ email, password, email_confirm: true });
	if (created.error) throw created.error;
	adminId = created.data.user.id;
	must(await service.from('memberships').insert({ user_id: adminId, role: 'admin' }));
	admin = createClient<Database>(url, anonKey, clientOptions);
	const signIn = await admin.auth.signInWithPassword({ email, password });
	if (signIn.error) throw signIn.error;
	adminToken = signIn.data.session.access_token;

	// Twelve points in Valparaíso, Viña del Mar and Santiago, and one road across them.
	const rows = Array.from({ length: 12 }, (_, i) => ({
		service_code: i % 2 ? 'vialidad' : 'arquitectura',
		name: `Obra ${String(i).padStart(2, '0')} ${token}`,
		stage: 'execution' as const,
		status: 'in_progress' as const,
		investment_clp: (i + 1) * 1_000_000,
		geom: {
			type: 'Point',
			coordinates: [[-71.6197, -71.55, -70.6483][i % 3], [-33.0458, -33.02, -33.4569][i % 3]]
		}
	}));
	rows.push({
		service_code: 'arquitectura',
		name: `=HYPERLINK("http://example.test") ${token}`,
		stage: 'execution',
		status: 'in_progress',
		investment_clp: 1,
		geom: { type: 'Point', coordinates: [-70.6483, -33.4569] }
	});
	rows.push({
		service_code: 'vialidad',
		name: `Camino Valparaíso–Santiago ${token}`,
		stage: 'execution',
		status: 'in_progress',
		investment_clp: 90_000_000,
		geom: {
			type: 'LineString',
			coordinates: [
				[-71.6197, -33.0458],
				[-70.6483, -33.4569]
			]
		} as never
	});
	const inserted = must(await admin.from('projects').insert(rows).select('id'));
	projectIds.push(...inserted.map((r) => r.id));
	must(
		await admin.from('project_progress').insert([
			{
				project_id: projectIds[0],
				reported_on: '2026-01-31',
				physical_progress: 10,
				spent_clp: 100_000
			},
			{
				project_id: projectIds[0],
				reported_on: '2026-02-28',
				physical_progress: 25,
				spent_clp: 250_000
			}
		])
	);
});

afterAll(async () => {
	if (!service) return;
	if (projectIds.length) await service.from('projects').delete().in('id', projectIds);
	if (adminId) await service.auth.admin.deleteUser(adminId);
});

describe('project list', () => {
	it('pages through exactly the filtered projects with keyset cursors, in the requested order', async () => {
		const filter = { q: token };
		const seen: string[] = [];
		let cursor: ProjectCursor | null = null;
		let count: number | null = null;
		for (let page = 0; page < 10; page++) {
			const { data, error } = await loadProjectsPage(admin, filter, 'name', cursor, 5);
			expect(error).toBeNull();
			if (page === 0) count = data!.count;
			seen.push(...data!.rows.map((r) => r.name));
			cursor = decodeCursor(data!.next);
			if (!cursor) break;
		}
		expect(count).toBe(14);
		expect(seen).toHaveLength(14);
		expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
	});

	it('orders by investment, largest first, with the latest progress embedded', async () => {
		const { data, error } = await loadProjectsPage(admin, { q: token }, 'investment_desc', null, 20);
		expect(error).toBeNull();
		const investments = data!.rows.map((r) => r.investment_clp);
		expect(investments[0]).toBe(90_000_000);
		expect(investments).toEqual([...investments].sort((a, b) => b! - a!));
		const first = data!.rows.find((r) => r.id === projectIds[0])!;
		expect(first.project_progress_latest?.physical_progress).toBe(25);
	});
});

describe('project detail', () => {
	it('has the comunas it touches with shares summing to 1, and its progress history in date order', async () => {
		const road = projectIds.at(-1)!;
		const { data, error } = await loadProject(admin, road);
		expect(error).toBeNull();
		const shares = data!.project_communes.map((c) => c.share);
		expect(shares.length).toBeGreaterThan(2);
		expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
		expect(shares).toEqual([...shares].sort((a, b) => b - a));
		expect(data!.project_communes[0].communes?.name).toBeTruthy();

		const withHistory = await loadProject(admin, projectIds[0]);
		expect(withHistory.data!.project_progress.map((p) => p.physical_progress)).toEqual([10, 25]);
		expect(withHistory.data!.geom.type).toBe('Point');
	});

	it('is null, without error, for a project that does not exist', async () => {
		const { data, error } = await loadProject(admin, 2 ** 52);
		expect(error).toBeNull();
		expect(data).toBeNull();
	});
});

describe('aggregates', () => {
	it('comuna metrics add up to the filtered projects’ investment', async () => {
		const { data, error } = await loadCommuneMetrics(admin, { q: token, region: '05' });
		expect(error).toBeNull();
		const byCode = new Map(data!.map((m) => [m.commune_code, m]));
		expect(byCode.get('05101')!.projects).toBe(5); // four points and the road
		const summary = await loadSummary(admin, { q: token, region: '05' });
		expect(summary.error).toBeNull();
		const total = data!.reduce((sum, m) => sum + m.investment_clp, 0);
		expect(Math.abs(total - summary.data!.kpis.investment_clp)).toBeLessThanOrEqual(data!.length);
		expect(summary.data!.kpis.projects).toBe(9);
		expect(summary.data!.by_area.every((a) => a.level === 'province')).toBe(true);
		expect(typeof summary.data!.data_version).toBe('number');
	});
});

describe('tiles', () => {
	it('come back as Mapbox Vector Tiles through PostgREST with the user’s token', async () => {
		const response = await fetch(`${url}/rest/v1/rpc/project_tile`, {
			method: 'POST',
			headers: {
				apikey: anonKey,
				authorization: `Bearer ${adminToken}`,
				'content-type': 'application/json',
				accept: 'application/vnd.mapbox-vector-tile'
			},
			body: JSON.stringify({ z: 14, x: 4932, y: 9787, p_filter: { q: token } })
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/vnd.mapbox-vector-tile');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.includes(Buffer.from('projects'))).toBe(true);
		expect(bytes.includes(Buffer.from(token))).toBe(true); // names travel from zoom 13
	});
});

/** The whole body as text, keeping a byte order mark (Response.text() drops it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
	const bytes = await new Response(stream).arrayBuffer();
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

describe('exports', () => {
	it('CSV: a byte order mark, Spanish headers, one line per filtered project, formulas made inert', async () => {
		const text = await readAll(await projectsCsv(admin, { q: token }, 'es', ';', 5));
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'ID;Código BIP;Nombre;Servicio;Etapa;Estado;Inversión (CLP);Inicio;Término;Avance físico (%);Gasto ejecutado (CLP);Fecha del avance;Comunas (participación %)'
		);
		expect(lines).toHaveLength(15);
		const formula = lines.find((l) => l.includes('HYPERLINK'))!;
		expect(formula.split(';')[2]).toBe(`"'=HYPERLINK(""http://example.test"") ${token}"`);
		const first = lines.find((l) => l.startsWith(`${projectIds[0]};`))!;
		expect(first).toContain('Dirección de Arquitectura;Ejecución;En curso;1000000;');
		expect(first).toContain(';25;250000;2026-02-28;Valparaíso (100 %)');
	});

	it('GeoJSON: a FeatureCollection of exactly the filtered projects, across pages of 4', async () => {
		const parsed = JSON.parse(await readAll(await projectsGeoJson(admin, { q: token }, 4))) as {
			type: string;
			features: {
				id: number;
				geometry: { type: string };
				properties: { communes: { share: number }[] };
			}[];
		};
		expect(parsed.type).toBe('FeatureCollection');
		expect(parsed.features.map((f) => f.id).sort((a, b) => a - b)).toEqual(
			[...projectIds].sort((a, b) => a - b)
		);
		const road = parsed.features.find((f) => f.id === projectIds.at(-1))!;
		expect(road.geometry.type).toBe('LineString');
		expect(road.properties.communes.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 9);
	});
});
