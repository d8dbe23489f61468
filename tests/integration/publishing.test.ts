// The publishing desk's rules as a client meets them (issue 9 §1, §5): real users signed in through
// Auth, their JWTs sent by supabase-js to PostgREST, RLS and the integrity triggers deciding. A
// secretariat of region 13 is refused publishing or editing in region 05, at the API, whatever the
// UI shows; authorship is the database's; a stale save is a conflict, not an overwrite.
//
// Uses the loaded official territory (regions 05 and 13 and their comunas); fixtures are removed
// afterwards (the audit trail keeps its entries about them, as it must).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';
import { violatedConstraint } from '../../src/lib/errors.ts';
import { testClient, type TestClient } from '../support/supabase.ts';

type SaveArgs = Database['public']['Functions']['save_publication']['Args'];
const run = randomUUID().slice(0, 8);
const tag = (label: string) => `${label} [publishing ${run}]`;

let service: TestClient;
const anon = testClient();
const users: Record<'sec05' | 'sec05b' | 'sec13', { id: string; client: TestClient }> = {} as never;
const created: number[] = [];

async function signedInSecretariat(region: string, label: string, existing?: string) {
	const email = `pub-${label}-${run}@example.test`;
	const password = `clave-${randomUUID()}`;
	let id = existing;
	if (!id) {
		const user = await service.auth.admin.createUser({ email, password, email_confirm: true });
		if (user.error) throw user.error;
		id = user.data.user.id;
		const membership = await service
			.from('memberships')
			.insert({ user_id: id, role: 'secretariat', region_code: region });
		if (membership.error) throw new Error(membership.error.message);
	}
	const client = testClient();
	const signIn = await client.auth.signInWithPassword({ email, password });
	if (signIn.error) throw signIn.error;
	return { id, client, email, password };
}

function save(overrides: Partial<SaveArgs>): SaveArgs {
	// supabase-js types every RPC argument as required; null is what SQL receives for "none".
	const none = null as unknown as string;
	return {
		p_id: null as unknown as number,
		p_expected_updated_at: none,
		p_region_code: '05',
		p_title: tag('Informe de prueba'),
		p_summary: 'Resumen',
		p_body_md: '# Cuerpo',
		p_kind: 'report',
		p_status: 'draft',
		p_scheduled_at: none,
		p_flow_id: null as unknown as number,
		p_due_on: none,
		p_communes: ['05101', '05109'],
		p_projects: [],
		p_commitments: [],
		...overrides
	};
}

let draft: { id: number; updated_at: string };

beforeAll(async () => {
	service = testClient({ key: 'service' });
	const sec05 = await signedInSecretariat('05', 'sec05');
	users.sec05 = sec05;
	users.sec13 = await signedInSecretariat('13', 'sec13');
	// The same person in a second browser: the other editor of the conflict test.
	const second = testClient();
	const signIn = await second.auth.signInWithPassword({ email: sec05.email, password: sec05.password });
	if (signIn.error) throw signIn.error;
	users.sec05b = { id: sec05.id, client: second };

	const saved = await users.sec05.client.rpc('save_publication', save({})).single();
	expect(saved.error).toBeNull();
	draft = saved.data!;
	created.push(draft.id);
});

afterAll(async () => {
	if (created.length > 0) await service.from('publications').delete().in('id', created);
	for (const user of [users.sec05, users.sec13]) if (user) await service.auth.admin.deleteUser(user.id);
});

describe("writing in one's own region", () => {
	it("saves a draft with its comunas, in the caller's name", async () => {
		const row = await service
			.from('publications')
			.select('author_id,status,region_code,publication_communes(commune_code)')
			.eq('id', draft.id)
			.single();
		expect(row.data?.author_id).toBe(users.sec05.id);
		expect(row.data?.status).toBe('draft');
		expect(row.data?.publication_communes.map((c) => c.commune_code).sort()).toEqual(['05101', '05109']);
	});

	it('keeps the draft from readers and its versions from other regions', async () => {
		expect((await anon.from('publications').select('id').eq('id', draft.id)).data).toEqual([]);
		expect((await anon.from('public_publications').select('id').eq('id', draft.id)).data).toEqual([]);
		const own = await users.sec05.client
			.from('publication_versions')
			.select('version')
			.eq('publication_id', draft.id);
		expect(own.data).toEqual([{ version: 1 }]);
		const other = await users.sec13.client
			.from('publication_versions')
			.select('version')
			.eq('publication_id', draft.id);
		expect(other.data).toEqual([]);
	});

	it('refuses a comuna of another region', async () => {
		const result = await users.sec05.client
			.rpc('save_publication', save({ p_title: tag('Con comuna de Santiago'), p_communes: ['13101'] }))
			.single();
		expect(result.error?.code).toBe('23503');
		expect(violatedConstraint(result.error!)).toBe('publication_communes_in_region');
	});
});

