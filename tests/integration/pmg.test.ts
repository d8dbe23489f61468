// The PMG evaluation (area pmg) as the app meets it: real users signed in through Auth, their JWTs
// sent by supabase-js, RLS and the workflow trigger deciding. The evidence of region 08 on the
// sample data is recomputed here from the tables themselves and must agree with pmg_evidence,
// with a national agreement lying in 08 and 13 added for the test (its cost split by
// costByRegion, the agreements workspace's rule, against the database's own split).
//
// Workflow fixtures live in year 2090 (no sample data there) and are removed with the service key
// afterwards (a final evaluation cannot be deleted through the API); the audit trail keeps them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costByRegion } from '../../src/lib/agreements/costs.ts';
import type { PmgEvidence } from '../../src/lib/pmg/evidence.ts';
import { testClient, type TestClient, must, signedInUser } from '../support/supabase.ts';

type Role = 'admin' | 'gore' | 'secretariat';
const YEAR = 2090;
const EVIDENCE_YEAR = 2026;

let service: TestClient;
let dgop: number;
const users: Record<Role | 'secretariat09', { id: string; client: TestClient }> = {} as never;

beforeAll(async () => {
	service = testClient({ key: 'service' });
	const [institution] = must(
		await service.from('institutions').select('id').eq('acronym', 'DGOP').eq('level', 'national')
	);
	dgop = institution.id;
	users.admin = await signedInUser(service, { role: 'admin', label: 'pmg' });
	users.gore = await signedInUser(service, { role: 'gore', region: '08', label: 'pmg' });
	users.secretariat = await signedInUser(service, { role: 'secretariat', region: '08', label: 'pmg' });
	users.secretariat09 = await signedInUser(service, { role: 'secretariat', region: '09', label: 'pmg' });
});

afterAll(async () => {
	await service.from('pmg_evaluations').delete().eq('year', YEAR);
	for (const user of Object.values(users)) await service.auth.admin.deleteUser(user.id);
});

