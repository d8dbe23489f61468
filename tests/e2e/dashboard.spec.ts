import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { DashboardSummary } from '../../src/lib/dashboard/summary';
import type { RpcFilter } from '../../src/lib/filters/filter';
import { GEO_FILES } from '../../src/lib/territory/geo-files';
import { testClient } from '../support/supabase.ts';
import { pixelOf, waitForMap } from './map-pixels';

// The regional dashboard as a planner uses it: a comuna picked on the map and in the searchable
// list, the same count on the KPI card, the chart table, the list and in the database, a chart that
// filters, an export that holds exactly the filtered projects, and links that reopen the view.

const summaryFor = async (filter: RpcFilter): Promise<DashboardSummary> => {
	const { data, error } = await testClient().rpc('dashboard_summary', { p_filter: filter as never });
	expect(error).toBeNull();
	return data as unknown as DashboardSummary;
};

const kpiValue = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] .value span`).first();
const es = (n: number) => new Intl.NumberFormat('es-CL', { useGrouping: 'always' }).format(n);

/** A chart's table: shown with its "Ver como tabla" toggle, so its row buttons can be clicked. */
async function chartTable(page: Page, caption: string) {
	const chart = page.locator('figure.chart').filter({ has: page.locator('caption', { hasText: caption }) });
	const toggle = chart.getByRole('button', { name: /Ver como tabla|Ocultar tabla/ });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	return chart.locator('table');
}

test('a comuna picked on the map filters the whole dashboard, and every count agrees with the database', async ({
	page
}) => {
	await page.goto('/region/05');
	const map = await waitForMap(page);
	const expected = await summaryFor({ region: '05', communes: ['05109'] });
	expect(expected.kpis.projects).toBeGreaterThan(0);

	const vina = await pixelOf(page, map, GEO_FILES.region('05'), '05109');
	await page.mouse.click(vina.x, vina.y);
	await expect(page).toHaveURL(/\/region\/05\?comuna=05109$/);
	await expect(page.getByTestId('filter-chips')).toContainText('Viña del Mar');

	// KPI card, the list's link and the stage chart's table all say the same number.
	await expect(kpiValue(page, 'projects')).toHaveText(es(expected.kpis.projects));
	await expect(page.getByRole('link', { name: /Ver (los|el) .*proyecto/ })).toContainText(
		expected.kpis.projects === 1 ? 'proyecto' : es(expected.kpis.projects)
	);
	const stageTable = await chartTable(page, 'Proyectos por etapa');
	const stageCounts = await stageTable.locator('tbody tr td:first-of-type').allTextContents();
	expect(stageCounts.reduce((sum, text) => sum + Number(text.replace(/\./g, '')), 0)).toBe(
		expected.kpis.projects
	);
	await page.screenshot({ path: 'test-results/screens/dashboard-comuna.png', fullPage: true });
});

test('the searchable comuna list picks a comuna with the keyboard, accents or not', async ({ page }) => {
	await page.goto('/region/05');
	const picker = page.getByRole('combobox', { name: 'Buscar comuna' });
	await picker.fill('vina');
	await expect(page.getByRole('option', { name: /Viña del Mar/ })).toBeVisible();
	await picker.press('ArrowDown');
	await picker.press('Enter');
	await expect(page).toHaveURL(/\/region\/05\?comuna=05109$/);
	await expect(page.getByTestId('filter-chips')).toContainText('Viña del Mar');
});

test('a chart applies its filter, and the shared link reopens the same view', async ({ page, context }) => {
	await page.goto('/region/05');
	const stageTable = await chartTable(page, 'Proyectos por etapa');
	await stageTable.getByRole('button', { name: 'Ejecución' }).click();
	await expect(page).toHaveURL(/\/region\/05\?etapa=execution$/);
	const expected = await summaryFor({ region: '05', stages: ['execution'] });
	await expect(kpiValue(page, 'projects')).toHaveText(es(expected.kpis.projects));

	const shared = await context.newPage();
	await shared.goto(page.url());
	await expect(shared.getByTestId('filter-chips')).toContainText('Ejecución');
	await expect(shared.getByLabel('Etapa', { exact: true })).toHaveValue('execution');
	await expect(kpiValue(shared, 'projects')).toHaveText(es(expected.kpis.projects));

	await page.goBack();
	await expect(page).toHaveURL(/\/region\/05$/);
	await expect(page.getByTestId('filter-chips')).toHaveCount(0);
});

test('the CSV export holds exactly the filtered projects', async ({ page }) => {
	const communes = await testClient().from('communes').select('name').eq('region_code', '05');
	expect(communes.error).toBeNull();
	const names = (communes.data ?? []).map((c) => c.name);
	await page.goto('/proyectos?region=05&etapa=execution');
	const count = Number((await page.getByTestId('projects-count').textContent())!.replace(/\D/g, ''));
	expect(count).toBeGreaterThan(0);
	const download = page.waitForEvent('download');
	await page.getByTestId('export-csv').click();
	const file = await (await download).path();
	const text = await readFile(file, 'utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff); // Excel reads UTF-8 with a BOM
	const lines = text.slice(1).trim().split(/\r?\n/);
	expect(lines[0]).toContain('Nombre');
	expect(lines).toHaveLength(count + 1);
	for (const line of lines.slice(1)) {
		expect(line).toContain('Ejecución');
		expect(
			names.some((name) => line.includes(name)),
			line
		).toBe(true);
	}
});

test('a hostile dashboard link shows a notice, not an error', async ({ page }) => {
	const response = await page.goto('/region/05?comuna=%3Cscript%3E&anio=abc');
	expect(response?.status()).toBe(200);
	const notices = page.getByTestId('filter-notices');
	await expect(notices).toContainText('«<script>» no es un valor válido para «comuna»');
	await expect(notices).toContainText('«abc» no es un valor válido para «anio»');
	await expect(kpiValue(page, 'projects')).toBeVisible();
});
