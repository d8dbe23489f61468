import { expect, test } from '@playwright/test';
import { testClient } from '../support/supabase.ts';

// Commitments and agreements as the public reads them (active transparency): filters kept in the URL,
// hostile links answered with a notice, and counts that agree with the database.

const anon = () => testClient();

test('a hostile link shows what was dropped, not an error', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	const response = await page.goto('/compromisos?comuna=%3Cscript%3Ealert(1)%3C/script%3E&anio=abc');
	expect(response?.status()).toBe(200);
	const notices = page.getByTestId('filter-notices');
	await expect(notices).toContainText('«<script>alert(1)</script>» no es un valor válido para «comuna»');
	await expect(notices).toContainText('«abc» no es un valor válido para «anio»');
	await expect(page.getByTestId('commitments-table')).toBeVisible();
	expect(dialogs).toEqual([]);
});

test('overdue commitments of a region: the count is the database’s and every row is flagged', async ({
	page
}) => {
	const expected = await anon()
		.from('commitments_with_status')
		.select('id', { count: 'exact', head: true })
		.eq('region_code', '05')
		.eq('overdue', true);
	expect(expected.error).toBeNull();
	expect(expected.count).toBeGreaterThan(0);

	await page.goto('/compromisos?region=05&compromiso=overdue');
	await expect(page.getByTestId('commitments-count')).toHaveText(
		`${expected.count} ${expected.count === 1 ? 'compromiso' : 'compromisos'}`
	);
	const rows = page.getByTestId('commitments-table').locator('tbody tr');
	await expect(rows).toHaveCount(Math.min(expected.count!, 50));
	for (const row of await rows.all()) await expect(row.locator('.badge-overdue')).toHaveText(/Vencido/);
});

test('a filter chosen on the page lives in the URL: reload and back restore it', async ({ page }) => {
	await page.goto('/compromisos');
	const all = await page.getByTestId('commitments-count').textContent();
	await page.getByLabel('Región', { exact: true }).selectOption('13');
	await expect(page).toHaveURL(/\?region=13$/);
	const filtered = await page.getByTestId('commitments-count').textContent();
	expect(filtered).not.toBe(all);
	await expect(page.getByTestId('filter-chips')).toContainText('Metropolitana');

	await page.reload();
	await expect(page.getByLabel('Región', { exact: true })).toHaveValue('13');
	await expect(page.getByTestId('commitments-count')).toHaveText(filtered!);

	await page.goBack();
	await expect(page).toHaveURL(/\/compromisos$/);
	await expect(page.getByTestId('commitments-count')).toHaveText(all!);
});

test('an agreement shows its parties and every commitment', async ({ page }) => {
	const client = anon();
	const agreement = await client
		.from('agreements')
		.select('id,title,agreement_parties(count),commitments(count)')
		.not('region_code', 'is', null)
		.order('id')
		.limit(1)
		.single();
	expect(agreement.error).toBeNull();
	const { id, title, agreement_parties, commitments } = agreement.data!;

	// The list is paged: the reader finds the agreement by its title.
	await page.goto('/convenios');
	await page.getByLabel('Buscar').fill(title.split(',')[0].slice(0, 60));
	await page.getByLabel('Buscar').press('Enter');
	await expect(page).toHaveURL(/\/convenios\?q=/);
	await page.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(`/convenios/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByTestId('agreement-parties').locator('li')).toHaveCount(agreement_parties[0].count);
	await expect(page.getByTestId('agreement-commitments').locator('tbody tr')).toHaveCount(
		commitments[0].count
	);
});

test('an unknown agreement is a Spanish 404', async ({ page }) => {
	const response = await page.goto('/convenios/999999999');
	expect(response?.status()).toBe(404);
	await expect(page.getByTestId('error-detail')).toHaveText(
		'No existe un acuerdo con el identificador «999999999».'
	);
});
