import { describe, expect, it } from 'vitest';
import { Chart } from './chartjs-bar';

describe('the Chart.js bundle of bar charts', () => {
	it('registers what a bar chart draws', () => {
		expect(Chart.registry.getController('bar').id).toBe('bar');
		expect(Chart.registry.getElement('bar').id).toBe('bar');
		expect(Chart.registry.getScale('category').id).toBe('category');
		expect(Chart.registry.getScale('linear').id).toBe('linear');
		expect(Chart.registry.getPlugin('tooltip').id).toBe('tooltip');
		expect(Chart.registry.getPlugin('legend').id).toBe('legend');
	});
	it('registers nothing else, so the rest of Chart.js stays out of the chunk', () => {
		expect(() => Chart.registry.getController('line')).toThrow(/not a registered/);
		expect(() => Chart.registry.getController('doughnut')).toThrow(/not a registered/);
		expect(() => Chart.registry.getScale('time')).toThrow(/not a registered/);
	});
});
