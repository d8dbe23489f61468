// The access matrix (docs/SECURITY.md) as the app meets it: real users signed in through Auth,
// their JWTs sent by supabase-js to PostgREST, RLS deciding. Not every cell — the pgTAP matrix
// (supabase/tests/database/19_access_matrix.test.sql) proves those — but for each role at least one
// allowed and one refused, plus the input errors of the issue's item 9 as the client receives them.
//
// Fixtures are made with the service key in regions 05 (the regional users' own) and 13, and
// removed afterwards; the audit trail keeps its entries about them, as it must.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TablesInsert } from '../../src/lib/database.types.ts';
import { violatedConstraint } from '../../src/lib/errors.ts';
import { testClient, type TestClient, must, signedInUser } from '../support/supabase.ts';

type Role = 'admin' | 'planner' | 'gore' | 'secretariat';
const run = randomUUID().slice(0, 8);
const tag = (label: string) => `${label} [rls ${run}]`;

let service: TestClient;
const users: Record<Role, { id: string; client: TestClient }> = {} as never;
const ids: Record<string, number> = {};
const createdInstitutions: number[] = [];

const valparaiso = { type: 'Point', coordinates: [-71.6197, -33.0458] };
const santiago = { type: 'Point', coordinates: [-70.6483, -33.4569] };

/** Fails the test with PostgREST's own words when a fixture cannot be written. */

async function institutionFor(kind: 'regional_government', region: string, name: string): Promise<number> {
	const existing = must(
		await service.from('institutions').select('id').eq('kind', kind).eq('region_code', region)
	);
	if (existing.length) return existing[0].id;
	const [row] = must(
		await service
			.from('institutions')
			.insert({ name, kind, level: 'regional', region_code: region })
			.select('id')
	);
	createdInstitutions.push(row.id);
	return row.id;
}