/** The evidence of a year and region recomputed from the tables, as docs/DATA.md defines it. */
async function evidenceFromTables(client: TestClient, year: number, region: string, today: string) {
	const starts = `${year}-01-01`;
	const ends = `${year}-12-31`;
	const columns =
		'id,kind,problem,region_code,agreement_communes(commune_code),agreement_parties(institution_id,institutions(kind)),commitments(id,due_on,status,estimated_cost_clp,commitment_communes(commune_code),commitment_progress(status,changed_at))';
	const ofYear = must(
		await client
			.from('agreements')
			.select(columns)
			.or(`region_code.eq.${region},region_code.is.null`)
			.lte('signed_on', ends)
			.or(`ends_on.is.null,ends_on.gte.${starts}`)
	);
	const inRegion = (code: string) => code.startsWith(region);
	const communesOf = (a: (typeof ofYear)[number]) =>
		new Set([
			...a.agreement_communes.map((ac) => ac.commune_code),
			...a.commitments.flatMap((c) => c.commitment_communes.map((cc) => cc.commune_code))
		]);
	// The region's own agreements, and the national ones with a comuna in it.
	const agreements = ofYear.filter((a) => a.region_code === region || [...communesOf(a)].some(inRegion));
	const institutions = new Map<number, string>();
	for (const a of agreements)
		for (const p of a.agreement_parties) institutions.set(p.institution_id, p.institutions.kind);
	const covered = new Set(
		agreements.flatMap((a) =>
			a.commitments.flatMap((c) => c.commitment_communes.map((cc) => cc.commune_code))
		)
	);
	const chileDay = (at: string) =>
		new Date(at).toLocaleDateString('en-CA', { timeZone: 'America/Santiago' });
	const scheduled = agreements
		.filter((a) => a.agreement_parties.length >= 2)
		.flatMap((a) =>
			a.commitments.map((c) => {
				const communes = c.commitment_communes.map((cc) => cc.commune_code);
				// A national commitment counts where its comunas are, with the region's part of its cost.
				const national = a.region_code === null;
				return {
					...c,
					communes,
					counted: !national || communes.some(inRegion),
					cost: national
						? (costByRegion(c.estimated_cost_clp ?? 0, communes).get(region) ?? 0)
						: (c.estimated_cost_clp ?? 0)
				};
			})
		)
		.filter((c) => c.counted && c.due_on >= starts && c.due_on <= ends);
	const due = scheduled.filter((c) => c.due_on <= today && c.status !== 'cancelled');
	const onTime = due.filter((c) => {
		const fulfilled = c.commitment_progress
			.filter((h) => h.status === 'fulfilled')
			.map((h) => chileDay(h.changed_at))
			.sort()[0];
		return c.status === 'fulfilled' && fulfilled !== undefined && fulfilled <= c.due_on;
	});
	const overdue = (c: (typeof scheduled)[number]) =>
		c.due_on < today && c.status !== 'fulfilled' && c.status !== 'cancelled';
	const count = (codes: string[]) =>
		codes.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});
	const deliveries = must(
		await client
			.from('flow_deliveries')
			.select('delivered,delivered_on_time,recipients_expected,recipients_acknowledged')
			.eq('region_code', region)
			.gte('due_on', starts)
			.lte('due_on', today < ends ? today : ends)
	);
	const delivered = deliveries.filter((d) => d.delivered);
	return {
		agreements: agreements.length,
		institutions: institutions.size,
		byKind: [...institutions.values()].reduce<Record<string, number>>(
			(acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }),
			{}
		),
		communesCovered: [...covered].filter(inRegion).length,
		formal: agreements.filter((a) => a.agreement_parties.length >= 2).length,
		scheduled: scheduled.length,
		due: due.length,
		onTime: onTime.length,
		overdue: scheduled.filter(overdue).length,
		cost: scheduled.filter((c) => c.status !== 'cancelled').reduce((sum, c) => sum + c.cost, 0),
		agreementIds: agreements.map((a) => a.id),
		agreementsByCommune: count(agreements.flatMap((a) => [...communesOf(a)].filter(inRegion))),
		scheduledByCommune: count(scheduled.flatMap((c) => c.communes.filter(inRegion))),
		overdueByCommune: count(scheduled.filter(overdue).flatMap((c) => c.communes.filter(inRegion))),
		deliveriesDue: deliveries.length,
		deliveredOnTime: deliveries.filter((d) => d.delivered_on_time).length,
		receiptsExpected: delivered.reduce((sum, d) => sum + (d.recipients_expected ?? 0), 0),
		receipts: delivered.reduce((sum, d) => sum + (d.recipients_acknowledged ?? 0), 0)
	};
}

