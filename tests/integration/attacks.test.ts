// An outside attack on what issues 10 and 11 built (agreements workspace, PMG workflow, council
// sessions, changes between sessions, the import and its saved mappings), through supabase-js with
// real JWTs for every role: anon, signed in without membership, the GORE of region A, the
// secretariats of regions A (05) and B (13), an administrator. Each probe is something an attacker
// would try: a reference into another region, a column the caller must not set, a status moved
// backwards, a frozen row changed, a hidden row revealed. The access matrix (pgTAP) proves the
// cells; these prove the same walls hold for a real client against PostgREST.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../src/lib/database.types.ts';
import { violatedConstraint } from '../../src/lib/errors.ts';
import type { ImportRow } from '../../src/lib/import/validate.ts';
import { importRow } from '../support/import-rows.ts';
import { must, signedInUser, testClient, type TestClient } from '../support/supabase.ts';

const run = randomUUID().slice(0, 8);
const tag = (label: string) => `${label} [ataque ${run}]`;
const A = '05';
const B = '13';
const COMMUNE_A = '05101';
const COMMUNE_B = '13101';

let service: TestClient;
let anon: TestClient;
const users: Record<'admin' | 'nomember' | 'goreA' | 'secA' | 'secB', { id: string; client: TestClient }> =
	{} as never;
const ids: Record<string, number> = {};

async function institution(kind: 'regional_government', region: string): Promise<number> {
	const rows = must(
		await service.from('institutions').select('id').eq('kind', kind).eq('region_code', region).limit(1)
	);
	return rows[0].id;
}

async function projectIn(region: string): Promise<number> {
	// A project touching only that region, so "touches region A" and "touches region B" never overlap.
	const rows = must(
		await service
			.from('project_communes')
			.select('project_id,region_code')
			.eq('region_code', region)
			.order('project_id')
			.limit(50)
	);
	for (const { project_id } of rows) {
		const regions = must(
			await service.from('project_communes').select('region_code').eq('project_id', project_id)
		);
		if (regions.every((r) => r.region_code === region)) return project_id;
	}
	throw new Error(`no project only in region ${region}`);
}

beforeAll(async () => {
	service = testClient({ key: 'service' });
	anon = testClient();
	users.admin = await signedInUser(service, { role: 'admin', label: 'attacks' });
	users.nomember = await signedInUser(service, { role: 'planner', label: 'attacks' });
	must(await service.from('memberships').delete().eq('user_id', users.nomember.id));
	users.goreA = await signedInUser(service, { role: 'gore', region: A, label: 'attacks' });
	users.secA = await signedInUser(service, { role: 'secretariat', region: A, label: 'attacks' });
	users.secB = await signedInUser(service, { role: 'secretariat', region: B, label: 'attacks' });
	ids.goreA = await institution('regional_government', A);
	ids.goreB = await institution('regional_government', B);
	ids.projectA = await projectIn(A);
	ids.projectB = await projectIn(B);
	const national = must(await service.from('institutions').select('id').eq('level', 'national').limit(1));
	ids.national = national[0].id;

	for (const [name, region] of [
		['agreementA', A],
		['agreementB', B]
	] as const) {
		ids[name] = must(
			await service
				.from('agreements')
				.insert({
					kind: 'working_group',
					title: tag(name),
					problem: 'Prueba',
					signed_on: '2026-01-01',
					region_code: region
				})
				.select('id')
				.single()
		).id;
	}
	ids.commitmentA = must(
		await service
			.from('commitments')
			.insert({
				agreement_id: ids.agreementA,
				title: tag('Compromiso A'),
				responsible_institution_id: ids.goreA,
				theme_code: 'territorio',
				due_on: '2026-12-31'
			})
			.select('id')
			.single()
	).id;
	ids.commitmentB = must(
		await service
			.from('commitments')
			.insert({
				agreement_id: ids.agreementB,
				title: tag('Compromiso B'),
				responsible_institution_id: ids.goreB,
				theme_code: 'territorio',
				due_on: '2026-12-31'
			})
			.select('id')
			.single()
	).id;
	must(
		await service
			.from('agreement_parties')
			.insert({ agreement_id: ids.agreementA, institution_id: ids.goreA, role: 'signatory' })
	);
});

afterAll(async () => {
	if (!service) return;
	await service.from('council_sessions').delete().like('place', `%${run}%`);
	await service.from('pmg_evaluations').delete().like('background', `%${run}%`);
	await service.from('agreements').delete().like('title', `%${run}%`);
	await service.from('projects').delete().like('name', `%${run}%`);
	for (const user of Object.values(users)) await service.auth.admin.deleteUser(user.id);
});

