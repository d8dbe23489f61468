import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPO_ROOT } from '../data/build.ts';
import { readCodeList } from '../data/code-list.ts';
import { daysBetween } from './dates.ts';
import { generateSample, validateSampleOptions, type SampleData } from './generate.ts';
import { PMG_REQUIREMENTS } from './pmg.ts';
import { sCurve } from './progress.ts';
import { bipCheckDigit, MAX_REACH_M, THEMES, TYPOLOGIES, type SampleProject } from './projects.ts';
import { territoryFromCodeList, type SampleTerritory } from './territory.ts';

const ANCHOR = '2026-11-01';
let territory: SampleTerritory;
let sample: SampleData;

beforeAll(async () => {
	const { list } = await readCodeList(join(DEFAULT_REPO_ROOT, 'data', 'territory'));
	// Every regional capital but Santiago gets a stretch of coast (the real one comes from the
	// territory topology, which unit tests do not need).
	const coast = Object.fromEntries(
		list.communes
			.filter((c) => c.code.endsWith('101') && c.region_code !== '13')
			.map((c, i) => [
				c.code,
				[
					[-71 - i * 0.01, -33],
					[-71 - i * 0.01, -33.01]
				] as [number, number][]
			])
	);
	territory = territoryFromCodeList(list, coast);
	sample = generateSample(territory, { projects: 3000, seed: 1, anchor: ANCHOR });
});

const hash = (data: unknown) =>
	createHash('sha256')
		.update(JSON.stringify(data, (_k, v) => (v instanceof Map ? [...v] : v)))
		.digest('hex');
const regionOf = (p: SampleProject) => p.commune_code.slice(0, 2);
const byId = <T extends { id: number }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

describe('determinism', () => {
	it('gives identical rows for the same seed and anchor', () => {
		const again = generateSample(territory, { projects: 3000, seed: '1', anchor: ANCHOR });
		expect(hash(again)).toBe(hash(sample));
	});

	it('gives other rows for another seed', () => {
		const other = generateSample(territory, { projects: 3000, seed: 2, anchor: ANCHOR });
		expect(hash(other.projects)).not.toBe(hash(sample.projects));
		const differentNames = other.projects.filter((p, i) => p.name !== sample.projects[i].name).length;
		expect(differentNames).toBeGreaterThan(2500);
	});

	it('moves every date with the anchor', () => {
		const later = generateSample(territory, { projects: 3000, seed: 1, anchor: '2027-11-01' });
		expect(later.projects.map((p) => p.name)).toEqual(sample.projects.map((p) => p.name));
		for (const p of sample.projects.filter((x) => x.start_on)) {
			// A year later, give or take the days a month-end clamps (31 January + 1 month…).
			const shift = daysBetween(p.start_on!, later.projects[p.id - 1].start_on!);
			expect(shift, p.name).toBeGreaterThanOrEqual(362);
			expect(shift, p.name).toBeLessThanOrEqual(368);
		}
	});
});

describe('coverage', () => {
	it('puts one project in each region for the smallest sample', () => {
		const small = generateSample(territory, { projects: 16, seed: 9, anchor: ANCHOR });
		expect(new Set(small.projects.map(regionOf)).size).toBe(16);
	});

	it('gives every region projects, agreements, flows, publications and PMG evaluations', () => {
		for (const region of territory.regions) {
			const code = region.code;
			expect(
				sample.projects.filter((p) => regionOf(p) === code).length,
				`projects ${code}`
			).toBeGreaterThan(15);
			expect(
				sample.agreements.filter((a) => a.region_code === code).length,
				`agreements ${code}`
			).toBeGreaterThanOrEqual(3);
			expect(
				sample.flows.filter((f) => f.region_code === code).length,
				`flows ${code}`
			).toBeGreaterThanOrEqual(4);
			expect(
				sample.publications.filter((p) => p.region_code === code).length,
				`publications ${code}`
			).toBeGreaterThan(20);
			expect(
				sample.pmg.filter((e) => e.institution.endsWith(`:${code}`)).length,
				`pmg ${code}`
			).toBeGreaterThan(0);
		}
	});

	it('weights regions by population and size: Santiago leads, Aysén is not empty', () => {
		const count = (code: string) => sample.projects.filter((p) => regionOf(p) === code).length;
		expect(count('13')).toBeGreaterThan(count('05'));
		expect(count('13') / 3000).toBeGreaterThan(0.2);
		expect(count('13') / 3000).toBeLessThan(0.4);
		expect(count('11')).toBeGreaterThan(30);
	});

	it('uses every MOP service, every typology, and the four themes', () => {
		expect(new Set(sample.projects.map((p) => p.service_code)).size).toBe(8);
		expect(new Set(sample.projects.map((p) => p.typology))).toEqual(
			new Set(TYPOLOGIES.map((t) => t.key))
		);
		expect(new Set(sample.commitments.map((c) => c.theme_code))).toEqual(new Set(THEMES));
		expect(new Set(sample.projects.flatMap((p) => p.themes))).toEqual(new Set(THEMES));
	});

	it('grows agreements and other publications with the number of projects', () => {
		const large = generateSample(territory, { projects: 12_000, seed: 1, anchor: ANCHOR });
		expect(large.agreements.length).toBe(300);
		expect(large.publications.length).toBeGreaterThan(sample.publications.length);
	});
});

