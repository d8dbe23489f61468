/**
 * The sample's only source of randomness: a seeded sfc32 generator, so that the same seed gives the
 * same rows on every machine and every run (no Math.random, no clock).
 *
 * Each part of the sample draws from its own stream (`fork('projects')`, `fork('flows')`…), so that
 * drawing one more number in one part does not reshuffle all the others.
 */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** Uniform in [min, max). */
	float(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Log-uniform in [min, max): as many values between 1 and 10 million as between 10 and 100 million. */
	logUniform(min: number, max: number): number;
	/** k distinct items, in a random order (all of them when k ≥ items.length). */
	sample<T>(items: readonly T[], k: number): T[];
	/** Two different items (the list must hold at least two). */
	pair<T>(items: readonly T[]): [T, T];
	/** An independent stream named by label, reproducible from this one's seed. */
	fork(label: string): Random;
}

/** 128 bits of state from a string (cyrb128): nearby seeds give unrelated streams. */
function hashSeed(text: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A positive 31-bit integer derived from a label, e.g. for PostGIS's ST_GeneratePoints seed. */
export function seedInt(label: string): number {
	return (hashSeed(label)[0] % 2147483646) + 1;
}

export function createRandom(seed: string | number): Random {
	const name = String(seed);
	let [a, b, c, d] = hashSeed(name);
	const next = () => {
		a |= 0;
		b |= 0;
		c |= 0;
		d |= 0;
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	// sfc32's first outputs still echo the seed: discard a few.
	for (let i = 0; i < 12; i++) next();

	const random: Random = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		float: (min, max) => min + next() * (max - min),
		chance: (p) => next() < p,
		pick: (items) => {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[Math.floor(next() * items.length)];
		},
		logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
		sample: (items, k) => {
			const n = Math.min(Math.max(0, k), items.length);
			// A partial Fisher–Yates over a sparse map of swapped positions: O(k), not O(items),
			// since a few highlights are drawn from lists of thousands of projects.
			const swapped = new Map<number, number>();
			const at = (i: number) => swapped.get(i) ?? i;
			const chosen: (typeof items)[number][] = [];
			for (let i = 0; i < n; i++) {
				const j = i + Math.floor(next() * (items.length - i));
				const picked = at(j);
				swapped.set(j, at(i));
				chosen.push(items[picked]);
			}
			return chosen;
		},
		pair: (items) => {
			if (items.length < 2) throw new Error('pair needs at least two items');
			const i = Math.floor(next() * items.length);
			const j = (i + 1 + Math.floor(next() * (items.length - 1))) % items.length;
			return [items[i], items[j]];
		},
		fork: (label) => createRandom(`${name}/${label}`)
	};
	return random;
}

/**
 * Draws items in proportion to their weights in O(log n) per draw (cumulative sums and a binary
 * search), which matters when 100 000 projects each pick one of 346 comunas.
 */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (random: Random) => T {
	if (items.length === 0 || items.length !== weights.length)
		throw new Error('weightedPicker needs one weight per item');
	const cumulative: number[] = [];
	let total = 0;
	for (const weight of weights) {
		if (!(weight >= 0)) throw new Error(`weights must be non-negative numbers, got ${weight}`);
		total += weight;
		cumulative.push(total);
	}
	if (total <= 0) throw new Error('weightedPicker needs at least one positive weight');
	return (random) => {
		const target = random.next() * total;
		let low = 0;
		let high = cumulative.length - 1;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (cumulative[mid] > target) high = mid;
			else low = mid + 1;
		}
		return items[low];
	};
}
