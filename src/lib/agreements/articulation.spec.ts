import { describe, expect, it } from 'vitest';
import { articulationByKind, articulationMatrix, coverage } from './articulation';

const gore = { id: 1, name: 'GORE Biobío', acronym: 'GORE', kind: 'regional_government' };
const lota = { id: 2, name: 'Municipalidad de Lota', acronym: null, kind: 'municipality' };
const penco = { id: 3, name: 'Municipalidad de Penco', acronym: null, kind: 'municipality' };

describe('articulation (requirement 1.2)', () => {
	const rows = articulationMatrix([
		{ agreement_id: 10, role: 'signatory', institution: gore },
		{ agreement_id: 11, role: 'coordinator', institution: gore },
		{ agreement_id: 10, role: 'implementer', institution: lota },
		{ agreement_id: 11, role: 'funder', institution: penco },
		{ agreement_id: 12, role: 'funder', institution: null }
	]);

	it('one row per institution with its role in each agreement, most articulated first', () => {
		expect(rows.map((r) => r.name)).toEqual([
			'GORE Biobío',
			'Municipalidad de Lota',
			'Municipalidad de Penco'
		]);
		expect(Object.fromEntries(rows[0].roles)).toEqual({ 10: 'signatory', 11: 'coordinator' });
	});

	it('counts institutions and distinct agreements per kind, in the given order', () => {
		expect(
			articulationByKind(rows, ['municipality', 'provincial_delegation', 'regional_government'])
		).toEqual([
			{ kind: 'municipality', institutions: 2, agreements: 2 },
			{ kind: 'regional_government', institutions: 1, agreements: 2 }
		]);
	});

	it('coverage is the share of the region’s comunas an agreement covers', () => {
		expect(coverage(['08101', '08102', '08103', '08106'], new Set(['08106', '08101', '13101']))).toEqual({
			covered: 2,
			total: 4,
			share: 0.5
		});
		expect(coverage([], new Set())).toEqual({ covered: 0, total: 0, share: 0 });
	});
});
