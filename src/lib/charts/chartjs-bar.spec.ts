import { BarController, BarElement, CategoryScale, Legend, LinearScale, Tooltip } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { Chart } from './chartjs-bar';

describe('the Chart.js bundle of bar charts', () => {
	it('registers what a bar chart draws', () => {
		expect(Chart.registry.getController('bar')).toBe(BarController);
		expect(Chart.registry.getElement('bar')).toBe(BarElement);
		expect(Chart.registry.getScale('category')).toBe(CategoryScale);
		expect(Chart.registry.getScale('linear')).toBe(LinearScale);
		expect(Chart.registry.getPlugin('tooltip')).toBe(Tooltip);
		expect(Chart.registry.getPlugin('legend')).toBe(Legend);
	});
	it('registers nothing else, so the rest of Chart.js stays out of the chunk', () => {
		expect(() => Chart.registry.getController('line')).toThrow(/not a registered/);
		expect(() => Chart.registry.getController('doughnut')).toThrow(/not a registered/);
		expect(() => Chart.registry.getScale('time')).toThrow(/not a registered/);
	});
});