beforeAll(async () => {
	service = testClient({ key: 'service' });

	ids.gore05 = await institutionFor('regional_government', '05', 'Gobierno Regional de Valparaíso');
	ids.gore13 = await institutionFor(
		'regional_government',
		'13',
		'Gobierno Regional Metropolitano de Santiago'
	);

	users.admin = await signedInUser(service, {
		role: 'admin',
		label: 'rls',
		appMetadata: { role: 'admin', region_code: undefined }
	});
	users.planner = await signedInUser(service, {
		role: 'planner',
		label: 'rls',
		appMetadata: { role: 'planner', region_code: undefined }
	});
	users.gore = await signedInUser(service, {
		role: 'gore',
		region: '05',
		label: 'rls',
		appMetadata: { role: 'gore', region_code: '05' }
	});
	users.secretariat = await signedInUser(service, {
		role: 'secretariat',
		region: '05',
		label: 'rls',
		appMetadata: { role: 'secretariat', region_code: '05' }
	});

	const projects = must(
		await service
			.from('projects')
			.insert([
				{
					service_code: 'vialidad',
					name: tag('Proyecto en Valparaíso'),
					stage: 'design',
					status: 'in_progress',
					geom: valparaiso
				},
				{
					service_code: 'vialidad',
					name: tag('Proyecto en Santiago'),
					stage: 'design',
					status: 'in_progress',
					geom: santiago
				}
			])
			.select('id, name')
	);
	ids.p05 = projects.find((p) => p.name.includes('Valparaíso'))!.id;
	ids.p13 = projects.find((p) => p.name.includes('Santiago'))!.id;

	const agreements = must(
		await service
			.from('agreements')
			.insert([
				{
					kind: 'cooperation_agreement',
					title: tag('Acuerdo de Valparaíso'),
					problem: 'Conectividad',
					signed_on: '2025-01-15',
					region_code: '05'
				},
				{
					kind: 'cooperation_agreement',
					title: tag('Acuerdo de Santiago'),
					problem: 'Aguas lluvia',
					signed_on: '2025-01-15',
					region_code: '13'
				}
			])
			.select('id, region_code')
	);
	ids.a05 = agreements.find((a) => a.region_code === '05')!.id;
	ids.a13 = agreements.find((a) => a.region_code === '13')!.id;
	const commitments = must(
		await service
			.from('commitments')
			.insert([
				{
					agreement_id: ids.a05,
					title: tag('Compromiso 05'),
					responsible_institution_id: ids.gore05,
					theme_code: 'territorio',
					due_on: '2026-12-31'
				},
				{
					agreement_id: ids.a13,
					title: tag('Compromiso 13'),
					responsible_institution_id: ids.gore13,
					theme_code: 'territorio',
					due_on: '2026-12-31'
				}
			])
			.select('id, agreement_id')
	);
	ids.c05 = commitments.find((c) => c.agreement_id === ids.a05)!.id;
	ids.c13 = commitments.find((c) => c.agreement_id === ids.a13)!.id;

	const [flow] = must(
		await service
			.from('information_flows')
			.insert({
				region_code: '05',
				information: tag('Cartera regional'),
				producer_institution_id: ids.gore05,
				channel: 'portal',
				periodicity: 'monthly'
			})
			.select('id')
	);
	ids.flow05 = flow.id;
	must(
		await service
			.from('information_flow_recipients')
			.insert({ flow_id: ids.flow05, institution_id: ids.gore05 })
	);
	const publications = must(
		await service
			.from('publications')
			.insert([
				{
					region_code: '05',
					title: tag('Entrega publicada'),
					kind: 'report',
					status: 'published',
					published_at: new Date(Date.now() - 86_400_000).toISOString(),
					flow_id: ids.flow05,
					due_on: '2026-10-10'
				},
				{ region_code: '05', title: tag('Borrador'), kind: 'report', status: 'draft' }
			])
			.select('id, status')
	);
	ids.published = publications.find((p) => p.status === 'published')!.id;
	ids.draft = publications.find((p) => p.status === 'draft')!.id;

	// Region 13's flow, with a draft delivery region 05 cannot see.
	const [flow13] = must(
		await service
			.from('information_flows')
			.insert({
				region_code: '13',
				information: tag('Cartera de Santiago'),
				producer_institution_id: ids.gore13,
				channel: 'portal',
				periodicity: 'monthly'
			})
			.select('id')
	);
	ids.flow13 = flow13.id;
	must(
		await service.from('publications').insert({
			region_code: '13',
			title: tag('Borrador escondido de Santiago'),
			kind: 'report',
			status: 'draft',
			flow_id: ids.flow13,
			due_on: '2026-05-10'
		})
	);
});

afterAll(async () => {
	if (!service) return;
	const like = `%[rls ${run}]`;
	await service
		.from('acknowledgements')
		.delete()
		.in('publication_id', [ids.published, ids.draft].filter(Boolean));
	await service.from('publications').delete().like('title', like);
	await service.from('information_flows').delete().like('information', like);
	await service.from('agreements').delete().like('title', like);
	await service.from('projects').delete().like('name', like);
	if (createdInstitutions.length) await service.from('institutions').delete().in('id', createdInstitutions);
	for (const user of Object.values(users)) await service.auth.admin.deleteUser(user.id);
});

