import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	daysBetween,
	monthLabel,
	officeTimestamp,
	parseIsoDate,
	quarterLabel
} from './dates.ts';

describe('sample dates', () => {
	it('adds days and months on the calendar, clamping to the end of shorter months', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
		expect(addMonths('2026-11-15', -14)).toBe('2025-09-15');
		expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
	});

	it('labels periods in Spanish', () => {
		expect(monthLabel('2026-09-01')).toBe('septiembre de 2026');
		expect(quarterLabel('2026-07-01')).toBe('tercer trimestre de 2026');
	});

	it('keeps timestamps on their date, in office hours', () => {
		expect(officeTimestamp('2026-11-01', 0)).toBe('2026-11-01T12:00:00Z');
		expect(officeTimestamp('2026-11-01', 10_000)).toBe('2026-11-01T21:59:00Z');
	});

	it('refuses what is not a calendar date', () => {
		expect(() => parseIsoDate('2026-02-30')).toThrow();
		expect(() => parseIsoDate('1/11/2026')).toThrow();
		expect(parseIsoDate('2026-11-01').toISOString()).toBe('2026-11-01T00:00:00.000Z');
	});
});
