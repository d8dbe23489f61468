import { expression } from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
	choroplethScale,
	jenksThresholds,
	legendItems,
	NO_DATA_COLOR,
	quantileThresholds,
	sequentialColors
} from './choropleth';

const luminance = (hex: string) => {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('sequentialColors', () => {
	it('runs from light to dark, ends of the ramp included', () => {
		const colors = sequentialColors(5);
		expect(colors[0]).toBe('#fdea45');
		expect(colors.at(-1)).toBe('#002051');
		for (let i = 1; i < colors.length; i += 1) {
			expect(luminance(colors[i])).toBeLessThan(luminance(colors[i - 1]));
		}
	});

	it('gives 7 distinct viridis classes and refuses 8', () => {
		expect(new Set(sequentialColors(7, 'viridis')).size).toBe(7);
		expect(() => sequentialColors(8)).toThrowError(RangeError);
	});
});

describe('quantileThresholds', () => {
	it('splits 1…10 into five classes of two', () => {
		expect(quantileThresholds([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5)).toEqual([3, 5, 7, 9]);
	});

	it('merges classes that ties would leave empty, and ignores missing values', () => {
		expect(quantileThresholds([0, 0, 0, 0, 0, 0, 1, 2, null, Number.NaN], 4)).toEqual([1]);
		expect(quantileThresholds([4, 4, 4], 5)).toEqual([]);
		expect(quantileThresholds([], 5)).toEqual([]);
	});
});

describe('jenksThresholds', () => {
	it('puts class edges at the gaps of clustered data', () => {
		expect(jenksThresholds([1, 2, 3, 20, 21, 22, 50, 51, 52], 3)).toEqual([20, 50]);
	});

	it('finds a lone outlier class', () => {
		expect(jenksThresholds([1, 1, 2, 2, 3, 3, 100], 2)).toEqual([100]);
	});

	it('gives each distinct value its own class when there are no more than classes', () => {
		expect(jenksThresholds([5, 1, 5, 3], 5)).toEqual([3, 5]);
	});
});

describe('choroplethScale', () => {
	// What MapLibre paints for a feature-state: the scale's expression evaluated as fill-color.
	const painted = (fill: ExpressionSpecification, state: Record<string, unknown>) => {
		const compiled = expression.createExpression(fill, 'layers[0].paint.fill-color');
		if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
		const feature = { type: 1 as const, properties: {}, geometry: [] };
		return String(compiled.value.evaluate({ zoom: 6 }, feature, state));
	};
	const colorOf = (scale: ReturnType<typeof choroplethScale>, value: number | string | null) =>
		painted(
			scale.fillColor,
			Object.fromEntries(scale.states(new Map([['a', value as number | null]]))).a ?? {}
		);
	const color = (hex: string) => painted(['to-color', hex], {});

	it('colours each value by its class and everything without a number as no data', () => {
		const scale = choroplethScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { classes: 5 });
		const colors = sequentialColors(5);
		expect(scale.thresholds).toEqual([3, 5, 7, 9]);
		expect(colorOf(scale, 1)).toBe(color(colors[0]));
		expect(colorOf(scale, 3)).toBe(color(colors[1]));
		expect(colorOf(scale, 10)).toBe(color(colors[4]));
		expect(colorOf(scale, null)).toBe(color(NO_DATA_COLOR));
		expect(colorOf(scale, 'x')).toBe(color(NO_DATA_COLOR));
		expect(colorOf(scale, Number.NaN)).toBe(color(NO_DATA_COLOR));
		expect(scale.colorOf(Number.NaN)).toBe(NO_DATA_COLOR);
	});

	it('paints with one expression whatever the data, so new values are feature-state only', () => {
		expect(choroplethScale([1, 2, 3]).fillColor).toEqual(choroplethScale([10, 500, 9000]).fillColor);
	});

	it('reads the configured state key', () => {
		const scale = choroplethScale([1, 2], { classes: 2, stateKey: 'count' });
		expect(scale.states(new Map([['a', 2]]))).toEqual(
			new Map([['a', { count: sequentialColors(2)[1] }]])
		);
		expect(painted(scale.fillColor, { count: sequentialColors(2)[1] })).toBe(
			color(sequentialColors(2)[1])
		);
		expect(painted(scale.fillColor, { fill: sequentialColors(2)[1] })).toBe(color(NO_DATA_COLOR));
	});

	it('with one distinct value draws one class, and with none only no data', () => {
		const single = choroplethScale([4, 4, 4]);
		expect(single.classes).toEqual([{ color: sequentialColors(1)[0], min: 4, max: 4 }]);
		expect(colorOf(single, 4)).toBe(color(sequentialColors(1)[0]));
		expect(choroplethScale([]).classes).toEqual([]);
	});

	it('describes the classes by the data they hold, for the legend', () => {
		const scale = choroplethScale([1, 2, 3, 20, 21, 22, 50, 51, 52], { classes: 3, method: 'jenks' });
		expect(scale.classes.map(({ min, max }) => [min, max])).toEqual([
			[1, 3],
			[20, 22],
			[50, 52]
		]);
		expect(
			legendItems(scale, { range: (min, max) => `${min}–${max}`, noData: 'n/d' }).map((i) => i.label)
		).toEqual(['1–3', '20–22', '50–52', 'n/d']);
	});
});