describe('anon (no session)', () => {
	const anon = () => testClient();

	it('reads published publications', async () => {
		const { data, error } = await anon().from('publications').select('id, title').eq('id', ids.published);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: ids.published, title: tag('Entrega publicada') }]);
	});

	it('does not see drafts', async () => {
		const drafts = await anon().from('publications').select('id').eq('id', ids.draft);
		expect(drafts).toMatchObject({ error: null, data: [] });
	});

	it('reads the investment portfolio with select(*): projects of every region, without their creator', async () => {
		const { data, error } = await anon().from('projects').select('*').in('id', [ids.p05, ids.p13]);
		expect(error).toBeNull();
		expect(data!.map((p) => p.id).sort((a, b) => a - b)).toEqual(
			[ids.p05, ids.p13].sort((a, b) => a - b)
		);
		expect(Object.keys(data![0])).not.toContain('created_by');
		const communes = await anon()
			.from('project_communes')
			.select('commune_code')
			.eq('project_id', ids.p05);
		expect(communes).toMatchObject({ error: null, data: [{ commune_code: '05101' }] });
	});

	it('reads agreements and their commitments with status, due date, progress and cost', async () => {
		const { data, error } = await anon()
			.from('commitments_with_status')
			.select('*')
			.in('id', [ids.c05, ids.c13]);
		expect(error).toBeNull();
		expect(data).toHaveLength(2);
		expect(Object.keys(data![0])).toEqual(
			expect.arrayContaining(['status', 'due_on', 'progress', 'estimated_cost_clp', 'overdue'])
		);
		const agreements = await anon().from('agreements').select('*').in('id', [ids.a05, ids.a13]);
		expect(agreements.error).toBeNull();
		expect(agreements.data).toHaveLength(2);
		expect(Object.keys(agreements.data![0])).not.toContain('created_by');
	});

	it('reads the progress history’s values, as the agreement page embeds them, but not its notes', async () => {
		const { data, error } = await anon()
			.from('commitments_with_status')
			.select('id, commitment_progress(progress, status, changed_at)')
			.eq('id', ids.c05);
		expect(error).toBeNull();
		expect(data![0].commitment_progress.length).toBeGreaterThan(0);
		const notes = await anon().from('commitment_progress').select('note').eq('commitment_id', ids.c05);
		expect(notes.error?.code).toBe('42501');
	});

	it('does not read progress notes, flows or recipients', async () => {
		for (const table of [
			'commitment_progress',
			'information_flows',
			'information_flow_recipients'
		] as const) {
			const { error } = await anon().from(table).select('*').limit(1);
			expect(error?.code, table).toBe('42501');
		}
	});

	it('does not read delivery punctuality (recipients and receipts are internal)', async () => {
		const { error } = await anon()
			.from('flow_deliveries')
			.select('publication_id')
			.eq('publication_id', ids.published);
		expect(error?.code).toBe('42501');
	});

	it('cannot publish', async () => {
		const { error } = await anon()
			.from('publications')
			.insert({ region_code: '05', title: tag('Anónima'), kind: 'report' });
		expect(error?.code).toBe('42501');
	});
});

describe('planner', () => {
	it('reads projects nationwide', async () => {
		const { data, error } = await users.planner.client
			.from('projects')
			.select('id')
			.in('id', [ids.p05, ids.p13])
			.order('id');
		expect(error).toBeNull();
		expect(data!.map((p) => p.id)).toEqual([ids.p05, ids.p13].sort((a, b) => a - b));
	});

	it('does not read drafts', async () => {
		const { data, error } = await users.planner.client
			.from('publications')
			.select('id')
			.in('id', [ids.draft, ids.published]);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: ids.published }]);
	});

	it('does not write', async () => {
		const { error } = await users.planner.client.from('projects').insert({
			service_code: 'vialidad',
			name: tag('Del planificador'),
			stage: 'idea',
			status: 'planned',
			geom: valparaiso
		});
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe('new row violates row-level security policy for table "projects"');
	});
});

