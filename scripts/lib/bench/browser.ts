// The browser half of `npm run bench` (docs/BENCHMARKS.md, "En el navegador"): in Chromium, against
// the running production build,
// - filter changes on a dashboard page → map, charts, lists and KPIs all updated (client-side
//   navigation: the page's data arrives, renders, and the map settles with the new tiles and
//   choropleth), with the longest main-thread task during each change (PerformanceObserver
//   `longtask`);
// - the JavaScript of the first load of /region/13, gzipped, without MapLibre (loaded on demand);
// - the time to the map's first settled frame on /region/13;
// - the naive baseline: every project as one GeoJSON source in a bare MapLibre page, each change
//   filtering the features in JavaScript and calling setData, timed the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { HEADLESS_CHROMIUM_ARGS } from '../../../src/lib/server/chromium-args.ts';

export interface BrowserFigure {
	name: string;
	/** Milliseconds (or bytes for a size). */
	samples: number[];
	/** The longest main-thread task (ms) during each sample, where measured. */
	longestTasks?: number[];
	load: number;
}

/** Varied changes on a region page; every one leaves the previous view. */
export const REGION_CHANGES = [
	'?servicio=vialidad',
	'?servicio=obras_hidraulicas',
	'?etapa=execution',
	'?estado=in_progress',
	'?estado=halted',
	'?etapa=design&estado=planned',
	'?comuna=13101',
	'?comuna=13114',
	'?comuna=13201&servicio=vialidad',
	'?compromiso=overdue',
	'?anio=2024-2026',
	'?atrasado=1',
	'?q=puente',
	'?servicio=vialidad&etapa=execution',
	'',
	'?servicio=arquitectura',
	'?etapa=feasibility',
	'?estado=completed',
	'?comuna=13110',
	'?comuna=13401&etapa=execution',
	'?servicio=agua_potable_rural&estado=in_progress',
	'?anio=2026',
	'?q=camino',
	'?compromiso=pending',
	'?servicio=concesiones',
	'?etapa=operation',
	'?estado=planned&servicio=vialidad',
	'?comuna=13120',
	'?atrasado=1&servicio=vialidad',
	'?servicio=obras_portuarias',
	'?etapa=profile',
	''
];

/** The national page takes regions instead of comunas (each change differs from the one before). */
const REGION_FOR_COMMUNE: Record<string, string> = {
	'13101': '05',
	'13114': '08',
	'13201': '13',
	'13110': '10',
	'13401': '02',
	'13120': '09'
};
export const NATIONAL_CHANGES = REGION_CHANGES.map((query) =>
	query.replace(/comuna=(\d+)/, (_, commune: string) => `region=${REGION_FOR_COMMUNE[commune]}`)
);

/** A change that never settles is reported, not waited for. */
const SETTLE_TIMEOUT_MS = 60_000;

// Long tasks from the first byte on, kept in the page for the measurer to read.
const LONGTASK_OBSERVER = `
	window.__longTasks = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
	}).observe({ type: 'longtask', buffered: true });
`;

declare global {
	interface Window {
		__longTasks: [number, number][];
		__naive?: { apply(query: string): Promise<number>; ready: Promise<void> };
	}
}

/**
 * Waits in the page for the first frame where the change is all on screen: the URL is the new one
 * (SvelteKit commits it once the new data has rendered KPIs, list and chart tables), no chart has a
 * redraw pending (each redraws in a task of its own: `data-redraw-pending` on its canvas), and the
 * map has drawn everything it was last told (`data-map-settled`: its tiles, which may have started
 * loading before the data arrived, and the choropleth's new values).
 */
