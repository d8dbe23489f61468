import { describe, expect, it } from 'vitest';
import {
	councilSessionSchema,
	parseSessionId,
	rangeBetweenSessions,
	sessionLabel,
	type CouncilSession
} from './council-sessions';

const session = (id: number, held_on: string, region_code = '08'): CouncilSession => ({
	id,
	region_code,
	held_on,
	kind: id % 2 ? 'ordinary' : 'extraordinary',
	place: 'Concepción',
	notes: null
});

describe('rangeBetweenSessions', () => {
	it('runs from the first session day to the second, in their region', () => {
		const from = session(1, '2026-10-01');
		const to = session(2, '2026-11-20');
		expect(rangeBetweenSessions(from, to)).toEqual({
			ok: true,
			range: { from: '2026-10-01', to: '2026-11-20' },
			regionCode: '08',
			from,
			to
		});
	});

	it('refuses a session it could not read, two regions, a reversed order or more than a year', () => {
		expect(rangeBetweenSessions(null, session(2, '2026-11-20'))).toEqual({
			ok: false,
			reason: 'unknown'
		});
		expect(rangeBetweenSessions(session(1, '2026-10-01'), session(2, '2026-11-20', '05'))).toEqual({
			ok: false,
			reason: 'otherRegion'
		});
		expect(rangeBetweenSessions(session(2, '2026-11-20'), session(1, '2026-10-01'))).toEqual({
			ok: false,
			reason: 'order'
		});
		expect(rangeBetweenSessions(session(1, '2024-10-01'), session(2, '2026-11-20'))).toEqual({
			ok: false,
			reason: 'order'
		});
	});
});

describe('parseSessionId', () => {
	it('takes a positive integer and nothing else', () => {
		expect(parseSessionId('12')).toBe(12);
		for (const bad of [null, '', '0', '-1', '1.5', '12abc', ' 12', '99999999999999999999'])
			expect(parseSessionId(bad)).toBeNull();
	});
});

describe('sessionLabel', () => {
	it('names the kind and the date the Chilean way', () => {
		expect(sessionLabel(session(1, '2026-10-01'), 'es')).toBe('sesión ordinaria del 01-10-2026');
		expect(sessionLabel(session(2, '2026-11-20'), 'en')).toMatch(/^extraordinary session of /);
	});
});

describe('councilSessionSchema', () => {
	it('trims the place, empties blank notes and refuses a missing date or an unknown kind', () => {
		expect(
			councilSessionSchema.parse({
				held_on: '2026-10-01',
				kind: 'ordinary',
				place: '  Sala  ',
				notes: '  '
			})
		).toEqual({ held_on: '2026-10-01', kind: 'ordinary', place: 'Sala', notes: null });
		const bad = councilSessionSchema.safeParse({ held_on: '', kind: 'secret', place: '', notes: '' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues.map((i) => i.message).sort()).toEqual([
			'council.form.dateRequired',
			'council.form.kindRequired',
			'council.form.placeRequired'
		]);
	});
});
