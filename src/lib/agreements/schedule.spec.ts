import { describe, expect, it } from 'vitest';
import { scheduleLayout } from './schedule';

const item = (id: number, scheduled_on: string, due_on: string, overrides = {}) => ({
	id,
	title: `C${id}`,
	scheduled_on,
	due_on,
	progress: 0,
	status: 'pending',
	overdue: false,
	...overrides
});

describe('the cronograma layout', () => {
	it('runs the axis over whole months from the first start to the last due date', () => {
		const layout = scheduleLayout(
			[item(1, '2026-03-10', '2026-05-20'), item(2, '2026-04-01', '2026-06-15')],
			'2026-04-15'
		);
		expect(layout.from).toBe('2026-03-01');
		expect(layout.to).toBe('2026-06-30');
		expect(layout.ticks.map((t) => t.label)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
		expect(layout.ticks[0].at).toBe(0);
	});

	it('places bars by date, inclusive of the due day, ordered by due date', () => {
		// 122 days from 1 March to 30 June.
		const layout = scheduleLayout(
			[item(2, '2026-04-01', '2026-06-30'), item(1, '2026-03-01', '2026-03-31')],
			'2026-03-15'
		);
		expect(layout.bars.map((b) => b.item.id)).toEqual([1, 2]);
		expect(layout.bars[0].left).toBe(0);
		expect(layout.bars[0].width).toBeCloseTo((31 / 122) * 100, 6);
		expect(layout.bars[1].left + layout.bars[1].width).toBeCloseTo(100, 6);
		expect(layout.today).toBeCloseTo((14 / 122) * 100, 6);
	});

	it('stretches the axis to today, and starts a bar scheduled after its due date at the due date', () => {
		const layout = scheduleLayout([item(1, '2026-08-01', '2026-05-10')], '2026-09-02');
		expect(layout.to).toBe('2026-09-30');
		expect(layout.from).toBe('2026-05-01');
		const bar = layout.bars[0];
		expect(bar.width).toBeGreaterThan(0);
		expect(bar.left).toBeCloseTo((9 / 153) * 100, 6);
	});

	it('ticks by quarter or year on long axes, and has nothing to draw without commitments', () => {
		const long = scheduleLayout([item(1, '2020-01-01', '2029-12-31')], '2025-01-01');
		expect(long.ticks[1].label).toBe('2021-01');
		const medium = scheduleLayout([item(1, '2026-01-01', '2027-12-31')], '2026-01-01');
		expect(medium.ticks[1].label).toBe('2026-04');
		expect(scheduleLayout([], '2026-01-01')).toMatchObject({ bars: [], today: null, ticks: [] });
	});
});
