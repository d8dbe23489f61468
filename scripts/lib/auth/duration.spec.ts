import { describe, expect, it } from 'vitest';
import { bannedUntil, parseGoDuration } from './duration.ts';

describe('parseGoDuration', () => {
	it('reads Go duration strings', () => {
		expect(parseGoDuration('24h')).toBe(86_400_000);
		expect(parseGoDuration('1h30m')).toBe(5_400_000);
		expect(parseGoDuration('1.5h')).toBe(5_400_000);
		expect(parseGoDuration('90s')).toBe(90_000);
		expect(parseGoDuration('250ms')).toBe(250);
		expect(parseGoDuration('-2m')).toBe(-120_000);
		expect(parseGoDuration('0')).toBe(0);
	});
	it('refuses anything else', () => {
		for (const bad of ['', '24', 'h', '1d', '1h 30m', 'forever', '--1h'])
			expect(parseGoDuration(bad)).toBeNull();
	});
});

describe('bannedUntil', () => {
	it('lifts a ban with "none" and dates one otherwise', () => {
		expect(bannedUntil('none')).toBeNull();
		expect(bannedUntil('1h', 0)).toEqual(new Date(3_600_000));
		expect(bannedUntil('soon')).toBe('invalid');
	});
});