describe('evidence of region 08 on the sample data', () => {
	// A national agreement lying in 08 and 13 (the sample's national agreements have no comunas):
	// it must count in 08's evidence, with 08's part of its commitment's cost.
	const TITLE = `Convenio nacional [pmg-int ${Date.now()}]`;
	let national: number;
	beforeAll(async () => {
		const gores = must(
			await service
				.from('institutions')
				.select('id,region_code')
				.eq('kind', 'regional_government')
				.in('region_code', ['08', '13'])
		);
		const [agreement] = must(
			await service
				.from('agreements')
				.insert({
					kind: 'cooperation_agreement',
					title: TITLE,
					problem: 'Conectividad interregional',
					signed_on: `${EVIDENCE_YEAR}-01-10`,
					region_code: null
				})
				.select('id')
		);
		national = agreement.id;
		must(
			await service.from('agreement_parties').insert([
				{ agreement_id: national, institution_id: dgop, role: 'coordinator' },
				...gores.map((g) => ({
					agreement_id: national,
					institution_id: g.id,
					role: 'signatory' as const
				}))
			])
		);
		must(
			await service.from('agreement_communes').insert({ agreement_id: national, commune_code: '08101' })
		);
		const commitments = must(
			await service
				.from('commitments')
				.insert([
					{
						agreement_id: national,
						title: `Repartido ${TITLE}`,
						responsible_institution_id: dgop,
						theme_code: 'territorio',
						due_on: `${EVIDENCE_YEAR}-03-01`,
						estimated_cost_clp: 3_000_001
					},
					{
						agreement_id: national,
						title: `Solo en 13 ${TITLE}`,
						responsible_institution_id: dgop,
						theme_code: 'territorio',
						due_on: `${EVIDENCE_YEAR}-04-01`,
						estimated_cost_clp: 500
					}
				])
				.select('id,title')
		);
		const id = (prefix: string) => commitments.find((c) => c.title.startsWith(prefix))!.id;
		must(
			await service.from('commitment_communes').insert([
				{ commitment_id: id('Repartido'), commune_code: '08101' },
				{ commitment_id: id('Repartido'), commune_code: '08102' },
				{ commitment_id: id('Repartido'), commune_code: '13101' },
				{ commitment_id: id('Solo en 13'), commune_code: '13101' }
			])
		);
	});
	afterAll(async () => {
		await service.from('agreements').delete().eq('title', TITLE);
	});

	it('pmg_evidence agrees with the figures recomputed from the tables', async () => {
		const evidence = must(
			await users.admin.client.rpc('pmg_evidence', { p_year: EVIDENCE_YEAR, p_region_code: '08' })
		) as unknown as PmgEvidence;
		const direct = await evidenceFromTables(users.admin.client, EVIDENCE_YEAR, '08', evidence.today);
		expect(direct.agreements).toBeGreaterThan(0);
		expect(direct.scheduled).toBeGreaterThan(0);
		expect(direct.deliveriesDue).toBeGreaterThan(0);
		expect(evidence['1.1'].agreements).toBe(direct.agreements);
		expect(evidence['1.1'].problems.map((p) => p.agreement_id).sort()).toEqual(
			direct.agreementIds.sort()
		);
		expect(evidence['1.1'].problems.map((p) => p.agreement_id)).toContain(national);
		expect(Object.fromEntries(evidence['1.1'].places!.map((p) => [p.code, p.agreements]))).toEqual(
			direct.agreementsByCommune
		);
		expect(Object.fromEntries(evidence['1.3'].places!.map((p) => [p.code, p.scheduled]))).toEqual(
			direct.scheduledByCommune
		);
		expect(
			Object.fromEntries(
				evidence['1.3'].places!.filter((p) => p.overdue > 0).map((p) => [p.code, p.overdue])
			)
		).toEqual(direct.overdueByCommune);
		expect(evidence['1.2'].institutions).toBe(direct.institutions);
		expect(Object.fromEntries(evidence['1.2'].by_kind.map((k) => [k.kind, k.institutions]))).toEqual(
			direct.byKind
		);
		expect(evidence['1.2'].communes_covered).toBe(direct.communesCovered);
		expect(evidence['1.3']).toMatchObject({
			formal_agreements: direct.formal,
			commitments_scheduled: direct.scheduled,
			commitments_due: direct.due,
			fulfilled_on_time: direct.onTime,
			overdue: direct.overdue,
			estimated_cost_clp: direct.cost
		});
		expect(evidence['2.1']).toMatchObject({
			deliveries_due: direct.deliveriesDue,
			delivered_on_time: direct.deliveredOnTime,
			receipts_expected: direct.receiptsExpected,
			receipts: direct.receipts
		});
		expect(evidence['2.1'].punctuality).toBeCloseTo(direct.deliveredOnTime / direct.deliveriesDue, 4);
	});

	it('the region’s secretariat previews the same evidence as an administrator', async () => {
		const [asAdmin, asSecretariat] = await Promise.all(
			[users.admin, users.secretariat].map(async (u) =>
				must(await u.client.rpc('pmg_evidence', { p_year: EVIDENCE_YEAR, p_region_code: '08' }))
			)
		);
		const strip = (e: unknown) => ({ ...(e as PmgEvidence), as_of: null });
		expect(strip(asSecretariat)).toEqual(strip(asAdmin));
	});

	it('is not for anonymous visitors', async () => {
		const { error } = await testClient().rpc('pmg_evidence', {
			p_year: EVIDENCE_YEAR,
			p_region_code: '08'
		});
		expect(error?.code).toBe('42501');
	});
});

