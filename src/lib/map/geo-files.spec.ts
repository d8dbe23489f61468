import { expression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it, vi } from 'vitest';
import {
	communeFillColor,
	fetchRegionFile,
	GEO_FILES,
	GeoFileError,
	levelFilter,
	parseRegionFile
} from './geo-files';

const regionFile = {
	type: 'FeatureCollection',
	bbox: [-71.8, -33.9, -70.0, -32.0],
	features: [
		{
			type: 'Feature',
			properties: { level: 'provincia', code: '051', name: 'Valparaíso', region_code: '05' },
			geometry: null
		},
		{
			type: 'Feature',
			properties: {
				level: 'comuna',
				code: '05101',
				name: 'Valparaíso',
				province_code: '051',
				region_code: '05'
			},
			geometry: null
		}
	]
};

describe('parseRegionFile', () => {
	it('accepts a file that follows the contract', () => {
		expect(parseRegionFile('/geo/region/05.geojson', regionFile).bbox).toEqual([
			-71.8, -33.9, -70.0, -32.0
		]);
	});

	it('fails loudly on a missing bbox or level', () => {
		expect(() => parseRegionFile('u', { ...regionFile, bbox: undefined })).toThrowError(/bbox/);
		expect(() =>
			parseRegionFile('u', { ...regionFile, features: regionFile.features.slice(0, 1) })
		).toThrowError(/comuna/);
		expect(() => parseRegionFile('u', '<html>')).toThrowError(GeoFileError);
	});
});

describe('fetchRegionFile', () => {
	it('asks for the region file by code', async () => {
		const fetcher = vi.fn(async () => new Response(JSON.stringify(regionFile)));
		await fetchRegionFile('05', fetcher);
		expect(fetcher).toHaveBeenCalledWith('/geo/region/05.geojson', { signal: undefined });
	});

	it('reports an HTTP failure with its URL', async () => {
		const fetcher = async () => new Response('missing', { status: 404 });
		await expect(fetchRegionFile('05', fetcher as typeof fetch)).rejects.toThrowError(
			'/geo/region/05.geojson: HTTP 404'
		);
	});
});

describe('style expressions', () => {
	const props = (level: string, code = '05101') => ({
		type: 1 as const,
		properties: { level, code },
		geometry: []
	});

	it('levelFilter selects one level of the region file', () => {
		const filter = featureFilter(levelFilter('comuna'), 'layers[0].filter');
		expect(filter.filter({ zoom: 6 }, props('comuna'))).toBe(true);
		expect(filter.filter({ zoom: 6 }, props('provincia'))).toBe(false);
	});

	it('communeFillColor highlights the selected comuna and dims the rest', () => {
		const colors = { base: '#111111', hover: '#222222', dimmed: '#333333', selected: '#444444' };
		const compiled = expression.createExpression(
			communeFillColor('05101', colors),
			'layers[0].paint.fill-color'
		);
		expect(compiled.result).toBe('success');
		if (compiled.result !== 'success') return;
		const evaluate = (code: string, hover: boolean) =>
			compiled.value.evaluate({ zoom: 6 }, props('comuna', code), { hover }).toString();
		expect(evaluate('05101', false)).toBe('#444444');
		expect(evaluate('05109', false)).toBe('#333333');
		expect(evaluate('05109', true)).toBe('#222222');
	});

	it('without a selection only hover changes the colour', () => {
		const compiled = expression.createExpression(
			communeFillColor(null, {
				base: '#111111',
				hover: '#222222',
				dimmed: '#333333',
				selected: '#444444'
			}),
			'layers[0].paint.fill-color'
		);
		if (compiled.result !== 'success') throw new Error('invalid expression');
		expect(compiled.value.evaluate({ zoom: 6 }, props('comuna'), {}).toString()).toBe('#111111');
	});

	it('encodes the region code in the file URL', () => {
		expect(GEO_FILES.region('05')).toBe('/geo/region/05.geojson');
		expect(GEO_FILES.region('../x')).toBe('/geo/region/..%2Fx.geojson');
	});
});
