import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { pdfPages } from '../support/pdf.ts';
import { createMember, testClient } from '../support/supabase.ts';

// Issue 10 §1 and §4 as the secretariat of Biobío (08) lives them: a mesa de trabajo with three
// parties, two commitments with costs, progress recorded with a note, all of it on the cronograma;
// a commitment's estimate revised; the costs CSV adds up to the page; a comuna brief prints with its heading and figures.

const service = () => testClient({ key: 'service' });
const run = randomBytes(4).toString('hex');
const email = `secretaria-08-${run}@example.cl`;
const password = randomBytes(12).toString('base64url');
const title = `Mesa de trabajo hídrica costera ${run}`;
const commitments = [
	{ title: `Catastro de pozos de Lota ${run}`, cost: '12.500.000', due: '2027-03-31' },
	{ title: `Plan de abastecimiento rural ${run}`, cost: '$ 7.250.000', due: '2027-09-30' }
];
let userId: string | undefined;
let agreementId: number | undefined;
const parties: { id: number; name: string }[] = [];

async function institution(filter: { kind?: string; region?: string | null; level?: string }) {
	let query = service().from('institutions').select('id,name').order('name').limit(1);
	if (filter.kind) query = query.eq('kind', filter.kind as never);
	if (filter.level) query = query.eq('level', filter.level as never);
	query = filter.region === null ? query.is('region_code', null) : query.eq('region_code', filter.region!);
	const { data, error } = await query;
	expect(error).toBeNull();
	expect(data).toHaveLength(1);
	return data![0];
}

test.beforeAll(async () => {
	userId = await createMember(service(), { email, password, role: 'secretariat', region: '08' });
	parties.push(
		await institution({ kind: 'regional_government', region: '08' }),
		await institution({ kind: 'municipality', region: '08' }),
		await institution({ level: 'national', region: null })
	);
});

test.afterAll(async () => {
	if (agreementId) await service().from('agreements').delete().eq('id', agreementId);
	if (userId) await service().auth.admin.deleteUser(userId);
});

async function signIn(page: Page) {
	await page.goto('/login?redirectTo=/convenios/nuevo');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page).toHaveURL(/\/convenios\/nuevo$/);
}

