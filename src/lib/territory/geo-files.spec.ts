import { describe, expect, it, vi } from 'vitest';
import { fetchRegionFile, GEO_FILES, GeoFileError, parseRegionFile } from './geo-files';

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

describe('GEO_FILES', () => {
	it('encodes the region code in the file URL', () => {
		expect(GEO_FILES.region('05')).toBe('/geo/region/05.geojson');
		expect(GEO_FILES.region('../x')).toBe('/geo/region/..%2Fx.geojson');
	});
});
