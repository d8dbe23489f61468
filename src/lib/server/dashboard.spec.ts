import { describe, expect, it } from 'vitest';
import {
	afterCursorFilter,
	decodeCursor,
	encodeCursor,
	isProjectSort,
	quotePostgrestValue
} from './dashboard';

describe('project list cursors', () => {
	it('round-trip the last row’s sort value and id', () => {
		for (const cursor of [
			{ value: 'Reposición puente "El Loa", km 3,5', id: 17 },
			{ value: 125000000, id: 3 },
			{ value: null, id: 99 }
		]) {
			expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
		}
	});

	it('read anything else as no cursor', () => {
		expect(decodeCursor(null)).toBeNull();
		expect(decodeCursor('')).toBeNull();
		expect(decodeCursor('not base64 json')).toBeNull();
		expect(decodeCursor(Buffer.from('[1]').toString('base64url'))).toBeNull();
		expect(decodeCursor(Buffer.from('["a", 1.5]').toString('base64url'))).toBeNull();
		expect(decodeCursor(Buffer.from('[{}, 1]').toString('base64url'))).toBeNull();
	});
});

describe('afterCursorFilter', () => {
	it('continues after the cursor in ascending order, then the rows without a value', () => {
		expect(afterCursorFilter('name', { value: 'Puente, (norte)', id: 5 })).toBe(
			'name.gt."Puente, (norte)",and(name.eq."Puente, (norte)",id.gt.5),name.is.null'
		);
	});

	it('goes downwards for descending orders', () => {
		expect(afterCursorFilter('investment_desc', { value: 1000, id: 5 })).toBe(
			'investment_clp.lt."1000",and(investment_clp.eq."1000",id.gt.5),investment_clp.is.null'
		);
	});

	it('stays among the rows without a value once there', () => {
		expect(afterCursorFilter('start_desc', { value: null, id: 8 })).toBe('and(start_on.is.null,id.gt.8)');
	});
});

describe('quotePostgrestValue', () => {
	it('escapes backslashes and double quotes', () => {
		expect(quotePostgrestValue('a"b\\c')).toBe('"a\\"b\\\\c"');
	});
});

describe('isProjectSort', () => {
	it('knows the list orders', () => {
		expect(isProjectSort('name')).toBe(true);
		expect(isProjectSort('investment_desc')).toBe(true);
		expect(isProjectSort('id; drop table')).toBe(false);
		expect(isProjectSort(undefined)).toBe(false);
	});
});