describe('projects', () => {
	it('have ordered dates consistent with their status, relative to the anchor', () => {
		for (const p of sample.projects) {
			if (p.start_on && p.end_on) expect(p.end_on >= p.start_on, `${p.id}`).toBe(true);
			if (p.status === 'completed') expect(p.end_on! < ANCHOR, `${p.id}`).toBe(true);
			if (p.status === 'in_progress' || p.status === 'halted')
				expect(p.start_on! <= ANCHOR, `${p.id}`).toBe(true);
			if (p.status === 'planned' && p.start_on) expect(p.start_on > ANCHOR, `${p.id}`).toBe(true);
			expect(p.created_at.slice(0, 10) <= ANCHOR, `${p.id}`).toBe(true);
		}
		// Some works run past their planned end: the dashboard has delays to show.
		expect(sample.projects.some((p) => p.status === 'in_progress' && p.end_on! < ANCHOR)).toBe(true);
	});

	it('have investments within their typology range, missing only for early ideas', () => {
		const ranges = new Map(TYPOLOGIES.map((t) => [t.key, t.investment]));
		for (const p of sample.projects) {
			if (p.investment_clp === null) {
				expect(['idea', 'profile']).toContain(p.stage);
				continue;
			}
			const [min, max] = ranges.get(p.typology)!;
			expect(p.investment_clp % 1000).toBe(0);
			expect(p.investment_clp).toBeGreaterThanOrEqual(min * 1e6 - 1000);
			expect(p.investment_clp).toBeLessThanOrEqual(max * 1e6 + 1000);
		}
	});

	it('have unique BIP codes of 8 digits with their check digit, and some none', () => {
		const codes = sample.projects.map((p) => p.bip_code).filter((c): c is string => c !== null);
		expect(new Set(codes).size).toBe(codes.length);
		expect(codes.length).toBeLessThan(sample.projects.length);
		for (const code of codes) {
			expect(code).toMatch(/^[0-9]{8}-[0-9K]$/);
			expect(bipCheckDigit(code.slice(0, 8))).toBe(code.slice(9));
		}
		// Computed like a RUT's: 12.345.678-5 is the textbook example.
		expect(bipCheckDigit('12345678')).toBe('5');
	});

	it('name real places: the comuna, and the region’s routes for roads', () => {
		const communes = new Map(territory.communes.map((c) => [c.code, c]));
		for (const p of sample.projects) {
			const commune = communes.get(p.commune_code)!;
			expect(commune.areaKm2, p.name).toBeTruthy();
			if (p.typology === 'vialidad.mejoramiento')
				expect(p.name).toMatch(/^Mejoramiento Ruta [0-9A-Z-]+, sector .+ – .+, comuna de /);
			if (p.typology === 'vialidad.mejoramiento' || p.typology === 'agua_potable_rural.instalacion') {
				expect(p.name.endsWith(`comuna de ${commune.name}`), p.name).toBe(true);
			}
		}
	});

	it('have shapes that stay within reach of their anchor, and harbours on the coast', () => {
		const reach = (wkt: string) =>
			Math.max(
				...wkt
					.replace(/[A-Z()]/g, '')
					.split(',')
					.map((pair) => Math.hypot(...(pair.trim().split(' ').map(Number) as [number, number])))
			);
		const anchors = new Map<string, number[]>();
		for (const p of sample.projects) {
			if (p.shape.kind === 'line') {
				expect(p.shape.fallback).toBeGreaterThan(0);
				expect(p.shape.fallback).toBeLessThanOrEqual(1);
				expect(reach(p.shape.rel) * p.shape.fallback).toBeLessThanOrEqual(MAX_REACH_M + 1);
			}
			if (p.shape.kind === 'polygon') {
				expect(p.shape.rel).toMatch(/^POLYGON\(\(.*\)\)$/);
				expect(reach(p.shape.rel)).toBeLessThanOrEqual(MAX_REACH_M);
			}
			if (p.shape.kind === 'coast') {
				const coast = territory.communes.find((c) => c.code === p.commune_code)!.coast;
				const { lon, lat } = p.shape;
				expect(coast.some(([x, y]) => Math.abs(x - lon) < 0.01 && Math.abs(y - lat) < 0.01)).toBe(
					true
				);
				expect(p.anchor).toBe(0);
			} else {
				anchors.set(p.commune_code, [...(anchors.get(p.commune_code) ?? []), p.anchor]);
			}
		}
		expect(
			sample.projects
				.filter((p) => p.service_code === 'obras_portuarias')
				.every((p) => p.shape.kind === 'coast')
		).toBe(true);
		// Anchors number the comuna's random points 1..n, each used once.
		for (const [code, list] of anchors) {
			expect(list.sort((a, b) => a - b)).toEqual(Array.from({ length: list.length }, (_, i) => i + 1));
			expect(sample.anchorsPerCommune.get(code)).toBe(list.length);
		}
	});
});