test('a secretariat of Biobío creates a mesa de trabajo, schedules it, costs it and reports progress', async ({
	page
}) => {
	await signIn(page);
	await page.getByLabel('Tipo de acuerdo').selectOption('working_group');
	await page.getByLabel('Título').fill(title);
	await page.getByLabel('Problema territorial').fill('Escasez hídrica en las caletas del golfo de Arauco');
	await page.getByLabel('Fecha de firma o constitución').fill('2026-06-01');
	const roles = ['coordinator', 'signatory', 'funder'];
	for (const [index, party] of parties.entries()) {
		await page.getByLabel(`Parte ${index + 1}`, { exact: true }).selectOption(String(party.id));
		await page.getByLabel(`Rol de la parte ${index + 1}`).selectOption(roles[index]);
	}
	const picker = page.locator('#agreement-communes-picker');
	await picker.fill('Lota');
	await picker.press('Enter');
	await expect(page.locator('input[name="communes"][value="08106"]')).toBeChecked();
	await page.getByRole('button', { name: 'Crear acuerdo' }).click();

	await expect(page).toHaveURL(/\/convenios\/\d+$/);
	agreementId = Number(new URL(page.url()).pathname.split('/').pop());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByTestId('agreement-parties').locator('li')).toHaveCount(3);
	await expect(page.getByTestId('agreement-communes')).toContainText('Lota');

	// A commitment with its cost, twice; the second names a comuna through the picker.
	for (const [index, commitment] of commitments.entries()) {
		const form = page.getByTestId('commitment-form');
		await form.getByLabel('Compromiso').fill(commitment.title);
		await form.getByLabel('Responsable').selectOption(String(parties[index].id));
		await form.getByLabel('Tema').selectOption('medio_ambiente');
		await form.getByLabel('Plazo').fill(commitment.due);
		await form.getByLabel('Costo estimado (CLP)').fill(commitment.cost);
		if (index === 1) {
			await form.locator('#commitment-communes-picker').fill('Lota');
			await form.locator('#commitment-communes-picker').press('Enter');
		}
		await form.getByRole('button', { name: 'Agregar compromiso' }).click();
		await expect(page.getByTestId('agreement-commitments')).toContainText(commitment.title);
	}
	await expect(page.getByTestId('agreement-total-cost')).toHaveText('$ 19.750.000');

	// The second estimate is revised: the edit form starts from what was saved.
	const second = page.getByTestId('agreement-commitments').locator('tr', { hasText: commitments[1].title });
	await second.getByText('Historial de avance').click();
	await second.getByText('Editar compromiso').click();
	const edit = second.getByTestId('commitment-edit-form');
	await expect(edit.getByLabel('Costo estimado (CLP)')).toHaveValue('7250000');
	await expect(edit.locator('input[name="communes"][value="08106"]')).toBeChecked();
	await edit.getByLabel('Costo estimado (CLP)').fill('8.000.000');
	await edit.getByRole('button', { name: 'Guardar compromiso' }).click();
	await expect(page.getByTestId('agreement-total-cost')).toHaveText('$ 20.500.000');

	// Progress with a note: the history keeps it.
	const row = page.getByTestId('agreement-commitments').locator('tr', { hasText: commitments[0].title });
	await row.getByText('Historial de avance').click();
	await row.getByLabel('Avance (%)').fill('40');
	await row.getByLabel('Estado').selectOption('in_progress');
	await row.getByLabel('Nota del avance').fill('Catastro de la mitad de los pozos');
	await row.getByRole('button', { name: 'Registrar avance' }).click();
	await expect(row.locator('td').nth(4)).toContainText('40 %');
	await expect(row.getByTestId('progress-history')).toContainText('Catastro de la mitad de los pozos');
	await expect(row.getByTestId('progress-history').locator('li')).toHaveCount(2);

	// The cronograma: both commitments, the first at 40 %.
	const cronograma = page.getByTestId('cronograma');
	await expect(cronograma.getByTestId('cronograma-row')).toHaveCount(2);
	await expect(
		cronograma.getByTestId('cronograma-row').filter({ hasText: commitments[0].title })
	).toContainText('40 %');
	await expect(
		cronograma.getByTestId('cronograma-row').filter({ hasText: commitments[1].title })
	).toContainText('0 %');

	// The costs CSV says what the page says.
	const csv = await page.request.get(`/api/export/costos.csv?convenio=${agreementId}`);
	expect(csv.status()).toBe(200);
	const lines = (await csv.text())
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(lines[0]).toContain('Costo estimado (CLP)');
	expect(lines).toHaveLength(3);
	const costs = lines.slice(1).map((line) => Number(line.split(',').pop()));
	expect(costs.sort((a, b) => a - b)).toEqual([8_000_000, 12_500_000]);
	expect(lines.join('\n')).toContain(commitments[0].title);
	await expect(page.getByTestId('costs-byYear')).toContainText('2027');

	// And the region's cronograma lists them under the agreement.
	await page.goto('/convenios/cronograma?region=08');
	const regional = page.getByTestId('cronograma');
	await expect(regional).toContainText(title);
	await expect(
		regional.getByTestId('cronograma-row').filter({ hasText: commitments[1].title })
	).toHaveCount(1);
});

test('another region’s agreement offers no editing, and its form refuses the secretariat', async ({
	page
}) => {
	await signIn(page);
	const other = await service().from('agreements').select('id').eq('region_code', '13').limit(1).single();
	expect(other.error).toBeNull();
	await page.goto(`/convenios/${other.data!.id}`);
	await expect(page.getByTestId('commitment-form')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Editar acuerdo' })).toHaveCount(0);
	const edit = await page.goto(`/convenios/${other.data!.id}/editar`);
	expect(edit?.status()).toBe(403);
});

test('a comuna brief prints on at most two A4 pages with its heading, date and figures', async ({ page }) => {
	const summary = await testClient().rpc('dashboard_summary', {
		p_filter: { region: '08', communes: ['08101'] }
	});
	expect(summary.error).toBeNull();
	const kpis = (summary.data as unknown as { kpis: { projects: number } }).kpis;

	await page.goto('/comuna/08101/ficha');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Concepción');
	await expect(page.getByTestId('brief-projects')).toHaveText(String(kpis.projects));
	await expect(page.getByTestId('svg-map')).toHaveAttribute('data-ready', 'true');
	await page.emulateMedia({ media: 'print' });
	const pages = await pdfPages(await page.pdf({ format: 'A4' }));
	expect(pages.length).toBeGreaterThanOrEqual(1);
	expect(pages.length).toBeLessThanOrEqual(2);
	const text = pages.join('\n');
	// The eyebrow is upper-cased by CSS, and PDF.js reads what was drawn.
	expect(text).toContain('FICHA COMUNAL');
	expect(text).toContain('Concepción');
	expect(text).toMatch(/datos al \d{2}-\d{2}-\d{4}/);
	expect(text).toContain('Proyectos por etapa');
	expect(text).toMatch(new RegExp(`Proyectos\\s*${kpis.projects}`));
	expect(text).not.toContain('Imprimir ficha');
});
