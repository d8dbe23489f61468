import { describe, expect, it } from 'vitest';
import { foldForSearch, searchByName } from './fold';

const communes = [
	{ code: '05109', name: 'Viña del Mar' },
	{ code: '05101', name: 'Valparaíso' },
	{ code: '16101', name: 'Chillán' },
	{ code: '05601', name: 'San Antonio' },
	{ code: '13401', name: 'San Bernardo' },
	{ code: '08301', name: 'Los Ángeles' },
	{ code: '16103', name: 'Chillán Viejo' }
];

describe('foldForSearch', () => {
	it('drops accents, case and the tilde of ñ', () => {
		expect(foldForSearch('  Viña  del MAR ')).toBe('vina del mar');
		expect(foldForSearch('Ñuble')).toBe('nuble');
		expect(foldForSearch('Los Ángeles')).toBe('los angeles');
	});
});

describe('searchByName', () => {
	it('finds names whatever the accents', () => {
		expect(searchByName(communes, 'vina').map((c) => c.code)).toEqual(['05109']);
		expect(searchByName(communes, 'ANGELES').map((c) => c.code)).toEqual(['08301']);
		expect(searchByName(communes, 'valparaiso').map((c) => c.code)).toEqual(['05101']);
	});
	it('ranks names that start with the query first', () => {
		expect(searchByName(communes, 'chillan').map((c) => c.name)).toEqual(['Chillán', 'Chillán Viejo']);
		expect(
			searchByName(communes, 'an')
				.map((c) => c.name)
				.slice(0, 2)
		).toEqual(['Los Ángeles', 'San Antonio']);
	});
	it('matches codes by prefix when the query is digits', () => {
		expect(searchByName(communes, '051').map((c) => c.code)).toEqual(['05109', '05101']);
	});
	it('returns the first items for an empty query, up to the limit', () => {
		expect(searchByName(communes, '', 3)).toHaveLength(3);
	});
});