describe('gore (region 05)', () => {
	it('reads projects of every region (the portfolio is public), but progress notes of its own only', async () => {
		const { data, error } = await users.gore.client
			.from('projects')
			.select('id')
			.in('id', [ids.p05, ids.p13]);
		expect(error).toBeNull();
		expect(data).toHaveLength(2);
		const notes = await users.gore.client
			.from('commitment_progress')
			.select('commitment_id')
			.in('commitment_id', [ids.c05, ids.c13]);
		expect(notes.error).toBeNull();
		expect(new Set(notes.data!.map((n) => n.commitment_id))).toEqual(new Set([ids.c05]));
	});

	it('acknowledges a delivery addressed to its institution', async () => {
		const { data, error } = await users.gore.client
			.from('acknowledgements')
			.insert({ publication_id: ids.published, institution_id: ids.gore05 })
			.select('user_id, institution_id');
		expect(error).toBeNull();
		expect(data).toEqual([{ user_id: users.gore.id, institution_id: ids.gore05 }]);
	});

	it('sees whether a delivery of its region was on time, and to how many it was owed', async () => {
		const { data, error } = await users.gore.client
			.from('flow_deliveries')
			.select('publication_id, due_on, delivered, delivered_on_time, recipients_expected')
			.in('publication_id', [ids.published, ids.draft]);
		expect(error).toBeNull();
		// Published a day ago for a period due on 2026-10-10: late (the draft delivers no flow).
		expect(data).toEqual([
			{
				publication_id: ids.published,
				due_on: '2026-10-10',
				delivered: true,
				delivered_on_time: false,
				recipients_expected: 1
			}
		]);
	});

	it('cannot acknowledge in another institution’s name', async () => {
		const { error } = await users.gore.client
			.from('acknowledgements')
			.insert({ publication_id: ids.published, institution_id: ids.gore13 });
		expect(error?.code).toBeDefined();
		expect(['42501', '23514']).toContain(error!.code);
	});

	it('cannot report commitment progress', async () => {
		const { error } = await users.gore.client.rpc('update_commitment_progress', {
			commitment_id: ids.c05,
			progress: 10
		});
		expect(error?.code).toBe('42501');
	});
});

describe('secretariat (region 05)', () => {
	it('publishes in its region, as itself', async () => {
		const { data, error } = await users.secretariat.client
			.from('publications')
			.insert({ region_code: '05', title: tag('De la secretaría'), kind: 'bulletin' })
			.select('author_id, status');
		expect(error).toBeNull();
		expect(data).toEqual([{ author_id: users.secretariat.id, status: 'draft' }]);
	});

	it('cannot publish in another region', async () => {
		const { error } = await users.secretariat.client
			.from('publications')
			.insert({ region_code: '13', title: tag('Fuera de su región'), kind: 'bulletin' });
		expect(error?.code).toBe('42501');
	});

	it('reports commitment progress in its region, with a note in the history', async () => {
		const { data, error } = await users.secretariat.client.rpc('update_commitment_progress', {
			commitment_id: ids.c05,
			progress: 35,
			note: 'Obras iniciadas',
			status: 'in_progress'
		});
		expect(error).toBeNull();
		expect(data).toMatchObject({ id: ids.c05, progress: 35, status: 'in_progress' });
		const history = await users.secretariat.client
			.from('commitment_progress')
			.select('progress, note, changed_by')
			.eq('commitment_id', ids.c05)
			.order('id', { ascending: false })
			.limit(1);
		expect(history).toMatchObject({
			error: null,
			data: [{ progress: 35, note: 'Obras iniciadas', changed_by: users.secretariat.id }]
		});
	});

	it('cannot report progress in another region, nor edit its commitments; edits its own region’s', async () => {
		const other = await users.secretariat.client.rpc('update_commitment_progress', {
			commitment_id: ids.c13,
			progress: 35
		});
		expect(other.error?.code).toBe('42501');
		const foreign = await users.secretariat.client
			.from('commitments')
			.update({ title: 'Otro' })
			.eq('id', ids.c13)
			.select('id');
		expect(foreign).toMatchObject({ error: null, data: [] });
		const own = await users.secretariat.client
			.from('commitments')
			.update({ title: tag('Compromiso editado') })
			.eq('id', ids.c05)
			.select('title');
		expect(own).toMatchObject({ error: null, data: [{ title: tag('Compromiso editado') }] });
	});
});

describe('admin', () => {
	it('writes projects and reads the audit trail about them', async () => {
		const { data, error } = await users.admin.client
			.from('projects')
			.insert({
				service_code: 'obras_portuarias',
				name: tag('Del administrador'),
				stage: 'idea',
				status: 'planned',
				geom: valparaiso
			})
			.select('id');
		expect(error).toBeNull();
		const audit = await users.admin.client
			.from('audit_log')
			.select('action, actor, table_name')
			.eq('table_name', 'projects')
			.eq('record_id', String(data![0].id));
		expect(audit).toMatchObject({
			error: null,
			data: [{ action: 'INSERT', actor: users.admin.id, table_name: 'projects' }]
		});
	});

	it('cannot alter the audit trail, nor type in the comunas of a project', async () => {
		const audit = await users.admin.client.from('audit_log').delete().eq('table_name', 'projects');
		expect(audit.error?.code).toBe('42501');
		const communes = await users.admin.client
			.from('project_communes')
			.insert({ project_id: ids.p05, commune_code: '05109' });
		expect(communes.error?.code).toBe('42501');
	});

	it('sees the comunas computed from the geometry', async () => {
		const { data, error } = await users.admin.client
			.from('project_communes')
			.select('commune_code, province_code, region_code')
			.eq('project_id', ids.p05);
		expect(error).toBeNull();
		expect(data).toEqual([{ commune_code: '05101', province_code: '051', region_code: '05' }]);
	});
});