describe('agreements: references stay in the agreement territory', () => {
	it('an administrator cannot move a national agreement into a region while its commitments link another region', async () => {
		const national = must(
			await users.admin.client
				.from('agreements')
				.insert({
					kind: 'working_group',
					title: tag('Nacional'),
					problem: 'Prueba',
					signed_on: '2026-01-01',
					region_code: null
				})
				.select('id')
				.single()
		).id;
		const commitment = must(
			await users.admin.client
				.from('commitments')
				.insert({
					agreement_id: national,
					title: tag('Compromiso nacional'),
					responsible_institution_id: ids.national,
					theme_code: 'territorio',
					due_on: '2026-12-31'
				})
				.select('id')
				.single()
		).id;
		must(
			await users.admin.client
				.from('commitment_projects')
				.insert({ commitment_id: commitment, project_id: ids.projectB })
		);

		const moved = await users.admin.client
			.from('agreements')
			.update({ region_code: A })
			.eq('id', national);
		expect(moved.error?.code).toBe('23503');
		expect(violatedConstraint(moved.error!)).toBe('agreements_references_in_territory');
	});

	it("region A's secretariat cannot write region B's agreement, parties, comunas or commitments", async () => {
		const { client } = users.secA;
		const update = await client
			.from('agreements')
			.update({ title: 'tomada' })
			.eq('id', ids.agreementB)
			.select('id');
		expect(update.data).toEqual([]);
		const party = await client
			.from('agreement_parties')
			.insert({ agreement_id: ids.agreementB, institution_id: ids.national, role: 'signatory' });
		expect(party.error?.code).toBe('42501');
		const commitment = await client.from('commitments').insert({
			agreement_id: ids.agreementB,
			title: tag('Intruso'),
			responsible_institution_id: ids.national,
			theme_code: 'territorio',
			due_on: '2026-12-31'
		});
		expect(commitment.error?.code).toBe('42501');
		const moved = await client
			.from('commitments')
			.update({ agreement_id: ids.agreementB })
			.eq('id', ids.commitmentA)
			.select('id');
		// Refused by RLS or, first, by the territory rule (its institution is region A's): either way
		// nothing moves, and agreements are public, so naming the rule reveals nothing.
		expect(['42501', '23503']).toContain(moved.error?.code);
		const stayed = must(
			await service.from('commitments').select('agreement_id').eq('id', ids.commitmentA).single()
		);
		expect(stayed.agreement_id).toBe(ids.agreementA);
		const partyMoved = await client
			.from('agreement_parties')
			.update({ agreement_id: ids.agreementB })
			.eq('agreement_id', ids.agreementA)
			.select('agreement_id');
		expect(['42501', '23503']).toContain(partyMoved.error?.code);
		const parties = must(
			await service.from('agreement_parties').select('agreement_id').eq('institution_id', ids.goreA)
		);
		expect(parties.filter((p) => p.agreement_id === ids.agreementB)).toEqual([]);
	});

	it("region A's agreement cannot reach region B's institutions, comunas or projects", async () => {
		const { client } = users.secA;
		const party = await client
			.from('agreement_parties')
			.insert({ agreement_id: ids.agreementA, institution_id: ids.goreB, role: 'signatory' });
		expect(violatedConstraint(party.error!)).toBe('agreement_parties_institution_in_territory');
		const commune = await client
			.from('agreement_communes')
			.insert({ agreement_id: ids.agreementA, commune_code: COMMUNE_B });
		expect(violatedConstraint(commune.error!)).toBe('agreement_communes_in_territory');
		const link = await client
			.from('commitment_projects')
			.insert({ commitment_id: ids.commitmentA, project_id: ids.projectB });
		expect(violatedConstraint(link.error!)).toBe('commitment_projects_in_territory');
		const linkCommune = await client
			.from('commitment_communes')
			.insert({ commitment_id: ids.commitmentA, commune_code: COMMUNE_B });
		expect(violatedConstraint(linkCommune.error!)).toBe('commitment_communes_in_territory');
		const saved = await client.rpc('save_commitment', {
			p_id: ids.commitmentA,
			p_agreement_id: ids.agreementA,
			p_title: tag('Compromiso A'),
			p_responsible_institution_id: ids.goreA,
			p_theme_code: 'territorio',
			p_due_on: '2026-12-31',
			p_estimated_cost_clp: 1,
			p_communes: [COMMUNE_A],
			p_projects: [ids.projectA, ids.projectB]
		});
		expect(violatedConstraint(saved.error!)).toBe('commitment_projects_in_territory');
		// Atomic: the refused link left the comuna unlinked too.
		const communes = must(
			await service
				.from('commitment_communes')
				.select('commune_code')
				.eq('commitment_id', ids.commitmentA)
		);
		expect(communes).toEqual([]);
	});

	it('who and when are the database own, and the progress history cannot be written', async () => {
		const { client } = users.secA;
		const stamped = await client
			.from('agreements')
			.insert({
				kind: 'working_group',
				title: tag('Con fecha'),
				problem: 'Prueba',
				signed_on: '2026-01-01',
				region_code: A,
				created_at: '2000-01-01T00:00:00Z'
			})
			.select('created_at')
			.single();
		if (stamped.error) expect(stamped.error.code).toBe('42501');
		else expect(new Date(stamped.data.created_at).getFullYear()).toBeGreaterThan(2020);
		const history = await client
			.from('commitment_progress')
			.insert({ commitment_id: ids.commitmentA, progress: 50, status: 'in_progress' });
		expect(history.error?.code).toBe('42501');
		const rewrite = await client
			.from('commitment_progress')
			.update({ progress: 99 })
			.eq('commitment_id', ids.commitmentA);
		expect(rewrite.error?.code).toBe('42501');
	});

	it('statuses move forward only, and another region progress is refused without revealing it', async () => {
		const { client } = users.secA;
		must(
			await client.rpc('update_commitment_progress', {
				commitment_id: ids.commitmentA,
				progress: 40,
				note: 'avance',
				status: 'in_progress'
			})
		);
		const back = await client.from('commitments').update({ status: 'pending' }).eq('id', ids.commitmentA);
		expect(violatedConstraint(back.error!)).toBe('commitments_status_moves_forward');
		const other = await client.rpc('update_commitment_progress', {
			commitment_id: ids.commitmentB,
			progress: 10,
			note: 'intruso'
		});
		const missing = await client.rpc('update_commitment_progress', {
			commitment_id: 2_000_000_000,
			progress: 10,
			note: 'intruso'
		});
		expect(other.error?.code).toBe('42501');
		// The same answer for a hidden-to-writes row and a missing one, but for the id itself.
		expect(other.error?.message.replace(String(ids.commitmentB), 'N')).toBe(
			missing.error?.message.replace('2000000000', 'N')
		);
		const history = must(
			await users.admin.client
				.from('commitment_progress')
				.select('changed_by,note')
				.eq('commitment_id', ids.commitmentA)
		);
		expect(history.find((h) => h.note === 'avance')?.changed_by).toBe(users.secA.id);
	});
});