async function settled(page: Page, href: string): Promise<number> {
	return page.evaluate(
		({ href, timeout }) =>
			new Promise<number>((resolve, reject) => {
				const deadline = performance.now() + timeout;
				const check = () => {
					const map = document.querySelector<HTMLElement>('[data-testid="map"]');
					if (
						location.href === href &&
						map?.dataset.mapReady === 'true' &&
						map.dataset.mapSettled === 'true' &&
						!document.querySelector('[data-redraw-pending]')
					)
						resolve(performance.now());
					else if (performance.now() > deadline)
						reject(new Error(`${href} did not settle (at ${location.href})`));
					else requestAnimationFrame(check);
				};
				check();
			}),
		{ href, timeout: SETTLE_TIMEOUT_MS }
	);
}

/** Opens a dashboard page and waits for its map; false (after a second try) when it does not come. */
async function openDashboard(page: Page, pageUrl: string): Promise<boolean> {
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			await page.goto(pageUrl, { timeout: 120_000 });
			await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 120_000 });
			return true;
		} catch {
			// A loaded machine or a failing query: one more try, then the page's run ends.
		}
	}
	return false;
}

const longestBetween = (tasks: [number, number][], from: number, to: number) =>
	tasks.filter(([start]) => start >= from && start <= to).reduce((max, [, d]) => Math.max(max, d), 0);

/** Filter changes on a dashboard page through the app's own client-side navigation. */
export async function measureFilterChanges(
	browser: Browser,
	pageUrl: string,
	queries: string[]
): Promise<{ samples: number[]; longestTasks: number[]; failed: string[] }> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	await context.addInitScript(LONGTASK_OBSERVER);
	const page = await context.newPage();
	const samples: number[] = [];
	const longestTasks: number[] = [];
	const failed: string[] = [];
	try {
		if (!(await openDashboard(page, pageUrl))) {
			failed.push(`${pageUrl}: the page did not load with its map`);
			return { samples, longestTasks, failed };
		}
		for (const query of queries) {
			const href = new URL(query || '?', pageUrl).href.replace(/\?$/, '');
			if (href === page.url()) {
				failed.push(`${href}: the page is already there (the list repeats a change)`);
				continue;
			}
			// A link click, which SvelteKit's router takes exactly as it takes the filter bar's goto().
			const started = await page.evaluate((target) => {
				const link = document.createElement('a');
				link.href = target;
				document.body.append(link);
				const t0 = performance.now();
				link.click();
				link.remove();
				return t0;
			}, href);
			try {
				const ended = await settled(page, href);
				samples.push(ended - started);
				const tasks = await page.evaluate(() => window.__longTasks);
				longestTasks.push(longestBetween(tasks, started, ended));
			} catch (failure) {
				// Reported and left out of the percentiles (an error page has no map to settle);
				// the next change starts from a fresh load of the page.
				failed.push(`${href}: ${(failure as Error).message.split('\n')[0]}`);
				if (!(await openDashboard(page, pageUrl))) {
					failed.push(`${pageUrl}: did not come back; the page's other changes were skipped`);
					break;
				}
			}
		}
		return { samples, longestTasks, failed };
	} finally {
		await context.close();
	}
}

/** The static import graph a SvelteKit page needs before it hydrates, as paths under build/client. */
function initialModules(html: string): Set<string> {
	const roots = [...html.matchAll(/import\("([^"]+\.js)"\)/g)].map(
		(m) => new URL(m[1], 'http://x/region/').pathname
	);
	const nodeIds =
		/node_ids:\s*\[([\d,\s]+)\]/
			.exec(html)?.[1]
			.split(',')
			.map((id) => id.trim()) ?? [];
	const nodesDir = join(process.cwd(), 'build', 'client', '_app', 'immutable', 'nodes');
	for (const id of nodeIds)
		for (const file of readdirSync(nodesDir).filter(
			(name) => name.startsWith(`${id}.`) && name.endsWith('.js')
		))
			roots.push(`/_app/immutable/nodes/${file}`);
	const seen = new Set<string>();
	const visit = (path: string) => {
		if (seen.has(path)) return;
		seen.add(path);
		const code = readFileSync(join(process.cwd(), 'build', 'client', path), 'utf8');
		// Static imports and re-exports only: `import(` is on demand.
		for (const match of code.matchAll(
			/(?:^|[;}\s])(?:import|export)(?!\s*\()[^"'();]*?["']([^"']+\.js)["']/g
		))
			visit(new URL(match[1], `http://x${path}`).pathname);
	};
	roots.forEach(visit);
	return seen;
}

