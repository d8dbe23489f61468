import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseCodeList } from './code-list.ts';
import { SourceValidationError, splitSource } from './validate.ts';

const list = parseCodeList(
	'code,roman,name,north_to_south\n05,V,Valparaíso,1\n12,XII,Magallanes y de la Antártica Chilena,2\n',
	'code,region_code,name\n051,05,Valparaíso\n122,12,Antártica Chilena\n',
	'code,province_code,region_code,name\n05101,051,05,Valparaíso\n05102,051,05,Casablanca\n12201,122,12,Cabo de Hornos\n12202,122,12,Antártica\n'
);

const square = (x: number): Polygon => ({
	type: 'Polygon',
	coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]
});
const comuna = (code: unknown, x = 0, extra: Record<string, unknown> = {}): Feature => ({
	type: 'Feature',
	properties: { cod_comuna: code, Comuna: 'nombre de la fuente', ...extra },
	geometry: square(x)
});

function problemsOf(run: () => unknown): string[] {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(SourceValidationError);
		return (error as SourceValidationError).problems;
	}
	throw new Error('expected a SourceValidationError');
}

describe('splitSource', () => {
	it('keys comunas by 5-character code and keeps the undemarcated zone apart', () => {
		const split = splitSource([comuna(5101), comuna(5102, 1), comuna(12201, 2), comuna(0, 3)], list);
		expect([...split.communes.keys()]).toEqual(['05101', '05102', '12201']);
		expect(split.communes.get('05101')).toEqual(square(0));
		expect(split.undemarcated).toEqual([square(3)]);
	});

	it('accepts a source without Antártica (12202), which has no polygon anywhere', () => {
		expect(() => splitSource([comuna(5101), comuna(5102, 1), comuna(12201, 2)], list)).not.toThrow();
	});

	it('fails listing every source code that is not in the code list', () => {
		const problems = problemsOf(() => splitSource([comuna(5101), comuna(5102), comuna(12201), comuna(5199), comuna(99999)], list));
		expect(problems).toEqual(['codes not in the code list: 05199, 99999']);
	});

	it('fails listing every comuna of the code list missing from the source', () => {
		const problems = problemsOf(() => splitSource([comuna(5101)], list));
		expect(problems).toEqual(['comunas of the code list missing from the source: 05102, 12201']);
	});

	it('fails on duplicates, unreadable codes and non-areal geometry, all at once', () => {
		const point: Feature = { type: 'Feature', properties: { cod_comuna: 5102 }, geometry: { type: 'Point', coordinates: [0, 0] } };
		const problems = problemsOf(() =>
			splitSource([comuna(5101), comuna('5101'), comuna('V'), point, comuna(12201)], list)
		);
		expect(problems).toEqual([
			'comunas of the code list missing from the source: 05102',
			'codes present more than once: 05101',
			'unreadable codes: feature #2: cod_comuna = "V"',
			'features without a polygon geometry: 05102 (Point)'
		]);
	});

	it('puts the codes in the error message, for the CLI to print', () => {
		expect(() => splitSource([comuna(5101), comuna(5102), comuna(12201), comuna(7777)], list)).toThrow(/07777/);
	});
});
