import { describe, expect, it } from 'vitest';
import { compareFingerprints } from './fingerprint.ts';

describe('compareFingerprints', () => {
	const a = { 'public.projects': { rows: 2, md5: 'x' }, 'auth.users': { rows: 1, md5: 'y' } };

	it('finds nothing when every table matches', () => {
		expect(compareFingerprints(a, structuredClone(a))).toEqual([]);
	});

	it('reports a changed count, a changed checksum and a missing table', () => {
		const b = { 'public.projects': { rows: 2, md5: 'z' }, 'public.extra': { rows: 0, md5: 'e' } };
		expect(compareFingerprints(a, b).map((d) => d.table)).toEqual([
			'public.projects',
			'auth.users',
			'public.extra'
		]);
		expect(compareFingerprints(a, { ...a, 'auth.users': { rows: 0, md5: 'y' } })).toEqual([
			{ table: 'auth.users', expected: { rows: 1, md5: 'y' }, actual: { rows: 0, md5: 'y' } }
		]);
	});
});