/** The first load of a page: its JavaScript (gzipped, without MapLibre) and its first settled map. */
export async function measureFirstLoad(
	browser: Browser,
	pageUrl: string
): Promise<{ jsGzipBytes: number; lazyJsGzipBytes: number; mapIdleMs: number; scripts: number }> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	const page = await context.newPage();
	try {
		await page.goto(pageUrl, { waitUntil: 'load', timeout: 120_000 });
		const mapIdleMs = await page.evaluate(
			(timeout) =>
				new Promise<number>((resolve, reject) => {
					const check = () => {
						if (document.querySelector('[data-testid="map"][data-map-ready="true"]'))
							resolve(performance.now());
						else if (performance.now() > timeout) reject(new Error('the map never settled'));
						else requestAnimationFrame(check);
					};
					check();
				}),
			120_000
		);
		// Initial: the modules the page cannot hydrate without — the entry points its HTML imports,
		// the route's nodes (`node_ids`) and everything they import statically, read from the
		// build. Loaded on demand: every other script fetched until the map was ready (Chart.js,
		// the browser's Supabase client…). Counting responses up to the load event instead made the
		// figure vary with what dynamic imports had fetched by then (92–110 kB on one build).
		const html = await (await context.request.get(pageUrl)).text();
		const initial = initialModules(html);
		const all = await page.evaluate(() =>
			(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
				.map((entry) => new URL(entry.name).pathname)
				.filter((path) => /\.m?js$/.test(path))
		);
		const gzipped = (paths: Iterable<string>) =>
			[...new Set(paths)].flatMap((path) => {
				const body = readFileSync(join(process.cwd(), 'build', 'client', path));
				// The build names chunks by hash only: MapLibre's is known by a string of its own.
				return /maplibre/i.test(path) || body.includes('maplibre-gl-font-face')
					? []
					: [gzipSync(body).byteLength];
			});
		const sizes = gzipped(initial);
		const lazy = gzipped(all.filter((path) => !initial.has(path)));
		return {
			jsGzipBytes: sizes.reduce((a, b) => a + b, 0),
			lazyJsGzipBytes: lazy.reduce((a, b) => a + b, 0),
			mapIdleMs,
			scripts: sizes.length
		};
	} finally {
		await context.close();
	}
}

