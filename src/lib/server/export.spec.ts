import { describe, expect, it } from 'vitest';
import { csvCell, neutralizeFormula } from './export';

describe('neutralizeFormula', () => {
	it('makes text that a spreadsheet would run as a formula inert', () => {
		for (const dangerous of ['=1+1', '+56 9 1234', '-2', '@SUM(A1)', '\t=1', '\r=1'])
			expect(neutralizeFormula(dangerous)).toBe(`'${dangerous}`);
		expect(neutralizeFormula('Puente Cau Cau')).toBe('Puente Cau Cau');
		expect(neutralizeFormula('a=b')).toBe('a=b');
	});
});

describe('csvCell', () => {
	it('quotes cells holding the separator, quotes or line breaks, doubling the quotes', () => {
		expect(csvCell('Mejoramiento Ruta 5, sector Sur', ',')).toBe('"Mejoramiento Ruta 5, sector Sur"');
		expect(csvCell('Mejoramiento Ruta 5, sector Sur', ';')).toBe('Mejoramiento Ruta 5, sector Sur');
		expect(csvCell('a;b', ';')).toBe('"a;b"');
		expect(csvCell('Puente "El Loa"', ',')).toBe('"Puente ""El Loa"""');
		expect(csvCell('línea 1\nlínea 2', ',')).toBe('"línea 1\nlínea 2"');
	});

	it('writes numbers as they are, empty for missing values, and neutralises formulas before quoting', () => {
		expect(csvCell(1250000000, ',')).toBe('1250000000');
		expect(csvCell(-5, ',')).toBe('-5');
		expect(csvCell(null, ',')).toBe('');
		expect(csvCell(undefined, ';')).toBe('');
		expect(csvCell('=HYPERLINK("x")', ',')).toBe('"\'=HYPERLINK(""x"")"');
	});
});
