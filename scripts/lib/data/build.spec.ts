import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTerritory, territoryBuildIsCurrent } from './build.ts';
import { SourceValidationError } from './validate.ts';
import { planarArea } from './testing/planar-area.ts';

/**
 * The whole pipeline on a tiny made-up territory: two regions, three provinces, four comunas
 * drawn the way the real source is (integer codes, ASCII names, overlaps and gaps between
 * neighbours, a far island, an undemarcated zone).
 */
const rect = (x0: number, y0: number, x1: number, y1: number) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];

const CODE_LIST = {
	'regions.csv': 'code,roman,name,north_to_south\n01,I,Tarapacá,1\n02,II,Antofagasta,2\n',
	'provinces.csv': 'code,region_code,name\n011,01,Iquique\n014,01,Tamarugal\n021,02,Antofagasta\n',
	'communes.csv':
		'code,province_code,region_code,name\n' +
		'01101,011,01,Iquique\n01107,011,01,Alto Hospicio\n01401,014,01,Pozo Almonte\n02101,021,02,Antofagasta\n'
};

const sourceFeature = (code: number, name: string, coordinates: number[][][][]): Feature => ({
	type: 'Feature',
	properties: { cod_comuna: code, Comuna: name },
	geometry: { type: 'MultiPolygon', coordinates }
});

const SOURCE: FeatureCollection = {
	type: 'FeatureCollection',
	features: [
		// Overlaps Alto Hospicio by 0.02°; has an island ~700 km out at sea.
		sourceFeature(1101, 'Iquique', [rect(-70.5, -20.5, -69.98, -20), rect(-77, -20.3, -76.9, -20.2)]),
		sourceFeature(1107, 'Alto Hospicio', [rect(-70, -20.5, -69.5, -20)]),
		// Wraps around below them, leaving a sliver gap enclosed by the three.
		sourceFeature(1401, 'Pozo Almonte', [
			[[[-70.6, -21], [-69.4, -21], [-69.4, -20.4], [-69.5, -20.4], [-69.5, -20.51], [-70.5, -20.51], [-70.5, -20.4], [-70.6, -20.4], [-70.6, -21]]]
		]),
		sourceFeature(2101, 'Antofagasta', [rect(-70.5, -22, -69.5, -21)]),
		// Overlaps Antofagasta, which keeps that land: the zone is what no comuna claims.
		sourceFeature(0, 'Zona sin demarcar', [rect(-69.6, -22, -69.3, -21.5)])
	]
};

let workspace: string;
let repoRoot: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
	workspace = await mkdtemp(join(tmpdir(), 'territory-build-'));
	repoRoot = join(workspace, 'repo');
	await mkdir(join(repoRoot, 'data', 'territory'), { recursive: true });
	for (const [file, text] of Object.entries(CODE_LIST)) await writeFile(join(repoRoot, 'data', 'territory', file), text);
	await writeFile(join(workspace, 'source.geojson'), JSON.stringify(SOURCE));
	env = { GEO_SOURCE: join(workspace, 'source.geojson') };
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

const area = planarArea;

const read = (path: string) => readFile(join(repoRoot, path), 'utf8');
const readJson = async <T>(path: string) => JSON.parse(await read(path)) as T;