const NAIVE_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/__bench/maplibre/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div>
<script type="module">
import * as maplibregl from '/__bench/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__bench/maplibre/maplibre-gl-worker.mjs');
const all = await (await fetch('/__bench/projects.geojson')).json();
const map = new maplibregl.Map({ container: 'map', center: [-70.65, -33.45], zoom: 8,
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eee' } }] } });
const settled = () => new Promise((resolve) => map.once('idle', resolve));
let ready;
window.__naive = { ready: new Promise((r) => (ready = r)), apply: async (query) => {
  const params = new URLSearchParams(query);
  const list = (name) => (params.get(name) ?? '').split(',').filter(Boolean);
  const services = list('servicio'), stages = list('etapa'), statuses = list('estado'), communes = list('comuna');
  const region = params.get('region'), q = (params.get('q') ?? '').normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  const [from, to] = (params.get('anio') ?? '').split('-').map(Number);
  const delayed = params.get('atrasado') === '1';
  const t0 = performance.now();
  const features = all.features.filter(({ properties: p }) =>
    (!services.length || services.includes(p.service)) && (!stages.length || stages.includes(p.stage)) &&
    (!statuses.length || statuses.includes(p.status)) && (!communes.length || p.communes.some((c) => communes.includes(c))) &&
    (!region || p.communes.some((c) => c.startsWith(region))) && (!q || p.key.includes(q)) &&
    (!from || (p.end ?? p.start ?? 0) >= from) && (!(to || from) || (p.start ?? p.end ?? 9999) <= (to || from)) &&
    (!delayed || p.delayed));
  // What the dashboard shows beside the map, computed from the same features.
  const kpis = { projects: features.length, investment: features.reduce((s, f) => s + (f.properties.investment ?? 0), 0) };
  const byStage = {}; for (const f of features) byStage[f.properties.stage] = (byStage[f.properties.stage] ?? 0) + 1;
  map.getSource('projects').setData({ type: 'FeatureCollection', features });
  await settled();
  window.__naiveLast = { kpis, byStage };
  return t0;
} };
map.on('load', async () => {
  map.addSource('projects', { type: 'geojson', data: all });
  map.addLayer({ id: 'fills', type: 'fill', source: 'projects', filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false], paint: { 'fill-color': '#0072b2', 'fill-opacity': 0.4 } });
  map.addLayer({ id: 'lines', type: 'line', source: 'projects', filter: ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false], paint: { 'line-color': '#d55e00' } });
  map.addLayer({ id: 'points', type: 'circle', source: 'projects', filter: ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false], paint: { 'circle-radius': 3, 'circle-color': '#009e73' } });
  await settled();
  ready();
});
</script></body></html>`;

/**
 * The naive way, on the same origin as the app (its page and data are served by the test's
 * routes): `projectsGeoJson` holds every project with the properties the filters read.
 */
export async function measureNaive(
	browser: Browser,
	appUrl: string,
	projectsGeoJson: string,
	queries: string[]
): Promise<{ samples: number[]; longestTasks: number[]; loadMs: number; failed: string[] }> {
	const dist = join(process.cwd(), 'node_modules', 'maplibre-gl', 'dist');
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	await context.addInitScript(LONGTASK_OBSERVER);
	await context.route(`${appUrl}/__bench/**`, async (route) => {
		const path = new URL(route.request().url()).pathname.replace('/__bench/', '');
		if (path === 'naive') return route.fulfill({ contentType: 'text/html', body: NAIVE_PAGE });
		if (path === 'projects.geojson')
			return route.fulfill({ contentType: 'application/json', body: projectsGeoJson });
		const file = path.replace(/^maplibre\//, '');
		if (!/^[\w.-]+$/.test(file)) return route.abort();
		const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
		return route.fulfill({ contentType: type, body: readFileSync(join(dist, file)) });
	});
	const page = await context.newPage();
	try {
		const started = Date.now();
		await page.goto(`${appUrl}/__bench/naive`);
		await page.waitForFunction(() => window.__naive !== undefined, undefined, { timeout: 300_000 });
		await page.waitForFunction(() => window.__naive!.ready.then(() => true), undefined, {
			timeout: 300_000
		});
		const loadMs = Date.now() - started;
		const samples: number[] = [];
		const longestTasks: number[] = [];
		const failed: string[] = [];
		for (const query of queries) {
			try {
				const { t0, t1 } = await page.evaluate(
					({ q, timeout }) =>
						Promise.race([
							window.__naive!.apply(q).then((t0) => ({ t0, t1: performance.now() })),
							new Promise<never>((_, reject) =>
								setTimeout(() => reject(new Error('did not settle')), timeout)
							)
						]),
					{ q: query, timeout: SETTLE_TIMEOUT_MS }
				);
				samples.push(t1 - t0);
				const tasks = await page.evaluate(() => window.__longTasks);
				longestTasks.push(longestBetween(tasks, t0, t1));
			} catch (failure) {
				failed.push(
					`ingenuo ${query || '(sin filtro)'}: ${(failure as Error).message.split('\n')[0]}`
				);
			}
		}
		return { samples, longestTasks, loadMs, failed };
	} finally {
		await context.close();
	}
}

export async function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: '/usr/bin/chromium', args: HEADLESS_CHROMIUM_ARGS });
}

export const loadNow = () => Math.round(loadavg()[0] * 10) / 10;
