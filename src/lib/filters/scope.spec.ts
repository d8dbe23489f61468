import { describe, expect, it } from 'vitest';
import { fixedFields, scopeToPlace } from './scope';

describe('scopeToPlace', () => {
	it('leaves the national view as parsed', () => {
		const parsed = { filter: { region: '05' }, notices: [] };
		expect(scopeToPlace(parsed, { level: 'country' })).toEqual(parsed);
	});
	it('fixes the region from the path and drops a different one with a notice', () => {
		const { filter, notices } = scopeToPlace(
			{ filter: { region: '13', stages: ['design'] }, notices: [] },
			{ level: 'region', code: '05' }
		);
		expect(filter).toEqual({ region: '05', stages: ['design'] });
		expect(notices).toEqual([{ param: 'region', value: '13', reason: 'outOfScope' }]);
	});
	it('keeps comunas inside the region and drops the others', () => {
		const { filter, notices } = scopeToPlace(
			{ filter: { communes: ['05109', '13101'] }, notices: [] },
			{ level: 'region', code: '05' }
		);
		expect(filter).toEqual({ region: '05', communes: ['05109'] });
		expect(notices).toEqual([{ param: 'comuna', value: '13101', reason: 'outOfScope' }]);
	});
	it('fixes province and region on a province page', () => {
		expect(
			scopeToPlace(
				{ filter: { communes: ['05101', '05601'] }, notices: [] },
				{ level: 'province', code: '051' }
			)
		).toEqual({
			filter: { region: '05', province: '051', communes: ['05101'] },
			notices: [{ param: 'comuna', value: '05601', reason: 'outOfScope' }]
		});
	});
	it('narrows a comuna page to its comuna', () => {
		expect(
			scopeToPlace(
				{ filter: { province: '051', text: 'ruta' }, notices: [] },
				{ level: 'commune', code: '05109' }
			)
		).toEqual({
			filter: { region: '05', communes: ['05109'], text: 'ruta' },
			notices: []
		});
	});
	it('names the fixed fields per level', () => {
		expect(fixedFields({ level: 'country' })).toEqual([]);
		expect(fixedFields({ level: 'commune', code: '05109' })).toEqual(['region', 'province', 'communes']);
	});
});