describe('the evaluation workflow through the API', () => {
	const draft = (client: TestClient, region: string, requirement = '1.1') =>
		client
			.from('pmg_evaluations')
			.insert({
				institution_id: dgop,
				year: YEAR,
				requirement_code: requirement,
				region_code: region,
				development: '**Tres** mesas'
			})
			.select('id,status,region_code')
			.single();

	it('a secretariat drafts its region’s part, never another region’s', async () => {
		const mine = await draft(users.secretariat.client, '08');
		expect(mine.error).toBeNull();
		expect(mine.data).toMatchObject({ status: 'draft', region_code: '08' });
		const theirs = await draft(users.secretariat.client, '09');
		expect(theirs.error?.code).toBe('42501');
	});

	it('drafts stay with the region’s secretariat; the GORE and other regions read nothing of them', async () => {
		const gore = must(await users.gore.client.from('pmg_evaluations').select('id').eq('year', YEAR));
		const other = must(
			await users.secretariat09.client.from('pmg_evaluations').select('id').eq('year', YEAR)
		);
		expect([gore.length, other.length]).toEqual([0, 0]);
	});

	it('the secretariat submits but cannot finalise; an administrator finalises and the evidence is frozen', async () => {
		const finalise = await users.secretariat.client
			.from('pmg_evaluations')
			.update({ status: 'final' })
			.eq('year', YEAR)
			.eq('region_code', '08')
			.select('id');
		expect(finalise.error?.code).toBe('42501');

		const submitted = must(
			await users.secretariat.client
				.from('pmg_evaluations')
				.update({ status: 'submitted' })
				.eq('year', YEAR)
				.eq('region_code', '08')
				.select('id,status,submitted_at')
		);
		expect(submitted).toHaveLength(1);
		expect(submitted[0].submitted_at).not.toBeNull();
		expect(
			must(await users.gore.client.from('pmg_evaluations').select('status').eq('year', YEAR))
		).toEqual([{ status: 'submitted' }]);

		const final = must(
			await users.admin.client
				.from('pmg_evaluations')
				.update({ status: 'final' })
				.eq('year', YEAR)
				.eq('region_code', '08')
				.select('id,evidence,finalised_at')
		);
		expect(final[0].finalised_at).not.toBeNull();
		expect((final[0].evidence as unknown as PmgEvidence)['1.1']).toBeDefined();

		const change = await users.admin.client
			.from('pmg_evaluations')
			.update({ development: 'Reescrito' })
			.eq('id', final[0].id);
		expect(change.error?.code).toBe('42501');
		expect(change.error?.message).toBe('Una evaluación final está cerrada y no se puede modificar.');
	});

	it('nobody sets the stamps or the evidence by hand', async () => {
		const forged = await users.admin.client.from('pmg_evaluations').insert({
			institution_id: dgop,
			year: YEAR,
			requirement_code: '1.2',
			region_code: '08',
			evidence: { '1.1': {} }
		});
		expect(forged.error?.code).toBe('42501');
		expect(forged.error?.details).toBe('violates constraint "pmg_evaluations_stamps_fixed"');
	});
});

describe('what changed between sessions', () => {
	it('lists changes without saying who made them', async () => {
		const rows = must(
			await users.gore.client
				.rpc('changes_between', { p_from: '2026-01-01', p_to: '2026-11-30', p_region_code: '08' })
				.limit(50)
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows)
			expect(Object.keys(row).sort()).toEqual([
				'happened_on',
				'kind',
				'new_value',
				'old_value',
				'region_code',
				'subject',
				'subject_id',
				'subject_type'
			]);
	});
});
