import { describe, expect, it } from 'vitest';
import { filterChips } from './chips';
import { filterToRpc } from './rpc';
import { filterFromSearchParams, filterQuery, PROJECT_QUALITY_FLAGS } from './url';

const parse = (query: string) => filterFromSearchParams(new URLSearchParams(query));

describe('the data-quality filter (calidad=)', () => {
	it('reads flags repeated or comma-separated, in order and without duplicates', () => {
		expect(parse('calidad=missing_bip&calidad=stale,missing_bip')).toEqual({
			filter: { quality: ['missing_bip', 'stale'] },
			notices: []
		});
	});

	it('drops an unknown flag, and the commitments-only flag, with a notice', () => {
		expect(parse('calidad=bogus,commitment_unlocated,stale')).toEqual({
			filter: { quality: ['stale'] },
			notices: [
				{ param: 'calidad', value: 'bogus', reason: 'invalid' },
				{ param: 'calidad', value: 'commitment_unlocated', reason: 'invalid' }
			]
		});
	});

	it('offers every project flag of the database and not the commitment one', () => {
		expect(PROJECT_QUALITY_FLAGS).toEqual([
			'missing_bip',
			'duplicate_bip',
			'far_from_declared_commune',
			'point_for_linear_work',
			'investment_outlier',
			'stale'
		]);
	});

	it('round-trips through the URL and reaches the RPCs as `quality`', () => {
		const filter = { region: '05', quality: ['duplicate_bip' as const, 'stale' as const] };
		expect(filterQuery(filter)).toBe('?region=05&calidad=duplicate_bip&calidad=stale');
		expect(parse(filterQuery(filter).slice(1)).filter).toEqual(filter);
		expect(filterToRpc(filter)).toEqual({ region: '05', quality: ['duplicate_bip', 'stale'] });
		expect(filterToRpc({})).toEqual({});
	});

	it('has one chip per flag, each removing only its flag', () => {
		const chips = filterChips({ quality: ['missing_bip', 'stale'] });
		expect(chips.map((c) => [c.field, c.value, c.without])).toEqual([
			['quality', 'missing_bip', { quality: ['stale'] }],
			['quality', 'stale', { quality: ['missing_bip'] }]
		]);
		expect(filterChips({ quality: ['stale'] })[0].without).toEqual({});
	});
});