describe('a secretariat of region 13 in region 05', () => {
	it('cannot publish there through save_publication', async () => {
		const result = await users.sec13.client
			.rpc('save_publication', save({ p_title: tag('Intrusa'), p_status: 'published' }))
			.single();
		expect(result.error?.code).toBe('42501');
		const leaked = await service.from('publications').select('id').eq('title', tag('Intrusa'));
		expect(leaked.data).toEqual([]);
	});

	it('cannot publish there by writing the table directly', async () => {
		const result = await users.sec13.client
			.from('publications')
			.insert({ region_code: '05', title: tag('Intrusa directa'), kind: 'memo', status: 'published' })
			.select('id');
		expect(result.error?.code).toBe('42501');
	});

	it('cannot edit a publication of region 05, even knowing its updated_at', async () => {
		const result = await users.sec13.client
			.rpc(
				'save_publication',
				save({ p_id: draft.id, p_expected_updated_at: draft.updated_at, p_title: 'Cambiada' })
			)
			.single();
		expect(result.error?.code).toBe('42501');
		expect(violatedConstraint(result.error!)).toBe('publications_not_editable');
		const direct = await users.sec13.client
			.from('publications')
			.update({ title: 'Cambiada', status: 'published' })
			.eq('id', draft.id)
			.select('id');
		expect(direct.error).toBeNull();
		expect(direct.data).toEqual([]);
		const links = await users.sec13.client
			.from('publication_communes')
			.insert({ publication_id: draft.id, commune_code: '05102' });
		expect(links.error?.code).toBe('42501');
		const row = await service.from('publications').select('title,status').eq('id', draft.id).single();
		expect(row.data).toEqual({ title: tag('Informe de prueba'), status: 'draft' });
	});

	it("cannot write in someone else's name in its own region", async () => {
		const result = await users.sec13.client
			.from('publications')
			.insert({
				region_code: '13',
				title: tag('A nombre ajeno'),
				kind: 'memo',
				author_id: users.sec05.id
			})
			.select('id');
		expect(result.error?.code).toBe('42501');
		expect(violatedConstraint(result.error!)).toBe('publications_author_is_caller');
	});
});

describe('two editors of the same publication', () => {
	it('the second save, based on what was read before the first, is refused as a conflict', async () => {
		const read = draft.updated_at;
		const first = await users.sec05.client
			.rpc(
				'save_publication',
				save({ p_id: draft.id, p_expected_updated_at: read, p_summary: 'Primera edición' })
			)
			.single();
		expect(first.error).toBeNull();
		const second = await users.sec05b.client
			.rpc(
				'save_publication',
				save({ p_id: draft.id, p_expected_updated_at: read, p_summary: 'Segunda edición' })
			)
			.single();
		expect(second.error?.code).toBe('PT409');
		expect(violatedConstraint(second.error!)).toBe('publications_edit_conflict');
		const row = await service.from('publications').select('summary').eq('id', draft.id).single();
		expect(row.data?.summary).toBe('Primera edición');
		draft = first.data!;
	});
});

describe('publishing', () => {
	it("is public only once published, at the server's time, with every version kept", async () => {
		const before = Date.now();
		const published = await users.sec05.client
			.rpc(
				'save_publication',
				save({
					p_id: draft.id,
					p_expected_updated_at: draft.updated_at,
					p_summary: 'Primera edición',
					p_status: 'published',
					p_scheduled_at: '2001-01-01T00:00:00Z'
				})
			)
			.single();
		expect(published.error).toBeNull();
		const seen = await anon
			.from('public_publications')
			.select('id,published_at')
			.eq('id', draft.id)
			.single();
		expect(seen.error).toBeNull();
		expect(new Date(seen.data!.published_at!).getTime()).toBeGreaterThan(before - 60_000);
		const versions = await users.sec05.client
			.from('publication_versions')
			.select('version,status,saved_by')
			.eq('publication_id', draft.id)
			.order('version');
		expect(versions.data?.map((v) => v.status)).toEqual(['draft', 'draft', 'published']);
		expect(new Set(versions.data?.map((v) => v.saved_by))).toEqual(new Set([users.sec05.id]));
	});
});
