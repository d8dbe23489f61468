// The agreements workspace (issue 10 §1) as a client meets it: real users signed in through Auth,
// supabase-js calling save_agreement / save_commitment and the tables under RLS. The secretariat of
// Biobío (08) writes its region's agreements with everything under them; another region's stay out
// of reach, references stay in the agreement's territory, and the database keeps who, when and the
// order of statuses. supabase/tests/database/22_agreements_workspace and the access matrix prove
// every rule; these prove them through PostgREST with real sessions.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';
import { violatedConstraint } from '../../src/lib/errors.ts';
import { testClient, type TestClient, must, signedInUser } from '../support/supabase.ts';

const run = randomUUID().slice(0, 8);
const tag = (label: string) => `${label} [agreements ${run}]`;

let service: TestClient;
const users: Record<string, { id: string; client: TestClient }> = {};
const ids: Record<string, number> = {};

async function institutionId(kind: 'regional_government' | 'municipality', region: string) {
	const rows = must(
		await service
			.from('institutions')
			.select('id')
			.eq('kind', kind)
			.eq('region_code', region)
			.order('id')
			.limit(1)
	);
	expect(rows).toHaveLength(1);
	return rows[0].id;
}

type SaveAgreementArgs = Database['public']['Functions']['save_agreement']['Args'];

const agreement = (overrides: Partial<SaveAgreementArgs> = {}): SaveAgreementArgs => ({
	p_id: null as unknown as number,
	p_kind: 'working_group',
	p_title: tag('Mesa de trabajo'),
	p_problem: 'Escasez hídrica costera',
	p_signed_on: '2026-06-01',
	p_ends_on: null as unknown as string,
	p_region_code: '08',
	p_parties: [],
	p_communes: [],
	...overrides
});

beforeAll(async () => {
	service = testClient({ key: 'service' });
	users.secretariat = await signedInUser(service, {
		role: 'secretariat',
		region: '08',
		label: 'agreements'
	});
	users.gore = await signedInUser(service, { role: 'gore', region: '08', label: 'agreements' });
	ids.gore08 = await institutionId('regional_government', '08');
	ids.muni08 = await institutionId('municipality', '08');
	ids.gore13 = await institutionId('regional_government', '13');
	const national = must(await service.from('institutions').select('id').eq('level', 'national').limit(1));
	ids.national = national[0].id;
	const [other] = must(
		await service
			.from('agreements')
			.insert({
				kind: 'cooperation_agreement',
				title: tag('Convenio de Santiago'),
				problem: 'Aguas lluvia',
				signed_on: '2026-01-01',
				region_code: '13'
			})
			.select('id')
	);
	ids.a13 = other.id;
	const [commitment] = must(
		await service
			.from('commitments')
			.insert({
				agreement_id: ids.a13,
				title: tag('Compromiso de Santiago'),
				responsible_institution_id: ids.gore13,
				theme_code: 'territorio',
				due_on: '2026-12-31'
			})
			.select('id')
	);
	ids.c13 = commitment.id;
});

afterAll(async () => {
	if (!service) return;
	await service.from('agreements').delete().like('title', `%[agreements ${run}]`);
	for (const user of Object.values(users)) await service.auth.admin.deleteUser(user.id);
});

