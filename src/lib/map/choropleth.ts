import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureId, FeatureStateRecord, FeatureStates } from './feature-state';

/**
 * Cividis (Nuñez, Anderton & Renslow 2018, PLoS ONE 13(7): e0199239), sampled at tenths from
 * dark to light: built to read the same with deuteranopia, protanopia and normal vision, and
 * monotone in lightness, so classes also survive greyscale printing.
 */
const CIVIDIS = [
	'#002051',
	'#0a326a',
	'#2b446e',
	'#4d566d',
	'#696970',
	'#7f7c75',
	'#948f78',
	'#ada476',
	'#caba6a',
	'#ead156',
	'#fdea45'
] as const;

/** Viridis, sampled the same way, for maps where cividis' yellow sits badly with the base map. */
const VIRIDIS = [
	'#440154',
	'#482475',
	'#414487',
	'#355f8d',
	'#2a788e',
	'#21918c',
	'#22a884',
	'#44bf70',
	'#7ad151',
	'#bddf26',
	'#fde725'
] as const;

export const RAMPS = { cividis: CIVIDIS, viridis: VIRIDIS } as const;
export type RampName = keyof typeof RAMPS;

/** Grey, outside both ramps' hues, for areas without a value (never confused with the lowest class). */
export const NO_DATA_COLOR = '#d4d4d4';

export const MIN_CLASSES = 1;
export const MAX_CLASSES = 7;