describe('agreements and commitments', () => {
	it('join real institutions of their region, each once', () => {
		const keys = new Map(sample.institutions.map((i) => [i.key, i]));
		const agreements = byId(sample.agreements);
		const seen = new Set<string>();
		for (const party of sample.parties) {
			const institution = keys.get(party.institution);
			expect(institution, party.institution).toBeDefined();
			const region = agreements.get(party.agreement_id)!.region_code;
			expect(institution!.region_code).toBe(region);
			const key = `${party.agreement_id}/${party.institution}`;
			expect(seen.has(key), key).toBe(false);
			seen.add(key);
		}
		expect(sample.agreements.filter((a) => a.region_code === null).length).toBeGreaterThan(0);
		expect(new Set(sample.agreements.map((a) => a.kind))).toEqual(
			new Set(['cooperation_agreement', 'memorandum_of_understanding', 'working_group'])
		);
	});

	it('have dates in order: signed before the anchor, ends and due dates after signing', () => {
		const agreements = byId(sample.agreements);
		for (const a of sample.agreements) {
			expect(a.signed_on < ANCHOR).toBe(true);
			if (a.ends_on) expect(a.ends_on >= a.signed_on).toBe(true);
		}
		for (const c of sample.commitments)
			expect(c.due_on >= agreements.get(c.agreement_id)!.signed_on, `${c.id}`).toBe(true);
	});

	it('have progress and status that agree, and some overdue at the anchor', () => {
		const parties = new Set(sample.parties.map((p) => `${p.agreement_id}/${p.institution}`));
		for (const c of sample.commitments) {
			expect(c.progress).toBeGreaterThanOrEqual(0);
			expect(c.progress).toBeLessThanOrEqual(100);
			if (c.status === 'fulfilled') expect(c.progress).toBe(100);
			if (c.status === 'pending') expect(c.progress).toBe(0);
			expect(parties.has(`${c.agreement_id}/${c.responsible}`), `responsible of ${c.id}`).toBe(true);
		}
		const overdue = sample.commitments.filter(
			(c) => c.due_on < ANCHOR && (c.status === 'pending' || c.status === 'in_progress')
		);
		expect(overdue.length / sample.commitments.length).toBeGreaterThan(0.05);
		expect(overdue.length / sample.commitments.length).toBeLessThan(0.4);
	});

	it('keep a history that starts pending, never goes back, and ends in the current state', () => {
		const history = new Map<number, typeof sample.progress>();
		for (const row of sample.progress)
			history.set(row.commitment_id, [...(history.get(row.commitment_id) ?? []), row]);
		for (const c of sample.commitments) {
			const rows = history.get(c.id)!;
			expect(rows[0]).toMatchObject({ progress: 0, status: 'pending' });
			expect(rows[rows.length - 1]).toMatchObject({ progress: c.progress, status: c.status });
			expect(rows[rows.length - 1].changed_at).toBe(c.updated_at);
			for (let i = 1; i < rows.length; i++) {
				expect(rows[i].changed_at > rows[i - 1].changed_at, `${c.id}`).toBe(true);
				if (c.status !== 'cancelled')
					expect(rows[i].progress).toBeGreaterThanOrEqual(rows[i - 1].progress);
			}
			expect(rows[rows.length - 1].changed_at.slice(0, 10) < ANCHOR).toBe(true);
		}
		expect(sample.progress.length).toBeGreaterThan(sample.commitments.length * 2);
	});

	it('link comunas of the agreement’s region and existing projects', () => {
		const agreements = byId(sample.agreements);
		const commitments = byId(sample.commitments);
		const projects = byId(sample.projects);
		for (const link of sample.commitmentCommunes) {
			const region = agreements.get(commitments.get(link.commitment_id)!.agreement_id)!.region_code;
			if (region) expect(link.commune_code.slice(0, 2)).toBe(region);
		}
		for (const link of sample.commitmentProjects) {
			const region = agreements.get(commitments.get(link.commitment_id)!.agreement_id)!.region_code;
			expect(regionOf(projects.get(link.project_id)!)).toBe(region);
		}
		expect(new Set(sample.commitmentProjects.map((l) => `${l.commitment_id}/${l.project_id}`)).size).toBe(
			sample.commitmentProjects.length
		);
	});
});