describe('texts have the same bounds through the API as in the forms', () => {
	// The forms cap these (src/lib/agreements/form-schemas.ts, src/lib/import/validate.ts); a caller
	// of the API is not bound by a form, and a 5 MB title would be served on every public list.
	const huge = 'x'.repeat(100_000);

	it('an agreement title or problem, a commitment title, a progress note', async () => {
		const { client } = users.secA;
		const agreement = {
			kind: 'working_group' as const,
			title: tag('Largo'),
			problem: 'Prueba',
			signed_on: '2026-01-01',
			region_code: A
		};
		const title = await client.from('agreements').insert({ ...agreement, title: huge });
		expect(violatedConstraint(title.error!)).toBe('agreements_title_length');
		const problem = await client.from('agreements').insert({ ...agreement, problem: huge });
		expect(violatedConstraint(problem.error!)).toBe('agreements_problem_length');
		const commitment = await client.from('commitments').update({ title: huge }).eq('id', ids.commitmentA);
		expect(violatedConstraint(commitment.error!)).toBe('commitments_title_length');
		const note = await client.rpc('update_commitment_progress', {
			commitment_id: ids.commitmentA,
			progress: 45,
			note: huge
		});
		expect(violatedConstraint(note.error!)).toBe('commitment_progress_note_length');
	});

	it('a publication body', async () => {
		const result = await users.secA.client.from('publications').insert({
			region_code: A,
			title: tag('Boletín'),
			kind: 'bulletin',
			status: 'draft',
			body_md: huge.repeat(3)
		});
		expect(violatedConstraint(result.error!)).toBe('publications_body_length');
	});

	it('a project name or description sent straight to the import', async () => {
		const base = {
			row_number: 1,
			bip_code: null,
			description: null,
			service_code: 'vialidad',
			stage: 'design',
			status: 'planned',
			investment_clp: 1,
			start_on: null,
			end_on: null,
			geometry: { type: 'Point', coordinates: [-71.6197, -33.0458] },
			commune_codes: []
		};
		for (const [row, constraint] of [
			[{ ...base, name: `${huge} ${run}` }, 'projects_name_length'],
			[{ ...base, name: tag('Descripción larga'), description: huge }, 'projects_description_length']
		] as const) {
			const result = await users.secA.client.rpc('import_projects', {
				p_rows: [row] as unknown as Json,
				p_commit: true
			});
			expect(violatedConstraint(result.error!)).toBe(constraint);
		}
	});
});