const toRgb = (hex: string) => [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
const toHex = (rgb: number[]) =>
	`#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

/**
 * `classes` colours from light (low values) to dark (high values), spread over the whole ramp,
 * so neighbouring classes stay as far apart as the ramp allows.
 */
export function sequentialColors(classes: number, ramp: RampName = 'cividis'): string[] {
	if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
		throw new RangeError(`A sequential ramp has ${MIN_CLASSES}–${MAX_CLASSES} classes, not ${classes}`);
	}
	const stops = [...RAMPS[ramp]].reverse();
	if (classes === 1) return [stops[Math.floor(stops.length / 2)]];
	return Array.from({ length: classes }, (_, index) => {
		const position = (index / (classes - 1)) * (stops.length - 1);
		const lower = Math.floor(position);
		const upper = Math.min(lower + 1, stops.length - 1);
		const [a, b] = [toRgb(stops[lower]), toRgb(stops[upper])];
		const weight = position - lower;
		return toHex(a.map((channel, i) => channel + (b[i] - channel) * weight));
	});
}

const finiteSorted = (values: Iterable<number | null | undefined>) =>
	[...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);

/** Thresholds strictly inside (min, max], deduplicated: ties never produce an empty class. */
function cleanThresholds(thresholds: number[], min: number): number[] {
	return [...new Set(thresholds)].filter((t) => t > min).sort((a, b) => a - b);
}

/**
 * Class thresholds that put about the same number of areas in each class. Returns at most
 * `classes - 1` thresholds `t`; a value `v` falls in class `i` when `t[i-1] <= v < t[i]`.
 */
export function quantileThresholds(values: Iterable<number | null | undefined>, classes: number): number[] {
	const sorted = finiteSorted(values);
	if (sorted.length === 0 || classes < 2) return [];
	const thresholds = Array.from(
		{ length: classes - 1 },
		(_, index) => sorted[Math.floor(((index + 1) * sorted.length) / classes)]
	);
	return cleanThresholds(thresholds, sorted[0]);
}

/**
 * Jenks natural breaks (Fisher's exact optimisation): thresholds that minimise the spread inside
 * classes, so visible gaps in the data become class edges. O(classes · n²), fine for the few
 * hundred areas of a choropleth (a few ms for 350).
 */
export function jenksThresholds(values: Iterable<number | null | undefined>, classes: number): number[] {
	const data = finiteSorted(values);
	const n = data.length;
	if (n === 0 || classes < 2) return [];
	const distinct = [...new Set(data)];
	if (distinct.length <= classes) return distinct.slice(1);

	// lowerClassStart[l][j]: 1-based index of the first value of class j in the best split of the
	// first l values into j classes; variance[l][j]: that split's summed squared deviation.
	const lowerClassStart = Array.from({ length: n + 1 }, () => new Array<number>(classes + 1).fill(0));
	const variance = Array.from({ length: n + 1 }, () => new Array<number>(classes + 1).fill(Infinity));
	for (let j = 1; j <= classes; j += 1) {
		lowerClassStart[1][j] = 1;
		variance[1][j] = 0;
	}
	for (let l = 2; l <= n; l += 1) {
		let sum = 0;
		let sumSquares = 0;
		let within = 0;
		for (let m = 1; m <= l; m += 1) {
			const start = l - m + 1;
			const value = data[start - 1];
			sum += value;
			sumSquares += value * value;
			within = sumSquares - (sum * sum) / m;
			const before = start - 1;
			if (before === 0) continue;
			for (let j = 2; j <= classes; j += 1) {
				const candidate = within + variance[before][j - 1];
				if (variance[l][j] >= candidate) {
					lowerClassStart[l][j] = start;
					variance[l][j] = candidate;
				}
			}
		}
		lowerClassStart[l][1] = 1;
		variance[l][1] = within;
	}
	const thresholds: number[] = [];
	let end = n;
	for (let j = classes; j >= 2; j -= 1) {
		const start = lowerClassStart[end][j];
		thresholds.unshift(data[start - 1]);
		end = start - 1;
	}
	return cleanThresholds(thresholds, data[0]);
}

export type ClassificationMethod = 'quantile' | 'jenks';

export interface ChoroplethClass {
	color: string;
	/** Smallest value of the data in the class. */
	min: number;
	/** Largest value of the data in the class. */
	max: number;
}

export interface ChoroplethScale {
	/** Lower bounds of classes 2…k. */
	thresholds: number[];
	classes: ChoroplethClass[];
	noDataColor: string;
	/** The colour of a value's class; the no-data colour for anything that is not a number. */
	colorOf: (value: number | null | undefined) => string;
	/**
	 * The fill colour: each area's class colour, set in its feature-state by `states`, else the
	 * no-data colour. The same expression whatever the data: a new paint value makes MapLibre lay
	 * the whole source out again, while new feature-state only repaints.
	 */
	fillColor: ExpressionSpecification;
	/** Feature-state per area for the given values: its class colour under `stateKey`. */
	states: (values: ReadonlyMap<FeatureId, number | null>) => FeatureStates;
}

export interface ChoroplethOptions {
	/** Wanted number of classes (1–7); fewer when the data has fewer distinct values. */
	classes?: number;
	method?: ClassificationMethod;
	ramp?: RampName;
	noDataColor?: string;
	/** The feature-state key holding each area's class colour. */
	stateKey?: string;
}

/**
 * Classes, colours, the MapLibre paint expression and the legend's content for a choropleth
 * drawn from feature-state: filters change the values and this scale, never the geometry.
 */
export function choroplethScale(
	values: Iterable<number | null | undefined>,
	{
		classes = 5,
		method = 'quantile',
		ramp = 'cividis',
		noDataColor = NO_DATA_COLOR,
		stateKey = 'fill'
	}: ChoroplethOptions = {}
): ChoroplethScale {
	const sorted = finiteSorted(values);
	const thresholds =
		method === 'jenks' ? jenksThresholds(sorted, classes) : quantileThresholds(sorted, classes);
	const colors = sequentialColors(sorted.length === 0 ? 1 : thresholds.length + 1, ramp);
	const bounds = [-Infinity, ...thresholds, Infinity];
	const scaleClasses: ChoroplethClass[] = [];
	colors.forEach((color, index) => {
		const inClass = sorted.filter((v) => v >= bounds[index] && v < bounds[index + 1]);
		if (inClass.length > 0) scaleClasses.push({ color, min: inClass[0], max: inClass.at(-1)! });
	});
	const colorOf = (value: number | null | undefined) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) return noDataColor;
		const index = thresholds.findIndex((threshold) => value < threshold);
		return colors[index === -1 ? thresholds.length : index];
	};
	return {
		thresholds,
		classes: scaleClasses,
		noDataColor,
		colorOf,
		fillColor: ['to-color', ['coalesce', ['feature-state', stateKey], noDataColor]],
		states: (values) => {
			const states = new Map<FeatureId, FeatureStateRecord>();
			for (const [id, value] of values) {
				if (value !== null && Number.isFinite(value)) states.set(id, { [stateKey]: colorOf(value) });
			}
			return states;
		}
	};
}

export interface LegendItem {
	color: string;
	label: string;
}

/** Legend rows for a scale; the words (ranges, "no data") come from the caller's i18n. */
export function legendItems(
	scale: ChoroplethScale,
	labels: { range: (min: number, max: number) => string; noData: string }
): LegendItem[] {
	return [
		...scale.classes.map(({ color, min, max }) => ({ color, label: labels.range(min, max) })),
		{ color: scale.noDataColor, label: labels.noData }
	];
}