describe('information flows and publications', () => {
	it('are produced by the region’s secretariat and addressed to institutions of the region', () => {
		const keys = new Map(sample.institutions.map((i) => [i.key, i]));
		const flows = byId(sample.flows);
		for (const f of sample.flows) {
			expect(keys.get(f.producer)).toMatchObject({
				kind: 'council_secretariat',
				region_code: f.region_code
			});
		}
		for (const r of sample.recipients) {
			const institution = keys.get(r.institution)!;
			expect(['regional_government', 'provincial_delegation', 'municipality']).toContain(
				institution.kind
			);
			expect(institution.region_code).toBe(flows.get(r.flow_id)!.region_code);
		}
		expect(new Set(sample.flows.map((f) => f.periodicity))).toEqual(
			new Set(['monthly', 'quarterly', 'yearly'])
		);
	});

	it('have deliveries on time, late and missing, and the current period in preparation', () => {
		const deliveries = sample.publications.filter((p) => p.flow_id !== null);
		for (const p of sample.publications) {
			if (p.status === 'draft') expect(p.published_at).toBeNull();
			else expect(p.published_at).not.toBeNull();
			if (p.status === 'published' || p.status === 'archived')
				expect(p.published_at!.slice(0, 10) < ANCHOR).toBe(true);
			if (p.status === 'scheduled') expect(p.published_at!.slice(0, 10) > ANCHOR).toBe(true);
		}
		const done = deliveries.filter((p) => p.status === 'published' || p.status === 'archived');
		const late = done.filter((p) => p.published_at!.slice(0, 10) > p.due_on!);
		expect(late.length / done.length).toBeGreaterThan(0.1);
		expect(late.length / done.length).toBeLessThan(0.35);
		expect(sample.flows.some((f) => f.next_due_on < ANCHOR)).toBe(true);
		expect(sample.flows.filter((f) => f.next_due_on >= ANCHOR).length).toBeGreaterThan(
			sample.flows.length / 2
		);
		expect(new Set(sample.publications.map((p) => p.status))).toEqual(
			new Set(['draft', 'scheduled', 'published', 'archived'])
		);
	});

	it('say which period each delivery delivers (publications.due_on), once per period', () => {
		const deliveries = sample.publications.filter((p) => p.flow_id !== null);
		for (const p of sample.publications) expect(p.due_on === null, `${p.id}`).toBe(p.flow_id === null);
		expect(new Set(deliveries.map((p) => `${p.flow_id}/${p.due_on}`)).size).toBe(deliveries.length);
		for (const f of sample.flows) {
			const ofFlow = deliveries.filter((p) => p.flow_id === f.id);
			const delivered = ofFlow
				.filter((p) => p.status === 'published' || p.status === 'archived')
				.map((p) => p.due_on!);
			// The flow is next due on its undelivered period: a missing one (past due, with the upcoming
			// one in preparation after it), or the upcoming one.
			expect(delivered, `${f.id}`).not.toContain(f.next_due_on);
			expect(
				ofFlow.filter((p) => p.due_on! > f.next_due_on),
				`${f.id}`
			).toHaveLength(f.next_due_on <= ANCHOR ? 1 : 0);
		}
	});

	it('are acknowledged only by the flow’s recipients, after publication, and not by all', () => {
		const publications = byId(sample.publications);
		const recipients = new Set(sample.recipients.map((r) => `${r.flow_id}/${r.institution}`));
		const acknowledged = new Set<string>();
		for (const a of sample.acknowledgements) {
			const p = publications.get(a.publication_id)!;
			expect(recipients.has(`${p.flow_id}/${a.institution}`)).toBe(true);
			expect(a.acknowledged_at >= p.published_at!).toBe(true);
			expect(a.acknowledged_at.slice(0, 10) < ANCHOR).toBe(true);
			const key = `${a.publication_id}/${a.institution}`;
			expect(acknowledged.has(key)).toBe(false);
			acknowledged.add(key);
		}
		const owed = sample.publications
			.filter((p) => p.flow_id !== null && (p.status === 'published' || p.status === 'archived'))
			.flatMap((p) =>
				sample.recipients
					.filter((r) => r.flow_id === p.flow_id)
					.map((r) => `${p.id}/${r.institution}`)
			);
		const missing = owed.filter((key) => !acknowledged.has(key)).length;
		expect(missing / owed.length).toBeGreaterThan(0.1);
		expect(missing / owed.length).toBeLessThan(0.5);
	});

	it('link only rows that exist', () => {
		const publications = byId(sample.publications);
		const projects = byId(sample.projects);
		const commitments = byId(sample.commitments);
		const communes = new Set(territory.communes.map((c) => c.code));
		for (const l of sample.publicationProjects)
			expect(publications.has(l.publication_id) && projects.has(l.project_id)).toBe(true);
		for (const l of sample.publicationCommitments)
			expect(publications.has(l.publication_id) && commitments.has(l.commitment_id)).toBe(true);
		for (const l of sample.publicationCommunes)
			expect(publications.has(l.publication_id) && communes.has(l.commune_code)).toBe(true);
		for (const list of [
			sample.publicationProjects,
			sample.publicationCommitments,
			sample.publicationCommunes
		]) {
			expect(new Set(list.map((l) => JSON.stringify(l))).size).toBe(list.length);
		}
	});
});

