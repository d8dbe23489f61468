import { describe, expect, it } from 'vitest';
import { parseChangesRange } from './changes';

const parse = (query: string) => parseChangesRange(new URLSearchParams(query), '2026-11-30');

describe('parseChangesRange', () => {
	it('defaults to the last 30 days', () => {
		expect(parse('')).toEqual({ from: '2026-10-31', to: '2026-11-30' });
		expect(parse('hasta=2026-03-01')).toEqual({ from: '2026-01-30', to: '2026-03-01' });
	});

	it('takes two days in order', () => {
		expect(parse('desde=2026-10-01&hasta=2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-11-30' });
		expect(parse('desde=2026-11-30&hasta=2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-11-30' });
	});

	it('refuses what is not a calendar day, a reversed period or more than a year', () => {
		expect(parse('desde=2026-02-30')).toBeNull();
		expect(parse('desde=30-11-2026')).toBeNull();
		expect(parse("desde=2026-10-01'--")).toBeNull();
		expect(parse('desde=2026-12-01&hasta=2026-11-30')).toBeNull();
		expect(parse('desde=2024-01-01&hasta=2026-11-30')).toBeNull();
	});
});
