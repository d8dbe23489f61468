import { describe, expect, it } from 'vitest';
import { projectLabel, toChoice } from './project-label';

describe('projectLabel', () => {
	it('names the project with its BIP code and comunas', () => {
		expect(
			projectLabel({
				name: 'Puente Bío Bío',
				bip_code: '30123456-0',
				communes: 'Concepción, San Pedro de la Paz'
			})
		).toBe('Puente Bío Bío · BIP 30123456-0 · Concepción, San Pedro de la Paz');
	});
	it('leaves out what the project lacks', () => {
		expect(projectLabel({ name: 'Camino costero', bip_code: null, communes: null })).toBe(
			'Camino costero'
		);
		expect(toChoice({ id: 7, name: 'Caleta', bip_code: null, communes: 'Tomé' })).toEqual({
			id: 7,
			label: 'Caleta · Tomé'
		});
	});
});
