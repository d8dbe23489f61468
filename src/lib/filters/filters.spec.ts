import { describe, expect, it } from 'vitest';
import { activeFilterCount, toggleInList, withFilter, withoutFields, withPlace } from './edit';
import type { DashboardFilter } from './filter';
import { filterToRpc } from './rpc';
import { filterFromSearchParams, filterQuery, filterToSearchParams } from './url';

const parse = (query: string) => filterFromSearchParams(new URLSearchParams(query));

describe('filterFromSearchParams', () => {
	it('reads every field from Spanish parameter names', () => {
		const { filter, notices } = parse(
			'region=05&provincia=051&comuna=05101&comuna=05109&servicio=vialidad&tema=territorio' +
				'&etapa=execution&estado=in_progress&estado=halted&compromiso=overdue&anio=2020-2024' +
				'&inversion=1000000-&q=Viña&area=c:-71.55,-33.02,5&atrasado=1'
		);
		expect(notices).toEqual([]);
		expect(filter).toEqual({
			region: '05',
			province: '051',
			communes: ['05101', '05109'],
			services: ['vialidad'],
			themes: ['territorio'],
			stages: ['execution'],
			statuses: ['in_progress', 'halted'],
			commitmentStatus: 'overdue',
			yearFrom: 2020,
			yearTo: 2024,
			investmentMin: 1000000,
			text: 'Viña',
			area: { kind: 'circle', lon: -71.55, lat: -33.02, radiusKm: 5 },
			delayed: true
		});
	});

	it('is empty for an empty query', () => {
		expect(parse('')).toEqual({ filter: {}, notices: [] });
	});

	it('drops a hostile comuna with a notice instead of failing', () => {
		const { filter, notices } = parse('comuna=%3Cscript%3Ealert(1)%3C/script%3E');
		expect(filter).toEqual({});
		expect(notices).toEqual([{ param: 'comuna', value: '<script>alert(1)</script>', reason: 'invalid' }]);
	});

	it('drops a year that is not a year, and an inverted range', () => {
		expect(parse('anio=abc')).toEqual({
			filter: {},
			notices: [{ param: 'anio', value: 'abc', reason: 'invalid' }]
		});
		expect(parse('anio=2024-2020').notices).toHaveLength(1);
		expect(parse('anio=1200').notices).toHaveLength(1);
		expect(parse('anio=2022').filter).toEqual({ yearFrom: 2022, yearTo: 2022 });
		expect(parse('anio=-2022').filter).toEqual({ yearTo: 2022 });
	});

	it('keeps comunas only inside the region or province', () => {
		const { filter, notices } = parse('region=05&comuna=05109&comuna=13101');
		expect(filter).toEqual({ region: '05', communes: ['05109'] });
		expect(notices).toEqual([{ param: 'comuna', value: '13101', reason: 'outOfScope' }]);
		expect(parse('region=05&provincia=131').notices[0]).toMatchObject({
			param: 'provincia',
			reason: 'outOfScope'
		});
	});

	it('rejects unknown enum codes and malformed service codes', () => {
		const { filter, notices } = parse('etapa=execution&etapa=ejecucion&servicio=Vialidad;drop&estado=x');
		expect(filter).toEqual({ stages: ['execution'] });
		expect(notices.map((n) => n.param)).toEqual(['servicio', 'etapa', 'estado']);
	});

	it('accepts comma-separated lists and removes duplicates', () => {
		expect(parse('comuna=05101,05109&comuna=05101').filter).toEqual({ communes: ['05101', '05109'] });
	});

	it('keeps a single value where only one makes sense', () => {
		const { filter, notices } = parse('region=05&region=13');
		expect(filter).toEqual({ region: '05' });
		expect(notices).toEqual([{ param: 'region', value: '13', reason: 'tooMany' }]);
	});

	it('validates areas: circles in range, polygons closed and bounded', () => {
		expect(parse('area=c:-71.5,-33,0').notices).toHaveLength(1);
		expect(parse('area=c:10,50,5').notices).toHaveLength(1);
		expect(parse('area=c:-71.5,-33').notices).toHaveLength(1);
		const { filter } = parse('area=p:-71.6,-33.1;-71.5,-33.1;-71.5,-33.0');
		expect(filter.area).toEqual({
			kind: 'polygon',
			ring: [
				[-71.6, -33.1],
				[-71.5, -33.1],
				[-71.5, -33.0],
				[-71.6, -33.1]
			]
		});
		expect(parse('area=p:-71.6,-33.1;-71.5,-33.1').notices).toHaveLength(1);
		expect(parse('area=x:1').notices).toHaveLength(1);
	});

	it('cleans free text and bounds its length', () => {
		expect(parse('q=%20vina%09del%0Amar%20').filter).toEqual({ text: 'vina del mar' });
		expect(parse(`q=${'a'.repeat(101)}`).notices[0].reason).toBe('tooMany');
	});

	it('shortens what a notice shows', () => {
		const { notices } = parse(`region=${'x'.repeat(200)}`);
		expect(notices[0].value.length).toBeLessThanOrEqual(60);
	});

	it('reads atrasado as a flag', () => {
		expect(parse('atrasado=1').filter).toEqual({ delayed: true });
		expect(parse('atrasado=0').filter).toEqual({});
		expect(parse('atrasado=quizas').notices).toHaveLength(1);
	});
});

