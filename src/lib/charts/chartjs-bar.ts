import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only what bar charts draw: Chart.js tree-shakes whatever is not registered, so this chunk
// (loaded on demand by Chart.svelte, never part of a page's initial JS) stays a fraction of chart.js/auto.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };
