// The sample the stack loads on first start (npm run data:sample), as the API serves it: every
// region has projects, the database assigned every project its comunas, and the dashboard has
// overdue commitments, publications in every state, receipts and PMG years to show.
import { beforeAll, describe, expect, it } from 'vitest';
import { Constants } from '../../src/lib/database.types.ts';
import { testClient } from '../support/supabase.ts';

const service = testClient({ key: 'service' });
const anon = testClient();

/** Rows matching a query, counted by PostgREST without transferring them. */
async function count(
	query: PromiseLike<{ count: number | null; error: { message: string } | null }>
): Promise<number> {
	const { count: n, error } = await query;
	if (error) throw new Error(error.message);
	return n ?? 0;
}

let regions: string[];
beforeAll(async () => {
	const { data, error } = await service.from('regions').select('code').order('code');
	if (error) throw new Error(error.message);
	regions = data.map((r) => r.code);
});

describe('the sample data', () => {
	it('is loaded: projects with sample authors marked as such', async () => {
		expect(
			await count(service.from('projects').select('id', { count: 'exact', head: true }))
		).toBeGreaterThanOrEqual(16);
		const { data, error } = await service.from('memberships').select('user_id, role, region_code');
		if (error) throw new Error(error.message);
		expect(
			data
				.filter((m) => m.role === 'secretariat')
				.map((m) => m.region_code)
				.sort()
		).toEqual(expect.arrayContaining(regions));
	});

	it('has projects in every region, placed by the database', async () => {
		expect(regions).toHaveLength(16);
		for (const region of regions) {
			const n = await count(
				service
					.from('project_communes')
					.select('project_id', { count: 'exact', head: true })
					.eq('region_code', region)
			);
			expect(n, `projects touching region ${region}`).toBeGreaterThan(0);
		}
		const unplaced = await count(
			service
				.from('projects')
				.select('id, project_communes()', { count: 'exact', head: true })
				.is('project_communes', null)
		);
		expect(unplaced).toBe(0);
		// Roads cross comuna borders: some projects touch more than one comuna.
		const pairs = await count(
			service.from('project_communes').select('project_id', { count: 'exact', head: true })
		);
		const projects = await count(service.from('projects').select('id', { count: 'exact', head: true }));
		expect(pairs).toBeGreaterThan(projects);
	});

	it('has every MOP service and the three kinds of agreement', async () => {
		for (const service_code of [
			'vialidad',
			'obras_hidraulicas',
			'obras_portuarias',
			'arquitectura',
			'aeropuertos',
			'concesiones',
			'agua_potable_rural',
			'planeamiento'
		]) {
			expect(
				await count(
					service
						.from('projects')
						.select('id', { count: 'exact', head: true })
						.eq('service_code', service_code)
				),
				service_code
			).toBeGreaterThan(0);
		}
		for (const kind of Constants.public.Enums.agreement_kind) {
			expect(
				await count(
					service.from('agreements').select('id', { count: 'exact', head: true }).eq('kind', kind)
				),
				kind
			).toBeGreaterThan(0);
		}
	});

	it('has overdue commitments and commitments with a progress history', async () => {
		expect(
			await count(
				service
					.from('commitments_with_status')
					.select('id', { count: 'exact', head: true })
					.eq('overdue', true)
			)
		).toBeGreaterThan(0);
		expect(
			await count(
				service
					.from('commitments_with_status')
					.select('id', { count: 'exact', head: true })
					.eq('overdue', false)
			)
		).toBeGreaterThan(0);
		const history = await count(
			service.from('commitment_progress').select('id', { count: 'exact', head: true })
		);
		const commitments = await count(
			service.from('commitments').select('id', { count: 'exact', head: true })
		);
		expect(history).toBeGreaterThan(commitments);
	});

	it('has publications in every state, receipts, and shows only public ones to visitors', async () => {
		for (const status of Constants.public.Enums.publication_status) {
			expect(
				await count(
					service
						.from('publications')
						.select('id', { count: 'exact', head: true })
						.eq('status', status)
				),
				status
			).toBeGreaterThan(0);
		}
		expect(
			await count(service.from('acknowledgements').select('id', { count: 'exact', head: true }))
		).toBeGreaterThan(0);
		const visible = await count(anon.from('publications').select('id', { count: 'exact', head: true }));
		const published = await count(
			service
				.from('publications')
				.select('id', { count: 'exact', head: true })
				.eq('status', 'published')
		);
		expect(visible).toBeGreaterThanOrEqual(published);
		expect(
			await count(
				anon.from('publications').select('id', { count: 'exact', head: true }).eq('status', 'draft')
			)
		).toBe(0);
	});

	it('has deliveries on time and about one in five late, with receipts, derived by flow_deliveries', async () => {
		const deliveries = () =>
			service
				.from('flow_deliveries')
				.select('publication_id', { count: 'exact', head: true })
				.eq('delivered', true);
		const delivered = await count(deliveries());
		const late = await count(deliveries().eq('delivered_on_time', false));
		expect(
			await count(deliveries().is('delivered_on_time', null)),
			'every delivery knows its period'
		).toBe(0);
		expect(late / delivered).toBeGreaterThan(0.12);
		expect(late / delivered).toBeLessThan(0.3);
		const { data, error } = await service
			.from('flow_deliveries')
			.select('recipients_expected, recipients_acknowledged')
			.eq('delivered', true);
		if (error) throw new Error(error.message);
		const expected = data.reduce((sum, d) => sum + d.recipients_expected!, 0);
		const acknowledged = data.reduce((sum, d) => sum + d.recipients_acknowledged!, 0);
		expect(acknowledged / expected).toBeGreaterThan(0.5);
		expect(acknowledged / expected).toBeLessThan(0.9);
	});

	it('has PMG evaluations for 2023 to 2026 on every requirement', async () => {
		for (const year of [2023, 2024, 2025, 2026]) {
			for (const requirement of ['1.1', '1.2', '1.3', '2.1', '3']) {
				const n = await count(
					service
						.from('pmg_evaluations')
						.select('id', { count: 'exact', head: true })
						.eq('year', year)
						.eq('requirement_code', requirement)
				);
				expect(n, `${year} ${requirement}`).toBeGreaterThan(0);
			}
		}
	});
});
