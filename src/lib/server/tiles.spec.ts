import { describe, expect, it } from 'vitest';
import { etagMatches, parseTileAddress, TileCache, tileEtag, todayInChile } from './tiles';

describe('parseTileAddress', () => {
	it('accepts tiles that exist and refuses the rest', () => {
		expect(parseTileAddress('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 });
		expect(parseTileAddress('12', '1244', '2452')).toEqual({ z: 12, x: 1244, y: 2452 });
		expect(parseTileAddress('1', '2', '0')).toBeNull();
		expect(parseTileAddress('23', '0', '0')).toBeNull();
		expect(parseTileAddress('5', '-1', '0')).toBeNull();
		expect(parseTileAddress('5', '1.5', '0')).toBeNull();
		expect(parseTileAddress('5', '1e1', '0')).toBeNull();
	});
});

describe('tileEtag', () => {
	const base = {
		version: 7,
		day: '2026-11-30',
		tile: { z: 10, x: 311, y: 613 },
		filter: {},
		viewer: 'anon'
	};

	it('is stable for the same inputs and changes with each of them', () => {
		const etag = tileEtag(base);
		expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
		expect(tileEtag({ ...base })).toBe(etag);
		for (const changed of [
			{ version: 8 },
			{ day: '2026-12-01' },
			{ tile: { z: 10, x: 311, y: 614 } },
			{ filter: { region: '13' } },
			{ viewer: 'user:1' }
		]) {
			expect(tileEtag({ ...base, ...changed })).not.toBe(etag);
		}
	});
});

describe('etagMatches', () => {
	it('matches the tag, a weak form of it, one of a list, or *', () => {
		expect(etagMatches('"a"', '"a"')).toBe(true);
		expect(etagMatches('W/"a"', '"a"')).toBe(true);
		expect(etagMatches('"b", "a"', '"a"')).toBe(true);
		expect(etagMatches('*', '"a"')).toBe(true);
		expect(etagMatches('"b"', '"a"')).toBe(false);
		expect(etagMatches(null, '"a"')).toBe(false);
	});
});

describe('TileCache', () => {
	const bytes = (n: number) => new Uint8Array(n);

	it('evicts the least recently used entries beyond its byte budget', () => {
		const cache = new TileCache(10);
		cache.set('a', bytes(4));
		cache.set('b', bytes(4));
		expect(cache.get('a')).toBeDefined(); // a is now the most recent
		cache.set('c', bytes(4));
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')).toBeDefined();
		expect(cache.get('c')).toBeDefined();
		expect(cache.bytes).toBe(8);
		expect(cache.hits).toBe(3);
		expect(cache.misses).toBe(1);
	});

	it('does not keep an entry larger than the whole budget, and replaces an entry in place', () => {
		const cache = new TileCache(10);
		cache.set('big', bytes(11));
		expect(cache.size).toBe(0);
		cache.set('a', bytes(3));
		cache.set('a', bytes(5));
		expect(cache.size).toBe(1);
		expect(cache.bytes).toBe(5);
	});
});

describe('todayInChile', () => {
	it('is the calendar day in Santiago, not in UTC', () => {
		// 02:00 UTC on 1 December is still 30 November in Chile (UTC−3 in summer).
		expect(todayInChile(new Date('2026-12-01T02:00:00Z'))).toBe('2026-11-30');
		expect(todayInChile(new Date('2026-12-01T04:00:00Z'))).toBe('2026-12-01');
	});
});
