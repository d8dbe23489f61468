import { describe, expect, it } from 'vitest';
import { applySelection } from './selection';

describe('a chart click applied to the filter', () => {
	it('adds a stage, and removes it on a second click', () => {
		const once = applySelection({ region: '13' }, { field: 'stages', value: 'execution' });
		expect(once).toEqual({ region: '13', stages: ['execution'] });
		expect(applySelection(once, { field: 'stages', value: 'execution' })).toEqual({ region: '13' });
	});
	it('adds a status beside the ones already chosen', () => {
		expect(applySelection({ statuses: ['planned'] }, { field: 'statuses', value: 'halted' })).toEqual({
			statuses: ['planned', 'halted']
		});
	});
	it('replaces the commitment status, and clears it when clicked again', () => {
		expect(
			applySelection({ commitmentStatus: 'pending' }, { field: 'commitmentStatus', value: 'overdue' })
		).toEqual({ commitmentStatus: 'overdue' });
		expect(
			applySelection({ commitmentStatus: 'overdue' }, { field: 'commitmentStatus', value: 'overdue' })
		).toEqual({});
	});
	it('narrows to a province within its region, dropping chosen comunas', () => {
		expect(
			applySelection(
				{ region: '13', communes: ['13101'], stages: ['design'] },
				{ field: 'place', level: 'province', code: '132' }
			)
		).toEqual({ region: '13', province: '132', stages: ['design'] });
	});
	it('narrows to a comuna', () => {
		expect(
			applySelection(
				{ region: '13', province: '131' },
				{ field: 'place', level: 'commune', code: '13101' }
			)
		).toEqual({ region: '13', province: '131', communes: ['13101'] });
	});
});
