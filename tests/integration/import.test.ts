// Project import against the running stack: public.import_projects through supabase-js with real
// users' JWTs (who may import where, preview writes nothing, commit is idempotent), and the fuzz
// corpus committed as an administrator leaving the database as it was. The export → import round
// trip into an empty stack is import-roundtrip.test.ts.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Json } from '$lib/database.types';
import { guessMapping } from '$lib/import/fields';
import { openImport } from '$lib/import/open';
import { fileIssue, runImport } from '$lib/import/run';
import { fuzzCorpus } from '$lib/import/testing/fuzz-corpus';
import type { ImportRow } from '$lib/import/validate';
import { apiSink, importReference } from '$lib/server/import';
import { importRow } from '../support/import-rows.ts';

const url = process.env.PUBLIC_SUPABASE_URL!;
const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY!;
const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY!;
const clientOptions = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };
type Client = SupabaseClient<Database>;

const run = randomUUID().slice(0, 8);
const token = `zqi${run}`;
const bipBase = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const bip = (i: number) => `${bipBase + i}-${i % 10}`;
let service: Client;
const users: Record<'admin' | 'secretariat' | 'gore', Client> = {} as never;
const userIds: string[] = [];

function must<T>(result: { data: T | null; error: { message: string } | null }): T {
	if (result.error) throw new Error(result.error.message);
	return result.data as T;
}

async function signedIn(role: 'admin' | 'secretariat' | 'gore', region: string | null): Promise<Client> {
	const email = `import-${role}-${run}@example.test`;
	const password = `clave-${randomUUID()}`;
	const created = await service.auth.admin.createUser({ email, password, email_confirm: true });
	if (created.error) throw created.error;
	userIds.push(created.data.user.id);
	must(
		await service.from('memberships').insert({ user_id: created.data.user.id, role, region_code: region })
	);
	const client = createClient<Database>(url, anonKey, clientOptions);
	const signIn = await client.auth.signInWithPassword({ email, password });
	if (signIn.error) throw signIn.error;
	return client;
}

const VALPARAISO: [number, number] = [-71.6197, -33.0458];
const VINA: [number, number] = [-71.55, -33.02];
const SANTIAGO: [number, number] = [-70.6483, -33.4569];

function row(
	n: number,
	name: string,
	coordinates: [number, number] | null,
	extra: Partial<ImportRow> = {}
): ImportRow {
	return importRow(n, `${name} ${token}`, {
		geometry: coordinates ? { type: 'Point', coordinates } : null,
		...extra
	});
}

async function importRows(client: Client, rows: ImportRow[], commit: boolean) {
	return client.rpc('import_projects', { p_rows: rows as unknown as Json, p_commit: commit });
}

async function fixtureProjects() {
	return must(
		await service
			.from('projects')
			.select(
				'bip_code,name,service_code,stage,status,investment_clp,start_on,end_on,located_by_commune,project_communes(commune_code)'
			)
			.like('name', `%${token}%`)
			.order('name')
	).map(({ project_communes, ...project }) => ({
		...project,
		communes: project_communes.map((c) => c.commune_code).sort()
	}));
}

async function dataVersion(): Promise<number> {
	return Number(must(await service.rpc('data_version')));
}

beforeAll(async () => {
	if (!url || !anonKey || !serviceKey)
		throw new Error('npm test sets the stack env (PUBLIC_SUPABASE_URL, keys)');
	service = createClient<Database>(url, serviceKey, clientOptions);
	users.admin = await signedIn('admin', null);
	users.secretariat = await signedIn('secretariat', '05');
	users.gore = await signedIn('gore', '05');
});

afterAll(async () => {
	if (!service) return;
	await service.from('projects').delete().like('name', `%${token}%`);
	for (const id of userIds) await service.auth.admin.deleteUser(id);
});

describe('public.import_projects', () => {
	it('refuses roles that do not import', async () => {
		const { error } = await importRows(users.gore, [row(2, 'Obra del GORE', VALPARAISO)], false);
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe(
			'Solo la administración y las secretarías técnicas pueden importar proyectos.'
		);
	});

	it("lets a secretariat preview without writing, then commit only its region's rows, idempotently", async () => {
		must(
			await service.from('projects').insert({
				bip_code: bip(90),
				name: `Obra santiaguina ${token}`,
				service_code: 'vialidad',
				stage: 'design',
				status: 'planned',
				geom: { type: 'Point', coordinates: SANTIAGO } as never
			})
		);
		const rows = [
			row(2, 'Obra porteña', VALPARAISO, { bip_code: bip(1) }),
			row(3, 'Obra en Santiago', SANTIAGO),
			row(4, 'Toma de la obra santiaguina', VINA, { bip_code: bip(90) }),
			row(5, 'Obra en Viña por comuna', null, { commune_codes: ['05109'] })
		];
		const before = await fixtureProjects();
		const preview = must(await importRows(users.secretariat, rows, false)) as Record<string, unknown>;
		expect(preview).toMatchObject({
			new: 2,
			updated: 0,
			rejected: 2,
			committed: false,
			rejections: [
				{ row: 3, reason: 'outside_region', detail: '13101' },
				{ row: 4, reason: 'match_other_region' }
			]
		});
		expect(await fixtureProjects()).toEqual(before);

		expect(must(await importRows(users.secretariat, rows, true))).toMatchObject({
			new: 2,
			rejected: 2,
			committed: true
		});
		const after = await fixtureProjects();
		expect(after.find((p) => p.name.startsWith('Obra porteña'))).toMatchObject({
			bip_code: bip(1),
			communes: ['05101'],
			located_by_commune: false
		});
		expect(after.find((p) => p.name.startsWith('Obra en Viña por comuna'))).toMatchObject({
			communes: ['05109'],
			located_by_commune: true
		});
		expect(after.find((p) => p.name.startsWith('Obra santiaguina'))).toMatchObject({
			communes: ['13101']
		});

		const again = must(await importRows(users.secretariat, rows, true)) as Record<string, unknown>;
		expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
		expect(await fixtureProjects()).toEqual(after);

		const changed = [{ ...rows[0], status: 'in_progress' as const }];
		expect(must(await importRows(users.secretariat, changed, true))).toMatchObject({ updated: 1 });
	});
});

describe('fuzz corpus', () => {
	it('committed as an administrator, leaves the database unchanged', async () => {
		const count = async () =>
			(await service.from('projects').select('id', { count: 'exact', head: true })).count;
		const [countBefore, versionBefore] = [await count(), await dataVersion()];
		const reference = await importReference(users.admin);
		let reachedDatabase = 0;
		for (const file of await fuzzCorpus()) {
			try {
				const source = await openImport({ name: file.name, bytes: file.bytes });
				const sink = apiSink(users.admin);
				const report = await runImport(
					source,
					guessMapping(source.headers),
					reference,
					{
						add: (rows) => ((reachedDatabase += rows.length), sink.add(rows)),
						finish: (commit) => sink.finish(commit)
					},
					{ commit: true }
				);
				expect(report.new + report.updated + report.unchanged, file.name).toBe(0);
			} catch (error) {
				fileIssue(error);
			}
		}
		expect(reachedDatabase).toBeGreaterThan(0);
		expect(await count()).toBe(countBefore);
		expect(await dataVersion()).toBe(versionBefore);
	}, 120_000);
});
