import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, formatDateTime, formatMonth } from './date';
import { formatClp, formatClpCompact, formatNumber, formatPercent } from './number';

describe('numbers the Chilean way', () => {
	it('groups thousands with a dot, also for four digits', () => {
		expect(formatNumber(1234)).toBe('1.234');
		expect(formatNumber(1234567)).toBe('1.234.567');
		expect(formatNumber(12.345, 'es', 1)).toBe('12,3');
		expect(formatNumber(1234, 'en')).toBe('1,234');
	});
	it('writes percentages with a decimal comma and a space', () => {
		expect(formatPercent(0.125)).toBe('12,5 %');
		expect(formatPercent(1)).toBe('100 %');
		expect(formatPercent(0.125, 'en')).toBe('12.5%');
	});
	it('writes pesos without decimals', () => {
		expect(formatClp(12_500_000)).toBe('$ 12.500.000');
		expect(formatClp(999.6)).toBe('$ 1.000');
		expect(formatClp(0)).toBe('$ 0');
	});
	it('writes large sums in millions', () => {
		expect(formatClpCompact(12_500_000_000)).toBe('$ 12.500 M');
		expect(formatClpCompact(2_345_000)).toBe('$ 2,3 M');
		expect(formatClpCompact(950_000)).toBe('$ 950.000');
	});
});

describe('dates', () => {
	it('formats a calendar day as that day, whatever the zone', () => {
		expect(formatDate('2026-11-30')).toBe('30-11-2026');
		expect(formatDate('2026-01-01')).toBe('01-01-2026');
		expect(formatDate('2026-11-30', 'en')).toBe('11/30/2026');
	});
	it('formats the short month form', () => {
		expect(formatDateLong('2026-11-30')).toBe('30 nov 2026');
		expect(formatDateLong('2026-09-05')).toMatch(/^5 sept? 2026$/);
		expect(formatDateLong('2026-11-30', 'en')).toBe('Nov 30, 2026');
	});
	it('names a month for chart axes', () => {
		expect(formatMonth('2026-11')).toBe('nov 2026');
		expect(formatMonth('2027-01')).toBe('ene 2027');
		expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
	});
	it('shows timestamps in Chile time', () => {
		// 03:30 UTC on 1 Dec is 00:30 on 1 Dec in summer time (UTC−3).
		expect(formatDateTime('2026-12-01T03:30:00Z')).toBe('01-12-2026 00:30');
		// and 02:30 UTC is still 30 Nov in Chile.
		expect(formatDateTime('2026-12-01T02:30:00Z')).toBe('30-11-2026 23:30');
	});
});