describe('the PMG workflow', () => {
	const evaluation = (overrides: Record<string, unknown> = {}) => ({
		institution_id: ids.national,
		year: 2031,
		requirement_code: '1.1',
		region_code: A,
		background: tag('Antecedentes'),
		...overrides
	});

	it("a secretariat drafts only its region's part, and never with stamps or a later status", async () => {
		const { client } = users.secA;
		for (const attempt of [
			evaluation({ region_code: B }),
			evaluation({ status: 'submitted' }),
			evaluation({ status: 'final' })
		]) {
			const result = await client.from('pmg_evaluations').insert(attempt as never);
			expect(result.error?.code, JSON.stringify(attempt)).toBe('42501');
		}
		const stamps = await client
			.from('pmg_evaluations')
			.insert(evaluation({ evidence: { falso: true } }) as never);
		expect(violatedConstraint(stamps.error!)).toBe('pmg_evaluations_stamps_fixed');
		const foreignInstitution = await client
			.from('pmg_evaluations')
			.insert(evaluation({ institution_id: ids.goreB }) as never);
		expect(foreignInstitution.error).not.toBeNull();
	});

	it('draft → submitted → final; the final one is frozen for everyone and nobody moves it back', async () => {
		const draft = must(
			await users.secA.client.from('pmg_evaluations').insert(evaluation()).select('id').single()
		).id;
		// Hidden from region B and from the GORE while in draft.
		expect(must(await users.secB.client.from('pmg_evaluations').select('id').eq('id', draft))).toEqual(
			[]
		);
		expect(must(await users.goreA.client.from('pmg_evaluations').select('id').eq('id', draft))).toEqual(
			[]
		);
		const foreign = await users.secB.client
			.from('pmg_evaluations')
			.update({ development: 'tomada' })
			.eq('id', draft)
			.select('id');
		expect(foreign.data).toEqual([]);

		must(await users.secA.client.from('pmg_evaluations').update({ status: 'submitted' }).eq('id', draft));
		const afterSubmit = await users.secA.client
			.from('pmg_evaluations')
			.update({ development: 'cambiada' })
			.eq('id', draft)
			.select('id');
		expect(afterSubmit.data).toEqual([]);
		expect(
			must(await users.goreA.client.from('pmg_evaluations').select('id').eq('id', draft))
		).toHaveLength(1);

		const finalised = must(
			await users.admin.client
				.from('pmg_evaluations')
				.update({ status: 'final' })
				.eq('id', draft)
				.select('evidence,finalised_at')
				.single()
		);
		expect(finalised.evidence).not.toBeNull();
		expect(finalised.finalised_at).not.toBeNull();
		for (const change of [
			{ status: 'submitted' },
			{ development: 'reescrita' },
			{ evidence: {} }
		] as const) {
			const result = await users.admin.client
				.from('pmg_evaluations')
				.update(change as never)
				.eq('id', draft);
			expect(result.error?.code, JSON.stringify(change)).toBe('42501');
		}
		const deleted = await users.admin.client
			.from('pmg_evaluations')
			.delete()
			.eq('id', draft)
			.select('id');
		expect(deleted.data).toEqual([]);
	});

	it('the evidence function is not open to anon', async () => {
		const result = await anon.rpc('pmg_evidence', { p_year: 2026, p_region: A } as never);
		expect(result.error).not.toBeNull();
	});
});