describe('bad input: a clear, specific error and nothing written', () => {
	const admin = () => users.admin.client;
	const project = (
		name: string,
		geom: unknown,
		extra: Partial<TablesInsert<'projects'>> = {}
	): TablesInsert<'projects'> => ({
		service_code: 'vialidad',
		name: tag(name),
		stage: 'idea',
		status: 'planned',
		geom,
		...extra
	});

	async function projectCount(name: string): Promise<number> {
		const { count, error } = await service
			.from('projects')
			.select('id', { count: 'exact', head: true })
			.eq('name', tag(name));
		expect(error).toBeNull();
		return count!;
	}

	it('an invalid geometry', async () => {
		const bowtie = {
			type: 'Polygon',
			coordinates: [
				[
					[-71.6, -33.0],
					[-71.5, -33.1],
					[-71.5, -33.0],
					[-71.6, -33.1],
					[-71.6, -33.0]
				]
			]
		};
		const { error } = await admin().from('projects').insert(project('Inválido', bowtie));
		expect(error).toMatchObject({
			code: '23514',
			message: 'La geometría del proyecto no es válida: Self-intersection en POINT(-71.55 -33.05).'
		});
		expect(await projectCount('Inválido')).toBe(0);
	});

	it('a geometry outside Chile, even as one row of a batch', async () => {
		const { error } = await admin()
			.from('projects')
			.insert([
				project('Lote', valparaiso),
				project('Lote', { type: 'Point', coordinates: [-68.84, -32.89] }),
				project('Lote', santiago)
			]);
		expect(error).toMatchObject({
			code: '23514',
			message: 'La geometría del proyecto está fuera de Chile.',
			hint: 'Las coordenadas van en orden longitud, latitud (EPSG:4326); revise que no estén invertidas.'
		});
		expect(await projectCount('Lote')).toBe(0);
	});

	it('a duplicate BIP code', async () => {
		const bip = `${String(Date.now()).slice(-8)}-${Math.floor(Math.random() * 10)}`;
		expect(
			(
				await admin()
					.from('projects')
					.insert(project('Con BIP', valparaiso, { bip_code: bip }))
			).error
		).toBeNull();
		const { error } = await admin()
			.from('projects')
			.insert(project('Con el mismo BIP', santiago, { bip_code: bip }));
		// Postgres leaves the key's value out of details for tables under RLS, so as not to reveal
		// rows the caller may not see; the constraint's name says which field it is.
		expect(error).toMatchObject({
			code: '23505',
			message: 'duplicate key value violates unique constraint "projects_bip_code_key"'
		});
		expect(await projectCount('Con el mismo BIP')).toBe(0);
	});

	it('an unknown code', async () => {
		const { error } = await admin()
			.from('project_themes')
			.insert({ project_id: ids.p05, theme_code: 'turismo' });
		expect(error).toMatchObject({
			code: '23503',
			message:
				'insert or update on table "project_themes" violates foreign key constraint "project_themes_theme_code_fkey"',
			details: 'Key is not present in table "themes".'
		});
		const region = await admin()
			.from('agreements')
			.insert({
				kind: 'cooperation_agreement',
				title: tag('Región 17'),
				problem: 'X',
				signed_on: '2025-01-01',
				region_code: '17'
			});
		expect(region.error).toMatchObject({
			code: '23503',
			message:
				'insert or update on table "agreements" violates foreign key constraint "agreements_region_code_fkey"'
		});
		const status = await users.secretariat.client
			.from('publications')
			// @ts-expect-error the database must refuse what the generated types already forbid
			.insert({ region_code: '05', title: tag('Estado'), kind: 'report', status: 'publicada' });
		expect(status.error).toMatchObject({
			code: '22P02',
			message: 'invalid input value for enum publication_status: "publicada"'
		});
	});

	it('progress outside 0–100', async () => {
		const { error } = await users.secretariat.client.rpc('update_commitment_progress', {
			commitment_id: ids.c05,
			progress: 120
		});
		expect(error).toMatchObject({
			code: '23514',
			message:
				'new row for relation "commitments" violates check constraint "commitments_progress_between_0_and_100"'
		});
		const current = must(await service.from('commitments').select('progress').eq('id', ids.c05));
		expect(current[0].progress).not.toBe(120);
	});

	it('a due date before the agreement’s date', async () => {
		const { error } = await admin()
			.from('commitments')
			.insert({
				agreement_id: ids.a05,
				title: tag('Vence antes'),
				responsible_institution_id: ids.gore05,
				theme_code: 'territorio',
				due_on: '2024-12-31'
			});
		expect(error).toMatchObject({
			code: '23514',
			message:
				'La fecha de vencimiento del compromiso (31-12-2024) es anterior a la fecha del acuerdo (15-01-2025).'
		});
		const written = must(await service.from('commitments').select('id').eq('title', tag('Vence antes')));
		expect(written).toEqual([]);
	});

	it('a publication without a title', async () => {
		const { error } = await users.secretariat.client
			.from('publications')
			// @ts-expect-error the database must refuse what the generated types already forbid
			.insert({ region_code: '05', kind: 'report' });
		expect(error).toMatchObject({
			code: '23502',
			message: 'null value in column "title" of relation "publications" violates not-null constraint'
		});
		const blank = await users.secretariat.client
			.from('publications')
			.insert({ region_code: '05', kind: 'report', title: '  ' });
		expect(blank.error).toMatchObject({
			code: '23514',
			message:
				'new row for relation "publications" violates check constraint "publications_title_not_blank"'
		});
	});
});