describe('PMG evaluations and users', () => {
	it('evaluate each institution once per year and requirement, 2023 to 2026, the last one still open', () => {
		const keys = new Set(sample.institutions.map((i) => i.key));
		const seen = new Set<string>();
		for (const e of sample.pmg) {
			expect(keys.has(e.institution)).toBe(true);
			expect(PMG_REQUIREMENTS).toContain(e.requirement_code);
			expect(e.year).toBeGreaterThanOrEqual(2023);
			expect(e.year).toBeLessThanOrEqual(2026);
			expect(e.status === 'final').toBe(e.year < 2026);
			const key = `${e.institution}/${e.year}/${e.requirement_code}`;
			expect(seen.has(key)).toBe(false);
			seen.add(key);
		}
		expect(new Set(sample.pmg.map((e) => e.year)).size).toBe(4);
	});

	it('make sample users that cannot be mistaken for real ones', () => {
		expect(sample.users).toHaveLength(32);
		for (const u of sample.users) {
			expect(u.email).toMatch(/^[a-z0-9.-]+@ejemplo\.gob\.cl$/);
			expect(u.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		}
		expect(new Set(sample.users.map((u) => u.id)).size).toBe(32);
	});
});

describe('validateSampleOptions', () => {
	it('explains what is wrong, in Spanish', () => {
		expect(validateSampleOptions({ projects: 3000, seed: 1 })).toEqual([]);
		expect(validateSampleOptions({ projects: 5, seed: 1 })[0]).toMatch(/--projects/);
		expect(validateSampleOptions({ projects: 1.5, seed: 1 })[0]).toMatch(/entero/);
		expect(validateSampleOptions({ projects: 100, seed: '' })[0]).toMatch(/--seed/);
		expect(validateSampleOptions({ projects: 100, seed: 1, anchor: '2026-13-01' })[0]).toMatch(
			/--anchor/
		);
	});
});

describe('project progress', () => {
	const reportsOf = () => {
		const by = new Map<number, SampleData['projectProgress']>();
		for (const row of sample.projectProgress) {
			const rows = by.get(row.project_id);
			if (rows) rows.push(row);
			else by.set(row.project_id, [row]);
		}
		return by;
	};

	// Violations are collected and compared once: one expect per report is too slow for ~30 000.
	it('reports only works that started, never after the anchor, at most 12 per project, dates strictly rising', () => {
		const projects = byId(sample.projects);
		const wrong: string[] = [];
		for (const [id, rows] of reportsOf()) {
			const p = projects.get(id)!;
			if (!['completed', 'in_progress', 'halted'].includes(p.status)) wrong.push(`${id}: ${p.status}`);
			if (rows.length > 12) wrong.push(`${id}: ${rows.length} reports`);
			for (const [i, row] of rows.entries()) {
				if (!(row.reported_on > p.start_on!) || row.reported_on > ANCHOR)
					wrong.push(`${id}: ${row.reported_on}`);
				if (i > 0 && !(row.reported_on > rows[i - 1].reported_on)) wrong.push(`${id}: order at ${i}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('never lets progress or spending go down, keeps progress within 0–100 and spending within 115 % of the investment', () => {
		const projects = byId(sample.projects);
		const wrong: string[] = [];
		for (const [id, rows] of reportsOf()) {
			const investment = projects.get(id)!.investment_clp ?? 0;
			for (const [i, row] of rows.entries()) {
				if (row.physical_progress < 0 || row.physical_progress > 100)
					wrong.push(`${id}: ${row.physical_progress} %`);
				if (row.spent_clp > Math.round(investment * 1.15))
					wrong.push(`${id}: spent ${row.spent_clp}`);
				if (i > 0 && row.physical_progress < rows[i - 1].physical_progress)
					wrong.push(`${id}: progress down at ${i}`);
				if (i > 0 && row.spent_clp < rows[i - 1].spent_clp)
					wrong.push(`${id}: spending down at ${i}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('ends completed works at 100 % and leaves some works in progress well behind the planned S-curve', () => {
		const projects = byId(sample.projects);
		const reports = reportsOf();
		const completed = sample.projects.filter((p) => p.status === 'completed' && reports.has(p.id));
		expect(completed.length).toBeGreaterThan(100);
		for (const p of completed) expect(reports.get(p.id)!.at(-1)!.physical_progress).toBe(100);

		const running = [...reports].filter(([id]) => projects.get(id)!.status === 'in_progress');
		const behind = running.filter(([id, rows]) => {
			const p = projects.get(id)!;
			const t = daysBetween(p.start_on!, ANCHOR) / Math.max(1, daysBetween(p.start_on!, p.end_on!));
			return rows.at(-1)!.physical_progress < sCurve(t) - 10;
		});
		expect(behind.length / running.length).toBeGreaterThan(0.05);
		expect(behind.length / running.length).toBeLessThan(0.5);
	});

	it('draws progress from its own stream: the other parts of the sample do not change with it', () => {
		expect(sample.projectProgress.length).toBeGreaterThan(1000);
		const again = generateSample(territory, { projects: 3000, seed: 1, anchor: ANCHOR });
		expect(hash(again.projectProgress)).toBe(hash(sample.projectProgress));
	});
});

describe('sCurve', () => {
	it('is the planned S-curve of the database: 0 at the start, 50 at mid-term, 100 at the end, slow at both ends', () => {
		expect(sCurve(0)).toBe(0);
		expect(sCurve(0.5)).toBe(50);
		expect(sCurve(1)).toBe(100);
		expect(sCurve(-1)).toBe(0);
		expect(sCurve(2)).toBe(100);
		expect(sCurve(0.1)).toBeCloseTo(2.8, 5);
		expect(sCurve(0.9)).toBeCloseTo(97.2, 5);
	});
});
