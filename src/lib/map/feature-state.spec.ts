import { describe, expect, it } from 'vitest';
import { diffFeatureStates, statesFor, type FeatureStates } from './feature-state';

const states = (...entries: [string | number, Record<string, number | boolean | string | null>][]) =>
	new Map(entries) as FeatureStates;

describe('diffFeatureStates', () => {
	it('does nothing when the values are the same in new objects', () => {
		expect(diffFeatureStates(states(['a', { value: 1 }]), states(['a', { value: 1 }]))).toEqual([]);
	});

	it('sets new features and only the changed keys of known ones', () => {
		expect(
			diffFeatureStates(
				states(['a', { value: 1, rank: 2 }], ['b', { value: 5 }]),
				states(['a', { value: 3, rank: 2 }], ['b', { value: 5 }], ['c', { value: 0 }])
			)
		).toEqual([
			{ kind: 'set', id: 'a', state: { value: 3 } },
			{ kind: 'set', id: 'c', state: { value: 0 } }
		]);
	});

	it('removes keys that went away, one by one, so other holders keep theirs', () => {
		expect(
			diffFeatureStates(
				states(['a', { value: 1, rank: 2 }], [7, { value: 4 }]),
				states(['a', { value: 1 }])
			)
		).toEqual([
			{ kind: 'remove', id: 'a', key: 'rank' },
			{ kind: 'remove', id: 7, key: 'value' }
		]);
	});

	it('treats a key set to null as a change, not a removal', () => {
		expect(diffFeatureStates(states(['a', { value: 1 }]), states(['a', { value: null }]))).toEqual([
			{ kind: 'set', id: 'a', state: { value: null } }
		]);
	});

	it('from nothing, sets everything (how holders re-apply after a style swap)', () => {
		expect(diffFeatureStates(new Map(), states(['a', { selected: true }]))).toEqual([
			{ kind: 'set', id: 'a', state: { selected: true } }
		]);
	});
});

describe('statesFor', () => {
	it('gives each listed feature the same state', () => {
		expect(statesFor(['05101', '05109'], { selected: true })).toEqual(
			new Map([
				['05101', { selected: true }],
				['05109', { selected: true }]
			])
		);
	});
});
