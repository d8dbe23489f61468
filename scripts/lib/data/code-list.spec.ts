import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeListProblems, normaliseCommuneCode, parseCodeList, readCodeList, type CodeList } from './code-list.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

describe('normaliseCommuneCode', () => {
	it('restores the leading zero that integer codes lose', () => {
		expect(normaliseCommuneCode(5101)).toBe('05101');
		expect(normaliseCommuneCode(13101)).toBe('13101');
		expect(normaliseCommuneCode('8301')).toBe('08301');
		expect(normaliseCommuneCode(' 05101 ')).toBe('05101');
		expect(normaliseCommuneCode(0)).toBe('00000');
	});

	it('rejects anything that is not a whole code of at most 5 digits', () => {
		for (const bad of [5101.5, -5101, 123456, '51O1', '', null, undefined, 'abc']) {
			expect(() => normaliseCommuneCode(bad)).toThrow(/Not a comuna code/);
		}
	});
});

describe('the project code list (data/territory)', async () => {
	const { list } = await readCodeList(join(repoRoot, 'data', 'territory'));
	const commune = (code: string) => list.communes.find((c) => c.code === code);

	it('has no integrity problems', () => {
		expect(codeListProblems(list)).toEqual([]);
	});

	it('has 16 regiones, 56 provincias and 346 comunas', () => {
		expect(list.regions).toHaveLength(16);
		expect(list.provinces).toHaveLength(56);
		expect(list.communes).toHaveLength(346);
	});

	it('uses the official region names and roman numerals', () => {
		const byCode = Object.fromEntries(list.regions.map((r) => [r.code, `${r.roman} ${r.name}`]));
		expect(byCode).toMatchObject({
			'05': 'V Valparaíso',
			'06': "VI Libertador General Bernardo O'Higgins",
			'08': 'VIII Biobío',
			'09': 'IX La Araucanía',
			'11': 'XI Aysén del General Carlos Ibáñez del Campo',
			'12': 'XII Magallanes y de la Antártica Chilena',
			'13': 'RM Metropolitana de Santiago',
			'14': 'XIV Los Ríos',
			'15': 'XV Arica y Parinacota',
			'16': 'XVI Ñuble'
		});
	});

	it('splits Ñuble and Biobío as since 2018', () => {
		const provinces = (region: string) => list.provinces.filter((p) => p.region_code === region).map((p) => `${p.code} ${p.name}`);
		expect(provinces('16')).toEqual(['161 Diguillín', '162 Itata', '163 Punilla']);
		expect(provinces('08')).toEqual(['081 Concepción', '082 Arauco', '083 Biobío']);
	});

	it('writes names with their Spanish spelling, not the source ASCII forms', () => {
		expect(commune('08301')?.name).toBe('Los Ángeles');
		expect(commune('08206')?.name).toBe('Los Álamos');
		expect(commune('05103')?.name).toBe('Concón');
		expect(commune('02202')?.name).toBe('Ollagüe');
		expect(commune('13120')?.name).toBe('Ñuñoa');
		expect(commune('11101')?.name).toBe('Coyhaique');
		expect(commune('16206')?.name).toBe('Ránquil');
	});

	it('includes Antártica, the comuna without a polygon', () => {
		expect(commune('12202')).toEqual({ code: '12202', province_code: '122', region_code: '12', name: 'Antártica' });
	});

	it('lists every code in order', () => {
		for (const rows of [list.regions, list.provinces, list.communes]) {
			const codes = rows.map((r) => r.code);
			expect(codes).toEqual([...codes].sort());
		}
	});
});

describe('codeListProblems', () => {
	const small = (): CodeList =>
		parseCodeList(
			'code,roman,name,north_to_south\n01,I,Tarapacá,1\n02,II,Antofagasta,2\n',
			'code,region_code,name\n011,01,Iquique\n021,02,Antofagasta\n',
			'code,province_code,region_code,name\n01101,011,01,Iquique\n01107,011,01,Alto Hospicio\n02101,021,02,Antofagasta\n'
		);

	it('accepts a consistent list', () => {
		expect(codeListProblems(small())).toEqual([]);
	});

	it('reports duplicate codes, wrong parents, orphans and repeated names', () => {
		const list = small();
		list.communes.push({ code: '01101', province_code: '011', region_code: '01', name: 'Otra' });
		list.communes.push({ code: '02102', province_code: '011', region_code: '02', name: 'Mejillones' });
		list.communes.push({ code: '01108', province_code: '011', region_code: '01', name: 'Iquique' });
		list.provinces.push({ code: '031', region_code: '03', name: 'Copiapó' });
		list.regions.push({ code: '04', roman: 'II', name: 'Coquimbo', north_to_south: '99' });
		expect(codeListProblems(list)).toEqual(
			expect.arrayContaining([
				'duplicate commune code 01101',
				'commune 02102 is not under its province 011',
				'commune 02102: region 02 differs from its province\'s',
				'province 031: unknown region 03',
				'province 031 has no comunas',
				'region 04 has no provinces',
				'duplicate roman II',
				'duplicate commune name "Iquique" in province 011'
			])
		);
	});

	it('reports names that are not in Unicode NFC', () => {
		const list = small();
		list.communes[0].name = 'Concon\u0301';
		expect(codeListProblems(list)).toContain('name "Concon\u0301" is not in Unicode NFC');
	});

	it('rejects a file with a missing column or a padded value', () => {
		expect(() => parseCodeList('code,name\n01,Tarapacá\n', 'code,region_code,name\n', 'code,province_code,region_code,name\n')).toThrow(
			'regions.csv: missing column "roman"'
		);
		expect(() =>
			parseCodeList('code,roman,name,north_to_south\n01,I, Tarapacá,1\n', 'code,region_code,name\n', 'code,province_code,region_code,name\n')
		).toThrow(/line 2, column "name" is empty or padded/);
	});
});
