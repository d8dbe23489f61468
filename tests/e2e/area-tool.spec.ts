import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { readStackEnv } from '../../scripts/lib/stack/connection.ts';
import type { DashboardSummary } from '../../src/lib/dashboard/summary';
import { GEO_FILES } from '../../src/lib/territory/geo-files';
import { testClient } from '../support/supabase.ts';
import { pixelOf, waitForMap } from './map-pixels';

// The drawn-area tool as a planner uses it: a circle placed by a click on the map filters the whole
// dashboard to the projects within its radius — the KPI card and the list say the number a direct
// query on the database gives; the typed centre does the same without a mouse; clearing restores
// the region's view.

const kpiValue = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] .value span`).first();
const es = (n: number) => new Intl.NumberFormat('es-CL', { useGrouping: 'always' }).format(n);

/** Projects of region 13 within the circle, counted straight from PostGIS (geodesic distance). */
async function countInCircle(lon: number, lat: number, km: number): Promise<number> {
	const url = readStackEnv()?.SUPABASE_DB_URL;
	if (!url) throw new Error('The local stack has no database URL');
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	try {
		const { rows } = await db.query<{ n: string }>(
			`select count(distinct p.id) as n
			 from public.projects p join public.project_communes pc on pc.project_id = p.id
			 where pc.region_code = '13'
			   and extensions.st_dwithin(p.geom::extensions.geography,
			     extensions.st_setsrid(extensions.st_makepoint($1, $2), 4326)::extensions.geography, $3 * 1000)`,
			[lon, lat, km]
		);
		return Number(rows[0].n);
	} finally {
		await db.end();
	}
}

/** The circle the URL holds (`area=c:lon,lat,km`). */
function circleOf(page: Page): [number, number, number] {
	const area = new URL(page.url()).searchParams.get('area');
	const match = /^c:(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(area ?? '');
	if (!match) throw new Error(`No circle in ${page.url()}`);
	return [Number(match[1]), Number(match[2]), Number(match[3])];
}

test('a circle clicked on the map filters the dashboard to the projects within it', async ({ page }) => {
	await page.goto('/region/13');
	const map = await waitForMap(page);
	const tool = page.getByTestId('area-tool');
	await tool.getByLabel('Radio (km)').fill('4');
	await tool.getByRole('button', { name: 'Círculo: clic en el mapa' }).click();
	await expect(tool.getByRole('button', { name: 'Círculo: clic en el mapa' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	const santiago = await pixelOf(page, map, GEO_FILES.region('13'), '13101');
	await page.mouse.click(santiago.x, santiago.y);
	await expect(page).toHaveURL(/[?&]area=c%3A|[?&]area=c:/);
	// The click drew a circle, it did not pick the comuna under it.
	expect(new URL(page.url()).searchParams.get('comuna')).toBeNull();

	const [lon, lat, km] = circleOf(page);
	expect(km).toBe(4);
	const expected = await countInCircle(lon, lat, km);
	expect(expected).toBeGreaterThan(0);
	await expect(kpiValue(page, 'projects')).toHaveText(es(expected));
	await expect(page.getByRole('link', { name: /Ver (los|el) .*proyecto/ })).toContainText(
		expected === 1 ? 'proyecto' : es(expected)
	);
	await expect(tool).toContainText('Filtrando por un círculo de 4 km');
	await page.screenshot({ path: 'test-results/screens/dashboard-area-circle.png', fullPage: true });

	await tool.getByRole('button', { name: 'Quitar área' }).click();
	await expect(page).toHaveURL(/\/region\/13$/);
	const { data, error } = await testClient().rpc('dashboard_summary', { p_filter: { region: '13' } });
	expect(error).toBeNull();
	await expect(kpiValue(page, 'projects')).toHaveText(
		es((data as unknown as DashboardSummary).kpis.projects)
	);
});

test('the circle can be typed instead of clicked, and a bad centre is refused in words', async ({ page }) => {
	await page.goto('/region/13');
	const tool = page.getByTestId('area-tool');
	await tool.getByText('Escribir el centro del círculo').click();
	await tool.getByLabel('Radio (km)').fill('3');
	await tool.getByLabel('Latitud').fill('-95');
	await tool.getByLabel('Longitud').fill('-70.6');
	await tool.getByRole('button', { name: 'Aplicar círculo' }).click();
	await expect(tool.getByRole('alert')).toContainText('latitud entre -90 y 90');

	await tool.getByLabel('Latitud').fill('-33.45');
	await tool.getByRole('button', { name: 'Aplicar círculo' }).click();
	await expect(page).toHaveURL(/area=c(%3A|:)-70\.6(%2C|,)-33\.45(%2C|,)3$/);
	const expected = await countInCircle(-70.6, -33.45, 3);
	await expect(kpiValue(page, 'projects')).toHaveText(es(expected));
});

test('a polygon of clicked vertices filters the dashboard', async ({ page }) => {
	await page.goto('/region/13');
	const map = await waitForMap(page);
	const tool = page.getByTestId('area-tool');
	await tool.getByRole('button', { name: 'Polígono: clics en el mapa' }).click();
	const centre = await pixelOf(page, map, GEO_FILES.region('13'), '13101');
	for (const [dx, dy] of [
		[-40, -40],
		[40, -40],
		[40, 40],
		[-40, 40]
	])
		await page.mouse.click(centre.x + dx, centre.y + dy);
	await expect(tool).toContainText('4 hasta ahora');
	await tool.getByRole('button', { name: 'Cerrar polígono' }).click();
	await expect(page).toHaveURL(/area=p(%3A|:)/);
	await expect(tool).toContainText('Filtrando por el polígono dibujado');
	expect(new URL(page.url()).searchParams.get('comuna')).toBeNull();
});