describe('buildTerritory on a tiny territory', () => {
	it('writes the topology, the map files and a manifest of checksums', async () => {
		const { manifest } = await buildTerritory({ repoRoot, env });
		expect(Object.keys(manifest.outputs)).toEqual([
			'data/build/territorio.topo.json',
			'static/geo/region/01.geojson',
			'static/geo/region/02.geojson',
			'static/geo/regiones-etiquetas.geojson',
			'static/geo/regiones.geojson',
			'static/geo/zonas-sin-demarcar.geojson'
		]);
		expect(manifest.counts).toEqual({ regions: 2, provinces: 3, communes: 4, communesWithPolygon: 4, undemarcatedAreas: 1 });
		expect(manifest.source).toMatchObject({ origin: 'GEO_SOURCE', documented: false });
		expect(manifest.coverage.overlapFaces).toBe(1);
		expect(manifest.coverage.gapFaces).toBe(1);
		expect(JSON.parse(await read('data/build/manifest.json'))).toEqual(manifest);
	});

	it('is byte-identical when rebuilt, and knows when it is current', async () => {
		const before = await Promise.all(['data/build/manifest.json', 'static/geo/region/01.geojson', 'data/build/territorio.topo.json'].map(read));
		expect(await territoryBuildIsCurrent({ repoRoot, env })).toBe(true);
		await buildTerritory({ repoRoot, env });
		const after = await Promise.all(['data/build/manifest.json', 'static/geo/region/01.geojson', 'data/build/territorio.topo.json'].map(read));
		expect(after).toEqual(before);
	});

	it('names everything from the code list, sorted by code, with coordinates of at most 5 decimals', async () => {
		const national = await readJson<FeatureCollection<MultiPolygon> & { bbox: number[]; bboxMainland: number[] }>(
			'static/geo/regiones.geojson'
		);
		expect(national.features.map((f) => f.properties)).toEqual([
			{ code: '01', name: 'Tarapacá', roman: 'I' },
			{ code: '02', name: 'Antofagasta', roman: 'II' }
		]);
		// The box covers the far island; the mainland box does not.
		expect(national.bbox).toEqual([-77, -22, -69.4, -20]);
		expect(national.bboxMainland).toEqual([-70.6, -22, -69.4, -20]);

		const region = await readJson<FeatureCollection<MultiPolygon | Point> & { bbox: number[]; bboxAll: number[] }>(
			'static/geo/region/01.geojson'
		);
		expect(region.bbox).toEqual([-70.6, -21, -69.4, -20]);
		expect(region.bboxAll).toEqual([-77, -21, -69.4, -20]);
		expect(region.features.map((f) => `${f.properties!.level} ${f.properties!.code} ${f.properties!.name}`)).toEqual([
			'provincia 011 Iquique',
			'provincia 014 Tamarugal',
			'comuna 01101 Iquique',
			'comuna 01107 Alto Hospicio',
			'comuna 01401 Pozo Almonte',
			'etiqueta-comuna 01101 Iquique',
			'etiqueta-comuna 01107 Alto Hospicio',
			'etiqueta-comuna 01401 Pozo Almonte'
		]);
		expect(region.features[2].properties).toEqual({
			level: 'comuna',
			code: '01101',
			name: 'Iquique',
			province_code: '011',
			region_code: '01'
		});
		const coordinates = JSON.stringify(region.features.map((f) => f.geometry.coordinates)).match(/-?\d+\.\d+/g) ?? [];
		expect(coordinates.every((n) => n.split('.')[1].length <= 5)).toBe(true);
	});

	it('derives provinces and regions from the comunas, with no gap or overlap left between them', async () => {
		const region = await readJson<FeatureCollection<MultiPolygon>>('static/geo/region/01.geojson');
		const shape = (code: string, level: string) =>
			region.features.find((f) => f.properties!.code === code && f.properties!.level === level)!.geometry.coordinates;
		// Iquique keeps its overlap with Alto Hospicio (it borders both equally; ties go to the lower
		// code); the enclosed sliver goes to Pozo Almonte, which borders it the longest.
		expect(area(shape('01101', 'comuna'))).toBeCloseTo(0.52 * 0.5 + 0.01, 9);
		expect(area(shape('01107', 'comuna'))).toBeCloseTo(0.48 * 0.5, 9);
		expect(area(shape('01401', 'comuna'))).toBeCloseTo(0.61 + 0.01, 9);
		expect(area(shape('011', 'provincia'))).toBeCloseTo(0.51, 9);
		expect(area(shape('014', 'provincia'))).toBeCloseTo(0.62, 9);
		// Province 011 is the two comunas dissolved: one rectangle and the island, no inner ring.
		expect(shape('011', 'provincia').map((polygon) => polygon.length)).toEqual([1, 1]);
		const national = await readJson<FeatureCollection<MultiPolygon>>('static/geo/regiones.geojson');
		// The national level is quantized to 1e5 steps across the country: equal to ~1e-4 degrees².
		expect(area(national.features[0].geometry.coordinates)).toBeCloseTo(1.13, 4);

		const zone = await readJson<FeatureCollection<MultiPolygon>>('static/geo/zonas-sin-demarcar.geojson');
		expect(zone.features.map((f) => f.properties)).toEqual([{ name: 'Zona sin demarcar' }]);
		expect(area(zone.features[0].geometry.coordinates)).toBeCloseTo(0.1, 9);
	});

	it('is no longer current when an output, the code list or the source changes', async () => {
		const path = join(repoRoot, 'static', 'geo', 'regiones.geojson');
		const original = await readFile(path, 'utf8');
		await writeFile(path, original.replace('Tarapacá', 'Tarapaca'));
		expect(await territoryBuildIsCurrent({ repoRoot, env })).toBe(false);
		await writeFile(path, original);
		expect(await territoryBuildIsCurrent({ repoRoot, env })).toBe(true);
		expect(await territoryBuildIsCurrent({ repoRoot, env: { GEO_SOURCE: join(workspace, 'missing.geojson') } })).toBe(false);
	});

	it('fails loudly, listing the codes, when the source does not match the code list', async () => {
		const bad: FeatureCollection = {
			...SOURCE,
			features: [...SOURCE.features.filter((f) => f.properties!.cod_comuna !== 1401), sourceFeature(1499, 'X', [rect(0, 0, 1, 1)])]
		};
		await writeFile(join(workspace, 'bad.geojson'), JSON.stringify(bad));
		const failure = buildTerritory({ repoRoot, env: { GEO_SOURCE: join(workspace, 'bad.geojson') } });
		await expect(failure).rejects.toBeInstanceOf(SourceValidationError);
		await expect(failure).rejects.toThrow(/not in the code list: 01499[\s\S]*missing from the source: 01401/);
	});
});