describe('filterToSearchParams', () => {
	const filters: DashboardFilter[] = [
		{},
		{ region: '13', communes: ['13101', '13114'], stages: ['design', 'execution'] },
		{ services: ['vialidad'], yearFrom: 2021, investmentMax: 5_000_000, text: 'ruta 5' },
		{
			area: {
				kind: 'polygon',
				ring: [
					[-70.1, -33],
					[-70, -33],
					[-70, -33.1],
					[-70.1, -33]
				]
			},
			delayed: true
		},
		{ commitmentStatus: 'fulfilled', yearFrom: 2022, yearTo: 2022 }
	];

	it('round-trips every filter through the URL', () => {
		for (const filter of filters) {
			expect(filterFromSearchParams(filterToSearchParams(filter))).toEqual({ filter, notices: [] });
		}
	});

	it('writes a canonical order, so equal filters make equal links', () => {
		const a = filterQuery({ stages: ['execution'], region: '05' });
		const b = filterQuery({ region: '05', stages: ['execution'] });
		expect(a).toBe(b);
		expect(a).toBe('?region=05&etapa=execution');
		expect(filterQuery({})).toBe('');
	});
});

describe('editing a filter', () => {
	it('removes fields set to undefined or emptied', () => {
		expect(withFilter({ region: '05', stages: ['design'] }, { stages: [], region: undefined })).toEqual(
			{}
		);
	});
	it('toggles list values', () => {
		const once = toggleInList({}, 'stages', 'execution');
		expect(once).toEqual({ stages: ['execution'] });
		expect(toggleInList(once, 'stages', 'execution')).toEqual({});
	});
	it('narrows to a place', () => {
		expect(
			withPlace({ province: '051', communes: ['05101'], text: 'x' }, { level: 'region', code: '13' })
		).toEqual({
			region: '13',
			text: 'x'
		});
		expect(withPlace({}, { level: 'commune', code: '05109' })).toEqual({
			region: '05',
			communes: ['05109']
		});
		expect(withPlace({}, { level: 'province', code: '051' })).toEqual({ region: '05', province: '051' });
	});
	it('drops the fields a page fixes, for its links', () => {
		expect(
			withoutFields({ region: '05', communes: ['05109'], stages: ['design'] }, ['region', 'communes'])
		).toEqual({
			stages: ['design']
		});
	});
	it('counts active filters, excluding the ones the page fixes', () => {
		expect(activeFilterCount({ region: '05', stages: ['design'] }, ['region'])).toBe(1);
	});
});

describe('filterToRpc', () => {
	it('writes snake_case and leaves absent fields out', () => {
		expect(
			filterToRpc({
				region: '05',
				commitmentStatus: 'overdue',
				yearFrom: 2020,
				text: 'vina',
				area: { kind: 'circle', lon: -71.5, lat: -33, radiusKm: 3 }
			})
		).toEqual({
			region: '05',
			commitment_status: 'overdue',
			year_from: 2020,
			q: 'vina',
			area: { kind: 'circle', lon: -71.5, lat: -33, radius_km: 3 }
		});
	});
});
