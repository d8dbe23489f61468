import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPO_ROOT } from '../data/build.ts';
import { readCodeList } from '../data/code-list.ts';
import { institutionCatalogue, type SampleInstitution } from './institutions.ts';
import { territoryFromCodeList, type SampleTerritory } from './territory.ts';
import { AIRFIELDS, REGION_VOCABULARY, regionalGovernmentName, regionLabel } from './texts.ts';

let territory: SampleTerritory;
let catalogue: SampleInstitution[];
beforeAll(async () => {
	const { list } = await readCodeList(join(DEFAULT_REPO_ROOT, 'data', 'territory'));
	territory = territoryFromCodeList(list);
	catalogue = institutionCatalogue(territory);
});

describe('institutionCatalogue', () => {
	it('names every institution once and keys it once', () => {
		expect(new Set(catalogue.map((i) => i.name)).size).toBe(catalogue.length);
		expect(new Set(catalogue.map((i) => i.key)).size).toBe(catalogue.length);
	});

	it('has one Gobierno Regional and one Technical Secretariat per region', () => {
		for (const region of territory.regions) {
			for (const kind of ['regional_government', 'council_secretariat']) {
				expect(
					catalogue.filter((i) => i.kind === kind && i.region_code === region.code),
					`${kind} ${region.code}`
				).toHaveLength(1);
			}
		}
	});

	it('carries the territorial codes its level calls for, nested (the table checks the same)', () => {
		const levelOf: Record<string, string[]> = {
			ministry: ['national'],
			service: ['national', 'regional'],
			regional_government: ['regional'],
			seremi: ['regional'],
			council_secretariat: ['regional'],
			provincial_delegation: ['provincial'],
			municipality: ['communal']
		};
		for (const i of catalogue) {
			expect(levelOf[i.kind], i.name).toContain(i.level);
			const codes = [i.region_code, i.province_code, i.commune_code];
			if (i.level === 'national') expect(codes, i.name).toEqual([null, null, null]);
			if (i.level === 'regional') expect([codes[1], codes[2]], i.name).toEqual([null, null]);
			if (i.level === 'provincial') expect(i.province_code!.slice(0, 2), i.name).toBe(i.region_code);
			if (i.level === 'communal') expect(i.commune_code!.slice(0, 2), i.name).toBe(i.region_code);
			if (i.level !== 'national') expect(territory.regions.map((r) => r.code)).toContain(i.region_code);
		}
	});

	it('has a municipality for every comuna with territory, and no Obras Portuarias in Santiago', () => {
		expect(catalogue.filter((i) => i.kind === 'municipality')).toHaveLength(
			territory.communes.filter((c) => c.areaKm2).length
		);
		expect(catalogue.find((i) => i.key === 'dop:13')).toBeUndefined();
		expect(catalogue.find((i) => i.key === 'dop:05')).toBeDefined();
	});
});

describe('sample vocabulary', () => {
	it('covers every region, and places airfields in real comunas', () => {
		for (const region of territory.regions)
			expect(REGION_VOCABULARY[region.code], region.code).toBeDefined();
		const codes = new Set(territory.communes.map((c) => c.code));
		for (const airfield of AIRFIELDS) expect(codes.has(airfield.commune), airfield.name).toBe(true);
	});

	it('names regions the way Chile writes them', () => {
		expect(regionLabel('05', 'Valparaíso')).toBe('Región de Valparaíso');
		expect(regionLabel('07', 'Maule')).toBe('Región del Maule');
		expect(regionLabel('13', 'Metropolitana de Santiago')).toBe('Región Metropolitana de Santiago');
		expect(regionalGovernmentName('13', 'Metropolitana de Santiago')).toBe(
			'Gobierno Regional Metropolitano de Santiago'
		);
		expect(regionalGovernmentName('08', 'Biobío')).toBe('Gobierno Regional del Biobío');
	});
});