describe('the secretariat of Biobío', () => {
	it('creates a mesa de trabajo with three parties and its comunas in one call, which anyone reads', async () => {
		const saved = await users.secretariat.client.rpc(
			'save_agreement',
			agreement({
				p_parties: [
					{ institution_id: ids.gore08, role: 'coordinator' },
					{ institution_id: ids.muni08, role: 'signatory' },
					{ institution_id: ids.national, role: 'funder' }
				],
				p_communes: ['08106', '08101']
			})
		);
		expect(saved.error).toBeNull();
		ids.mesa = saved.data!;
		const parties = await testClient()
			.from('agreement_parties')
			.select('institution_id')
			.eq('agreement_id', ids.mesa);
		expect(parties.data).toHaveLength(3);
		const communes = await testClient()
			.from('agreement_communes')
			.select('commune_code')
			.eq('agreement_id', ids.mesa);
		expect(communes.data?.map((c) => c.commune_code).sort()).toEqual(['08101', '08106']);
	});

	it('adds a commitment with its cost, and reports progress with a note the history keeps', async () => {
		const saved = await users.secretariat.client.rpc('save_commitment', {
			p_id: null as unknown as number,
			p_agreement_id: ids.mesa,
			p_title: tag('Catastro de pozos'),
			p_responsible_institution_id: ids.muni08,
			p_theme_code: 'medio_ambiente',
			p_due_on: '2027-03-31',
			p_estimated_cost_clp: 12_500_000,
			p_communes: ['08106'],
			p_projects: []
		});
		expect(saved.error).toBeNull();
		ids.c08 = saved.data!;
		const progress = await users.secretariat.client.rpc('update_commitment_progress', {
			commitment_id: ids.c08,
			progress: 40,
			note: 'Mitad de los pozos',
			status: 'in_progress'
		});
		expect(progress.error).toBeNull();
		const history = await users.secretariat.client
			.from('commitment_progress')
			.select('progress,note,changed_by')
			.eq('commitment_id', ids.c08)
			.order('id');
		expect(history.data).toEqual([
			{ progress: 0, note: null, changed_by: users.secretariat.id },
			{ progress: 40, note: 'Mitad de los pozos', changed_by: users.secretariat.id }
		]);
	});

	it('cannot create an agreement of another region, nor a national one', async () => {
		for (const region of ['13', null]) {
			const refused = await users.secretariat.client.rpc(
				'save_agreement',
				agreement({ p_title: tag('Intruso'), p_region_code: region as string })
			);
			expect(refused.error?.code, String(region)).toBe('42501');
		}
	});

	it('cannot touch another region’s agreement or commitments: hidden writes, refused calls', async () => {
		const edit = await users.secretariat.client.rpc(
			'save_agreement',
			agreement({ p_id: ids.a13, p_title: tag('Tomado'), p_region_code: '13' })
		);
		expect(edit.error).toMatchObject({
			code: '42501',
			message: 'El acuerdo no existe o no tiene permiso para modificarlo.'
		});
		const update = await users.secretariat.client
			.from('commitments')
			.update({ title: 'Otro' })
			.eq('id', ids.c13)
			.select('id');
		expect(update).toMatchObject({ error: null, data: [] });
		const remove = await users.secretariat.client
			.from('agreements')
			.delete()
			.eq('id', ids.a13)
			.select('id');
		expect(remove).toMatchObject({ error: null, data: [] });
		const add = await users.secretariat.client.from('agreement_parties').insert({
			agreement_id: ids.a13,
			institution_id: ids.national,
			role: 'collaborator'
		});
		expect(add.error?.code).toBe('42501');
	});

	it('cannot move its agreement into another region', async () => {
		// An agreement without parties or comunas, so that only RLS can refuse the move.
		const empty = await users.secretariat.client.rpc(
			'save_agreement',
			agreement({ p_title: tag('Mesa vacía') })
		);
		expect(empty.error).toBeNull();
		const moved = await users.secretariat.client
			.from('agreements')
			.update({ region_code: '13' })
			.eq('id', empty.data!);
		expect(moved.error?.code).toBe('42501');
		const still = await testClient()
			.from('agreements')
			.select('region_code')
			.eq('id', empty.data!)
			.single();
		expect(still.data?.region_code).toBe('08');
	});

	it('references stay in Biobío: another region’s party, comuna or responsible is refused, and nothing is left behind', async () => {
		const party = await users.secretariat.client.rpc(
			'save_agreement',
			agreement({
				p_title: tag('Mesa con parte ajena'),
				p_parties: [{ institution_id: ids.gore13, role: 'signatory' }]
			})
		);
		expect(party.error?.code).toBe('23503');
		expect(violatedConstraint(party.error!)).toBe('agreement_parties_institution_in_territory');
		const missing = await users.secretariat.client.rpc(
			'save_agreement',
			agreement({
				p_title: tag('Mesa con parte ajena'),
				p_parties: [{ institution_id: 2 ** 40, role: 'signatory' }]
			})
		);
		expect(missing.error).toMatchObject({ code: party.error!.code, message: party.error!.message });
		const left = await service.from('agreements').select('id').eq('title', tag('Mesa con parte ajena'));
		expect(left.data).toEqual([]);

		const comuna = await users.secretariat.client
			.from('commitment_communes')
			.insert({ commitment_id: ids.c08, commune_code: '13101' });
		expect(violatedConstraint(comuna.error!)).toBe('commitment_communes_in_territory');
		const responsible = await users.secretariat.client
			.from('commitments')
			.update({ responsible_institution_id: ids.gore13 })
			.eq('id', ids.c08);
		expect(violatedConstraint(responsible.error!)).toBe('commitments_institution_in_territory');
	});

	it('leaves who and when to the database, and statuses only move forward', async () => {
		const backdated = await users.secretariat.client
			.from('agreements')
			.insert({
				kind: 'cooperation_agreement',
				title: tag('Convenio retrofechado'),
				problem: 'Problema',
				signed_on: '2026-01-01',
				region_code: '08',
				created_at: '2001-01-01T00:00:00Z'
			})
			.select('created_at')
			.single();
		expect(backdated.error).toBeNull();
		expect(Date.parse(backdated.data!.created_at)).toBeGreaterThan(Date.parse('2026-01-01'));
		const back = await users.secretariat.client
			.from('commitments')
			.update({ status: 'pending' })
			.eq('id', ids.c08);
		expect(back.error?.code).toBe('23514');
		expect(violatedConstraint(back.error!)).toBe('commitments_status_moves_forward');
		const forged = await users.secretariat.client
			.from('commitment_progress')
			.insert({ commitment_id: ids.c08, progress: 100, status: 'fulfilled' });
		expect(forged.error?.code).toBe('42501');
	});
});

describe('other roles of Biobío', () => {
	it('the regional government reads the agreement but does not write agreements', async () => {
		const read = await users.gore.client.from('agreements').select('id').eq('id', ids.mesa);
		expect(read.data).toHaveLength(1);
		const write = await users.gore.client.rpc(
			'save_agreement',
			agreement({ p_title: tag('Mesa del GORE') })
		);
		expect(write.error?.code).toBe('42501');
	});

	it('anyone signed out reads agreements and their comunas, but cannot call the workspace', async () => {
		const anon = testClient();
		const communes = await anon
			.from('agreement_communes')
			.select('commune_code')
			.eq('agreement_id', ids.mesa);
		expect(communes.data).toHaveLength(2);
		const write = await anon.rpc('save_agreement', agreement({ p_title: tag('Mesa anónima') }));
		expect(write.error?.code).toBe('42501');
	});
});