// The integrity rules (docs/SECURITY.md, "Integrity") as a client meets them: the code and the
// constraint name the app maps, and nothing written. supabase/tests/database/17_integrity proves
// every rule; these prove a few through PostgREST with real sessions.
describe('integrity: the database refuses what a client may not say', () => {
	const delivery = (flowId: number, dueOn: string) => ({
		region_code: '05',
		title: tag(`Entrega ${dueOn}`),
		kind: 'report' as const,
		flow_id: flowId,
		due_on: dueOn
	});

	it('a delivery of another region’s flow, answered like one of a flow that does not exist', async () => {
		const held = await users.secretariat.client
			.from('publications')
			.insert(delivery(ids.flow13, '2026-05-10'));
		const free = await users.secretariat.client
			.from('publications')
			.insert(delivery(ids.flow13, '2026-07-10'));
		const missing = await users.secretariat.client
			.from('publications')
			.insert(delivery(-1, '2026-05-10'));
		expect(held.error).toMatchObject({
			code: '23503',
			details: 'violates constraint "publications_flow_in_region"'
		});
		expect(violatedConstraint(held.error!)).toBe('publications_flow_in_region');
		// No 23505 tells region 05 that region 13 has a draft for May.
		for (const other of [free, missing]) {
			expect(other.error).toMatchObject({
				code: held.error!.code,
				message: held.error!.message,
				details: held.error!.details
			});
		}
		expect(
			must(
				await service
					.from('publications')
					.select('id')
					.eq('flow_id', ids.flow13)
					.eq('region_code', '05')
			)
		).toEqual([]);
	});

	it('a backdated publication gets the server’s time, and the caller as author', async () => {
		const before = Date.now();
		const { data, error } = await users.secretariat.client
			.from('publications')
			.insert({
				region_code: '05',
				title: tag('Publicada con fecha antigua'),
				kind: 'bulletin',
				status: 'published',
				published_at: '2020-01-01T00:00:00Z',
				created_at: '2020-01-01T00:00:00Z'
			})
			.select('published_at, created_at, author_id')
			.single();
		expect(error).toBeNull();
		for (const at of [data!.published_at!, data!.created_at]) {
			expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 5_000);
			expect(Date.parse(at)).toBeLessThanOrEqual(Date.now() + 5_000);
		}
		expect(data!.author_id).toBe(users.secretariat.id);
	});

	it('what has been public neither returns to draft nor is deleted by the secretariat', async () => {
		const back = await users.secretariat.client
			.from('publications')
			.update({ status: 'draft' })
			.eq('id', ids.published);
		expect(back.error).toMatchObject({ code: '23514' });
		expect(violatedConstraint(back.error!)).toBe('publications_status_moves_forward');
		const deleted = await users.secretariat.client
			.from('publications')
			.delete()
			.eq('id', ids.published)
			.select('id');
		expect(deleted).toMatchObject({ error: null, data: [] });
		const stored = must(await service.from('publications').select('status').eq('id', ids.published));
		expect(stored).toEqual([{ status: 'published' }]);
	});

	it('a receipt in someone else’s name is refused, and a receipt’s time cannot be rewritten', async () => {
		const forged = await users.admin.client
			.from('acknowledgements')
			.insert({ publication_id: ids.published, institution_id: ids.gore05, user_id: users.gore.id });
		expect(forged.error).toMatchObject({
			code: '42501',
			details: 'violates constraint "acknowledgements_user_is_caller"'
		});
		const rewritten = await users.admin.client
			.from('acknowledgements')
			.update({ acknowledged_at: '2020-01-01T00:00:00Z' })
			.eq('publication_id', ids.published);
		expect(rewritten.error).toMatchObject({
			code: '42501',
			details: 'violates constraint "acknowledgements_receipt_fixed"'
		});
	});
});