describe('council sessions and what changed between them', () => {
	it("region A's secretariat cannot record, read or change region B's sessions, nor set who or when", async () => {
		const b = must(
			await users.secB.client
				.from('council_sessions')
				.insert({ region_code: B, held_on: '2026-03-01', kind: 'ordinary', place: tag('Sala B') })
				.select('id')
				.single()
		).id;
		const insert = await users.secA.client
			.from('council_sessions')
			.insert({ region_code: B, held_on: '2026-03-02', kind: 'ordinary', place: tag('Sala intrusa') });
		expect(insert.error?.code).toBe('42501');
		expect(must(await users.secA.client.from('council_sessions').select('id').eq('id', b))).toEqual([]);
		const update = await users.secA.client
			.from('council_sessions')
			.update({ notes: 'tomada' })
			.eq('id', b)
			.select('id');
		expect(update.data).toEqual([]);
		const author = await users.secA.client.from('council_sessions').insert({
			region_code: A,
			held_on: '2026-03-03',
			kind: 'ordinary',
			place: tag('Sala A'),
			created_by: users.admin.id
		} as never);
		expect(author.error?.code).toBe('42501');
		const move = await users.secB.client
			.from('council_sessions')
			.update({ region_code: A } as never)
			.eq('id', b);
		expect(move.error?.code).toBe('42501');
		expect((await anon.from('council_sessions').select('id').eq('id', b)).error?.code).toBe('42501');
	});

	it('changes_between is for signed-in users and names nobody', async () => {
		const refused = await anon.rpc('changes_between', { p_from: '2026-01-01', p_to: '2026-12-31' });
		expect(refused.error).not.toBeNull();
		const rows = must(
			await users.nomember.client.rpc('changes_between', {
				p_from: '2026-01-01',
				p_to: '2026-12-31',
				p_region_code: A
			})
		);
		// Without a membership: public facts only, never deliveries (flows are internal working data).
		expect(rows.filter((r) => r.kind.startsWith('delivery_'))).toEqual([]);
		const text = JSON.stringify(rows);
		expect(text).not.toContain(users.secA.id);
	});
});

describe('the import and its saved mappings', () => {
	const row = (n: number, overrides: Partial<ImportRow> = {}) =>
		importRow(n, tag(`Obra ${n}`), {
			geometry: { type: 'Point', coordinates: [-71.6197, -33.0458] },
			...overrides
		});

	it('only administrators and secretariats import; anon and a GORE are refused', async () => {
		for (const client of [anon, users.nomember.client, users.goreA.client]) {
			const result = await client.rpc('import_projects', {
				p_rows: [row(1)] as unknown as Json,
				p_commit: true
			});
			expect(result.error?.code).toBe('42501');
		}
	});

	it("a secretariat's row that names a comuna of another region is rejected, geometry or not", async () => {
		const preview = must(
			await users.secA.client.rpc('import_projects', {
				p_rows: [
					row(1, { commune_codes: [COMMUNE_B] }),
					row(2, { geometry: null, commune_codes: [COMMUNE_B] }),
					row(3, { geometry: { type: 'Point', coordinates: [-70.6483, -33.4569] } })
				] as unknown as Json,
				p_commit: false
			})
		) as { rejections: { row: number; reason: string }[] };
		expect(preview.rejections).toEqual([
			{ row: 1, reason: 'outside_region', detail: COMMUNE_B },
			{ row: 2, reason: 'outside_region', detail: COMMUNE_B },
			{ row: 3, reason: 'outside_region', detail: COMMUNE_B }
		]);
	});

	it('a saved mapping belongs to its author and is shared only with its own region', async () => {
		const forged = await users.secA.client
			.from('import_mappings')
			.insert({ name: tag('falsa'), mapping: {}, user_id: users.secB.id } as never);
		expect(forged.error?.code).toBe('42501');
		const elsewhere = await users.secA.client
			.from('import_mappings')
			.insert({ name: tag('ajena'), mapping: {}, region_code: B });
		expect(elsewhere.error?.code).toBe('42501');
		const shared = must(
			await users.secA.client
				.from('import_mappings')
				.insert({ name: tag('compartida'), mapping: { nombre: 'name' }, region_code: A })
				.select('id')
				.single()
		).id;
		expect(must(await users.secB.client.from('import_mappings').select('id').eq('id', shared))).toEqual(
			[]
		);
		expect(must(await users.goreA.client.from('import_mappings').select('id').eq('id', shared))).toEqual(
			[]
		);
		const gore = await users.goreA.client
			.from('import_mappings')
			.insert({ name: tag('gore'), mapping: {} });
		expect(gore.error?.code).toBe('42501');
		must(await users.secA.client.from('import_mappings').delete().eq('id', shared));
	});
});

describe('search_projects', () => {
	it('treats the text as words, not as a pattern', async () => {
		const all = must(await anon.rpc('search_projects', { q: '%%', max_rows: 50 }));
		expect(all).toEqual([]);
		const underscore = must(await anon.rpc('search_projects', { q: '__', max_rows: 50 }));
		expect(underscore).toEqual([]);
		const capped = must(await anon.rpc('search_projects', { q: 'ruta', max_rows: 100_000 }));
		expect(capped.length).toBeLessThanOrEqual(50);
	});
});
