import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { DashboardSummary } from '../../src/lib/dashboard/summary';
import { oc4idsPackageValidator } from '../support/oc4ids.ts';
import { testClient } from '../support/supabase.ts';

// Issue 11 §2–3 as a reader meets them: the data-quality page's counts are the database's and
// lead to the flagged projects and on to one of them; the dashboard filtered by a flag counts
// the flagged projects; the OC4IDS download is valid and equal to what the CLI writes; the
// developers' page lists the API.

const es = (n: number) => new Intl.NumberFormat('es-CL', { useGrouping: 'always' }).format(n);

test('the data-quality page counts per region, and a count leads to the flagged projects and one of them', async ({
	page
}) => {
	const { data, error } = await testClient().rpc('quality_summary');
	expect(error).toBeNull();
	const santiago = data!.find((row) => row.region_code === '13' && row.flag === 'missing_bip');
	expect(santiago?.items).toBeGreaterThan(0);
	const country = data!.find((row) => row.region_code === null && row.flag === 'missing_bip')!;

	await page.goto('/calidad');
	const table = page.getByTestId('quality-table');
	await expect(table.locator('tr[data-region="pais"] td[data-flag="missing_bip"]')).toHaveText(
		es(country.items)
	);
	const cell = table.locator('tr[data-region="13"] td[data-flag="missing_bip"] a');
	await expect(cell).toHaveText(es(santiago!.items));
	await page.screenshot({ path: 'test-results/screens/calidad.png', fullPage: true });

	await cell.click();
	await expect(page).toHaveURL(/\/proyectos\?region=13&calidad=missing_bip$/);
	await expect(page.getByTestId('filter-chips')).toContainText('Sin código BIP');
	await expect(page.getByTestId('projects-count')).toHaveText(
		`${es(santiago!.items)} ${santiago!.items === 1 ? 'proyecto' : 'proyectos'}`
	);

	await page.locator('main table a[href^="/proyectos/"]').first().click();
	await expect(page).toHaveURL(/\/proyectos\/\d+$/);
	const flags = page.getByTestId('project-quality');
	await expect(flags.locator('[data-flag="missing_bip"]')).toContainText('Sin código BIP');
	await expect(page.getByTestId('project-facts').locator('dd').first()).toHaveText('—');
});

test('the dashboard filtered by a flag chosen in the filter bar counts exactly the flagged projects', async ({
	page
}) => {
	const { data, error } = await testClient().rpc('dashboard_summary', {
		p_filter: { quality: ['investment_outlier'] } as never
	});
	expect(error).toBeNull();
	const expected = (data as unknown as DashboardSummary).kpis.projects;
	expect(expected).toBeGreaterThan(0);
	const all = await testClient()
		.from('project_quality_flags')
		.select('project_id', { count: 'exact', head: true })
		.eq('flag', 'investment_outlier');
	expect(all.count).toBe(expected);

	await page.goto('/');
	await page.getByLabel('Calidad de datos').selectOption('investment_outlier');
	await expect(page).toHaveURL(/\/\?calidad=investment_outlier$/);
	await expect(page.getByTestId('filter-chips')).toContainText('Inversión atípica');
	await expect(page.locator('[data-kpi="projects"] .value span').first()).toHaveText(es(expected));
});

test('the OC4IDS download validates and is byte for byte what `npm run export` writes', async ({
	request,
	baseURL
}) => {
	const url = `${baseURL}/api/export/proyectos.oc4ids.json?region=05`;
	const response = await request.get(url);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
	const http = await response.body();
	const validate = oc4idsPackageValidator();
	expect(validate(JSON.parse(http.toString('utf8'))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(
		true
	);

	const cli = await promisify(execFile)(
		process.execPath,
		['scripts/export.ts', '--format', 'oc4ids', '--region', '05', '--uri', url],
		{ env: process.env, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }
	);
	expect(cli.stdout.equals(http)).toBe(true);

	const csv = await request.get(`${baseURL}/api/export/proyectos.csv?region=05`);
	const csvCli = await promisify(execFile)(
		process.execPath,
		['scripts/export.ts', '--format', 'csv', '--region', '05'],
		{ env: process.env, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }
	);
	expect(csvCli.stdout.equals(await csv.body())).toBe(true);
});

test("the developers' page lists the public API and writes the examples for the reader's comuna", async ({
	page
}) => {
	await page.goto('/desarrolladores');
	await page.getByLabel('Código de su comuna (CUT, 5 dígitos)').fill('13101');
	await page.getByRole('button', { name: 'Ver los ejemplos' }).click();
	await expect(page).toHaveURL(/\/desarrolladores\?comuna=13101$/);
	await expect(page.getByTestId('example-curl-rpc')).toContainText('{"p_filter":{"communes":["13101"]}}');
	await expect(page.getByTestId('example-js')).toContainText('createClient(');
	await expect(page.locator('[data-testid="api-table"][data-name="projects"]')).toBeVisible();
	await expect(page.locator('[data-testid="api-table"][data-name="memberships"]')).toHaveCount(0);
});
