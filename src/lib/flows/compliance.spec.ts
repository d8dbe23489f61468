import { describe, expect, it } from 'vitest';
import {
	averageDaysLate,
	complianceByFlow,
	complianceByMonth,
	complianceByRegion,
	onTimeRate,
	receiptRate,
	type FlowPeriod
} from './compliance';

const period = (over: Partial<FlowPeriod>): FlowPeriod => ({
	flow_id: 1,
	region_code: '05',
	information: 'Cartera',
	channel: 'email',
	periodicity: 'monthly',
	due_on: '2026-03-10',
	publication_id: 1,
	publication_status: 'published',
	delivered_on: '2026-03-09',
	days_late: 0,
	recipients_expected: 2,
	recipients_acknowledged: 1,
	state: 'delivered_on_time',
	...over
});

const periods = [
	period({}),
	period({ due_on: '2026-04-10', state: 'delivered_late', days_late: 5, recipients_acknowledged: 2 }),
	period({
		due_on: '2026-05-10',
		state: 'missing',
		days_late: 12,

		recipients_expected: 0,
		recipients_acknowledged: 0
	}),
	period({ due_on: '2026-06-10', state: 'due_soon', days_late: 0 }),
	period({ flow_id: 2, information: 'Actas', region_code: '13', due_on: '2026-03-20' })
];

describe('compliance tallies', () => {
	it('counts due periods by month and leaves out what is not due yet', () => {
		expect(
			complianceByMonth(periods).map(({ month, on_time, late, missing }) => ({
				month,
				on_time,
				late,
				missing
			}))
		).toEqual([
			{ month: '2026-03', on_time: 2, late: 0, missing: 0 },
			{ month: '2026-04', on_time: 0, late: 1, missing: 0 },
			{ month: '2026-05', on_time: 0, late: 0, missing: 1 }
		]);
	});

	it('per flow: rates, days late and receipts of what was delivered', () => {
		const [actas, cartera] = complianceByFlow(periods);
		expect(actas.information).toBe('Actas');
		expect(cartera.tally).toMatchObject({
			due: 3,
			onTime: 1,
			late: 1,
			missing: 1,
			daysLate: 17,
			maxDaysLate: 12
		});
		expect(onTimeRate(cartera.tally)).toBeCloseTo(1 / 3);
		expect(averageDaysLate(cartera.tally)).toBe(8.5);
		// 1 of 2 and 2 of 2 receipts; the missing period expects none.
		expect(receiptRate(cartera.tally)).toBe(0.75);
	});

	it('per region, and nothing due means no rate rather than 0 %', () => {
		const byRegion = complianceByRegion(periods);
		expect(byRegion.get('13')?.onTime).toBe(1);
		const none = complianceByRegion([period({ state: 'upcoming' })]).get('05')!;
		expect(onTimeRate(none)).toBeNull();
		expect(receiptRate(none)).toBeNull();
		expect(averageDaysLate(none)).toBeNull();
	});
});
