import { describe, expect, it } from 'vitest';
import { filterChips } from './chips';

describe('filterChips', () => {
	it('gives one chip per value, each removing only itself', () => {
		const chips = filterChips({ region: '05', stages: ['design', 'execution'], text: 'ruta' }, [
			'region'
		]);
		expect(chips.map((c) => [c.field, c.value])).toEqual([
			['stages', 'design'],
			['stages', 'execution'],
			['text', 'ruta']
		]);
		expect(chips[0].without).toEqual({ region: '05', stages: ['execution'], text: 'ruta' });
		expect(chips[2].without).toEqual({ region: '05', stages: ['design', 'execution'] });
	});
	it('removes a range as a whole, and a region with what hangs from it', () => {
		const chips = filterChips({ region: '05', communes: ['05109'], yearFrom: 2020, yearTo: 2022 });
		expect(chips.find((c) => c.field === 'region')?.without).toEqual({ yearFrom: 2020, yearTo: 2022 });
		expect(chips.find((c) => c.field === 'yearFrom')).toMatchObject({
			value: '2020–2022',
			without: { region: '05', communes: ['05109'] }
		});
	});
});
