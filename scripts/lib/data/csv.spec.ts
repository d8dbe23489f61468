import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.ts';

describe('parseCsv', () => {
	it('reads plain fields, LF and CRLF line ends, and a missing final newline', () => {
		expect(parseCsv('a,b\r\n1,2\n3,4')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
	});

	it('reads quoted fields with commas, quotes and line breaks', () => {
		expect(parseCsv('name\n"O\'Higgins, Libertador"\n"dice ""hola"""\n"dos\nlíneas"\n')).toEqual([
			['name'],
			["O'Higgins, Libertador"],
			['dice "hola"'],
			['dos\nlíneas']
		]);
	});

	it('ignores a byte-order mark and keeps empty fields', () => {
		expect(parseCsv('\uFEFFa,,c\n')).toEqual([['a', '', 'c']]);
	});

	it('rejects malformed quoting instead of guessing', () => {
		expect(() => parseCsv('"abc')).toThrow(/unterminated/);
		expect(() => parseCsv('ab"c"')).toThrow(/unexpected quote/);
		expect(() => parseCsv('"ab"c')).toThrow(/after a closing quote/);
	});
});

describe('parseCsvRecords', () => {
	it('keys rows by the header', () => {
		expect(parseCsvRecords('code,name\n01,Tarapacá\n')).toEqual([{ code: '01', name: 'Tarapacá' }]);
	});

	it('names the file and line of a row with the wrong number of columns', () => {
		expect(() => parseCsvRecords('code,name\n01\n', 'regions.csv')).toThrow('regions.csv: line 2 has 1 columns');
	});
});
