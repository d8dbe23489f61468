import { expression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { areaFillColor, forCode, highlightLineWidth, levelFilter } from './expressions';

const feature = (level: string, code = '05101') => ({
	type: 1 as const,
	properties: { level, code },
	geometry: []
});

function evaluate(spec: unknown, state: Record<string, unknown>, code = '05101') {
	const compiled = expression.createExpression(spec, 'layers[0].paint');
	if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
	return compiled.value.evaluate({ zoom: 6 }, feature('comuna', code), state);
}

describe('territory expressions', () => {
	it('levelFilter selects one level of the region file', () => {
		const filter = featureFilter(levelFilter('comuna'), 'layers[0].filter');
		expect(filter.filter({ zoom: 6 }, feature('comuna'))).toBe(true);
		expect(filter.filter({ zoom: 6 }, feature('provincia'))).toBe(false);
	});

	const colors = { base: '#111111', hover: '#222222', dimmed: '#333333', selected: '#444444' };

	it('areaFillColor: the selected area stands out, the rest fade, hover shows', () => {
		const fill = areaFillColor(true, colors);
		expect(evaluate(fill, { selected: true })).toBe('#444444');
		expect(evaluate(fill, {})).toBe('#333333');
		expect(evaluate(fill, { hover: true })).toBe('#222222');
	});

	it('areaFillColor: without a selection only hover changes the colour', () => {
		const fill = areaFillColor(false, colors);
		expect(evaluate(fill, {})).toBe('#111111');
		expect(evaluate(fill, { hover: true })).toBe('#222222');
	});

	it('highlightLineWidth: selected over hovered, nothing otherwise', () => {
		const width = highlightLineWidth({ selected: 3, hover: 1.5 });
		expect(evaluate(width, { selected: true, hover: true })).toBe(3);
		expect(evaluate(width, { hover: true })).toBe(1.5);
		expect(evaluate(width, {})).toBe(0);
	});

	it('forCode singles out one code, or is the plain value without one', () => {
		const size = forCode('05109', 14, 11) as ExpressionSpecification;
		expect(evaluate(size, {}, '05109')).toBe(14);
		expect(evaluate(size, {}, '05101')).toBe(11);
		expect(forCode(null, 14, 11)).toBe(11);
	});
});
