import { describe, expect, it } from 'vitest';
import { createRandom, seedInt, weightedPicker } from './random.ts';

const draw = (seed: string | number, n = 20) => {
	const r = createRandom(seed);
	return Array.from({ length: n }, () => r.next());
};

describe('createRandom', () => {
	it('repeats the same sequence for the same seed, and another for another seed', () => {
		expect(draw(1)).toEqual(draw(1));
		expect(draw('1')).toEqual(draw(1));
		expect(draw(1)).not.toEqual(draw(2));
	});

	it('stays within its ranges', () => {
		const r = createRandom('ranges');
		for (let i = 0; i < 10_000; i++) {
			const x = r.next();
			expect(x >= 0 && x < 1).toBe(true);
			const n = r.int(3, 7);
			expect(Number.isInteger(n) && n >= 3 && n <= 7).toBe(true);
			const l = r.logUniform(10, 1000);
			expect(l >= 10 && l < 1000).toBe(true);
		}
	});

	it('reaches both ends of an integer range', () => {
		const r = createRandom('ends');
		const seen = new Set(Array.from({ length: 2000 }, () => r.int(1, 4)));
		expect([...seen].sort()).toEqual([1, 2, 3, 4]);
	});

	it('forks independent streams that do not depend on what the parent drew', () => {
		const a = createRandom('root');
		const b = createRandom('root');
		b.next();
		b.next();
		const forkA = a.fork('projects');
		const forkB = b.fork('projects');
		expect([forkA.next(), forkA.next()]).toEqual([forkB.next(), forkB.next()]);
		expect(a.fork('projects').next()).not.toBe(a.fork('flows').next());
	});

	it('samples distinct items, and all of them when asked for more', () => {
		const r = createRandom('sample');
		const items = Array.from({ length: 1000 }, (_, i) => i);
		const five = r.sample(items, 5);
		expect(new Set(five).size).toBe(5);
		expect(r.sample([1, 2, 3], 10).sort()).toEqual([1, 2, 3]);
		expect(r.sample([], 3)).toEqual([]);
		const [x, y] = r.pair(['a', 'b']);
		expect(x).not.toBe(y);
	});
});

describe('weightedPicker', () => {
	it('draws in proportion to the weights and never a zero-weight item', () => {
		const pick = weightedPicker(['a', 'b', 'c'], [1, 3, 0]);
		const r = createRandom('weights');
		const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
		for (let i = 0; i < 20_000; i++) counts[pick(r)]++;
		expect(counts.c).toBe(0);
		expect(counts.b / counts.a).toBeGreaterThan(2.7);
		expect(counts.b / counts.a).toBeLessThan(3.3);
	});

	it('refuses lists it cannot draw from', () => {
		expect(() => weightedPicker([], [])).toThrow();
		expect(() => weightedPicker(['a'], [0])).toThrow();
		expect(() => weightedPicker(['a', 'b'], [1])).toThrow();
	});
});

describe('seedInt', () => {
	it('gives the positive 32-bit integer PostGIS takes as a seed, stable per label', () => {
		expect(seedInt('1/05101')).toBe(seedInt('1/05101'));
		expect(seedInt('1/05101')).not.toBe(seedInt('2/05101'));
		for (const label of ['a', 'b', '1/13101']) {
			expect(seedInt(label)).toBeGreaterThan(0);
			expect(seedInt(label)).toBeLessThan(2 ** 31);
		}
	});
});