// docs/SECURITY.md and the pgTAP matrix must describe the same rules: the same (table, operation)
// rows, and a cell reads "—" in the document exactly when the test allows that role nothing there.
describe('docs/SECURITY.md matches the pgTAP matrix', () => {
	const roles = ['anon', 'nomember', 'planner', 'gore', 'secretariat', 'admin'] as const;

	function documentedCells(): Map<string, boolean> {
		const text = readFileSync(new URL('../../docs/SECURITY.md', import.meta.url), 'utf8');
		const cells = new Map<string, boolean>();
		for (const line of text.split('\n')) {
			const match = /^\|\s*`([a-z_]+)`\s*\|\s*([a-z ]+?)\s*\|(.*)\|\s*$/.exec(line);
			if (!match) continue;
			const [, table, op, rest] = match;
			const values = rest.split('|').map((v) => v.trim());
			expect(values, `${table} ${op}: one column per role`).toHaveLength(roles.length);
			values.forEach((value, i) => cells.set(`${table} ${op} ${roles[i]}`, value !== '—'));
		}
		return cells;
	}

	function testedCells(): Map<string, boolean> {
		const sql = readFileSync(
			new URL('../../supabase/tests/database/19_access_matrix.test.sql', import.meta.url),
			'utf8'
		);
		const literal = `'((?:[^']|'')*)'`;
		const row = new RegExp(
			`^\\s*\\('([a-z_]+)', '([a-z ]+)'${`, ${literal}`.repeat(roles.length)}\\)[,;]$`
		);
		const cells = new Map<string, boolean>();
		for (const line of sql.split('\n')) {
			const match = row.exec(line);
			if (!match) continue;
			const [, table, op, ...allowed] = match;
			allowed.forEach((targets, i) => cells.set(`${table} ${op} ${roles[i]}`, targets !== '{}'));
		}
		return cells;
	}

	it('lists the same cells with the same allowed/refused verdicts', () => {
		const tested = testedCells();
		expect(tested.size).toBeGreaterThan(500);
		expect(Object.fromEntries(documentedCells())).toEqual(Object.fromEntries(tested));
	});
});
