import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createMember, testClient } from '../support/supabase.ts';

// Issue 10 §1, second part: a secretariat of Biobío (08) links a project through the searchable
// picker (keyboard only) and deletes a commitment recorded by mistake; a national agreement's
// commitment located in comunas of 08 and 13 shows on 08's cronograma, labelled national, with
// 08's part of its cost, and not on 05's; one without comunas shows under "Nacional".

const service = () => testClient({ key: 'service' });
const run = randomBytes(4).toString('hex');
const email = `secretaria-08-b-${run}@example.cl`;
const password = randomBytes(12).toString('base64url');
let userId: string | undefined;
const agreements: number[] = [];

async function one<T>(query: PromiseLike<{ data: T[] | null; error: unknown }>): Promise<T> {
	const { data, error } = await query;
	expect(error).toBeNull();
	expect(data?.length).toBeGreaterThan(0);
	return data![0];
}

test.beforeAll(async () => {
	userId = await createMember(service(), { email, password, role: 'secretariat', region: '08' });
});

test.afterAll(async () => {
	// The service role is not bound by the rule that keeps reported commitments.
	if (agreements.length) await service().from('agreements').delete().in('id', agreements);
	if (userId) await service().auth.admin.deleteUser(userId);
});

async function signIn(page: Page, to: string) {
	await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page).toHaveURL(new RegExp(`${to}$`));
}

test('a secretariat of 08 links a project through the picker and deletes a commitment', async ({ page }) => {
	const gore = await one(
		service()
			.from('institutions')
			.select('id,name')
			.eq('kind', 'regional_government')
			.eq('region_code', '08')
	);
	const agreement = await one(
		service()
			.from('agreements')
			.insert({
				kind: 'working_group',
				title: `Mesa de caletas ${run}`,
				problem: 'Caletas sin agua potable',
				signed_on: '2026-05-01',
				region_code: '08'
			})
			.select('id')
	);
	agreements.push(agreement.id);
	// A project of 08 with a BIP code, and one that touches 05 only.
	const ours = await one(
		service()
			.from('projects')
			.select('id,name,bip_code,project_communes!inner(region_code)')
			.eq('project_communes.region_code', '08')
			.not('bip_code', 'is', null)
			.order('id')
			.limit(1)
	);
	const theirs = await one(
		service()
			.from('projects')
			.select('id,name,bip_code,project_communes!inner(region_code)')
			.eq('project_communes.region_code', '05')
			.not('bip_code', 'is', null)
			.order('id')
			.limit(1)
	);

	await signIn(page, `/convenios/${agreement.id}`);
	const form = page.getByTestId('commitment-form');
	await form.getByLabel('Compromiso').fill(`Diagnóstico de caletas ${run}`);
	await form.getByLabel('Responsable').selectOption(String(gore.id));
	await form.getByLabel('Plazo').fill('2027-06-30');

	// Another region's project is not offered, searched by its BIP code.
	const search = form.getByRole('combobox', { name: 'Buscar proyecto por nombre o código BIP' });
	await search.fill(theirs.bip_code!);
	await expect(form.getByText(`Ningún proyecto coincide con «${theirs.bip_code}».`)).toBeVisible();

	// Ours, by its name typed without accents, chosen with the keyboard.
	const words = ours.name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 3)
		.slice(0, 3)
		.join(' ');
	await search.fill(words);
	const option = form.getByRole('option', { name: new RegExp(ours.bip_code!) });
	await expect(option).toBeVisible();
	await expect(option).toContainText(ours.name);
	// Arrow keys move the active option (aria-activedescendant) until it is ours.
	const activeText = () =>
		search.evaluate((input) => {
			const active = input.getAttribute('aria-activedescendant');
			return active ? (document.getElementById(active)?.textContent ?? '') : '';
		});
	for (let i = 0; i < 20 && !(await activeText()).includes(ours.bip_code!); i += 1)
		await search.press('ArrowDown');
	expect(await activeText()).toContain(ours.bip_code!);
	await search.press('Enter');
	const chosen = form.getByTestId('commitment-projects-chosen');
	await expect(chosen).toContainText(ours.name);
	await expect(chosen).toContainText(`BIP ${ours.bip_code}`);
	await expect(form.locator(`input[type="hidden"][name="projects"][value="${ours.id}"]`)).toHaveCount(1);
	await form.getByRole('button', { name: 'Agregar compromiso' }).click();

	const row = page
		.getByTestId('agreement-commitments')
		.locator('tr', { hasText: `Diagnóstico de caletas ${run}` });
	await expect(row.getByRole('link', { name: new RegExp(ours.bip_code!) })).toHaveAttribute(
		'href',
		`/proyectos/${ours.id}`
	);
	const saved = await one(
		service()
			.from('commitments')
			.select('id,commitment_projects(project_id)')
			.eq('agreement_id', agreement.id)
	);
	expect(saved.commitment_projects).toEqual([{ project_id: ours.id }]);

	// Deleted after a confirmation in Spanish; the audit trail keeps it.
	await row.getByText('Historial de avance').click();
	await row.getByText('Eliminar compromiso').click();
	await expect(row.getByText(/¿Eliminar el compromiso «Diagnóstico de caletas/)).toBeVisible();
	await row.getByRole('button', { name: 'Sí, eliminar' }).click();
	await expect(page.getByTestId('commitment-deleted')).toHaveText(
		`Compromiso «Diagnóstico de caletas ${run}» eliminado.`
	);
	await expect(page.getByTestId('agreement-commitments')).not.toContainText(
		`Diagnóstico de caletas ${run}`
	);
	const audit = await service()
		.from('audit_log')
		.select('action,actor')
		.eq('table_name', 'commitments')
		.eq('record_id', String(saved.id));
	expect(audit.error).toBeNull();
	expect(audit.data).toContainEqual({ action: 'DELETE', actor: userId });
});

test('a national agreement’s commitment shows on the cronograma of the regions of its comunas', async ({
	page
}) => {
	const dgop = await one(service().from('institutions').select('id').eq('acronym', 'DGOP'));
	const agreement = await one(
		service()
			.from('agreements')
			.insert({
				kind: 'cooperation_agreement',
				title: `Convenio nacional de caletas ${run}`,
				problem: 'Caletas del litoral',
				signed_on: '2026-01-15',
				region_code: null
			})
			.select('id')
	);
	agreements.push(agreement.id);
	const inserted = await service()
		.from('commitments')
		.insert([
			{
				agreement_id: agreement.id,
				title: `Muelles de Biobío y Santiago ${run}`,
				responsible_institution_id: dgop.id,
				theme_code: 'territorio',
				due_on: '2027-03-31',
				estimated_cost_clp: 3_000_000
			},
			{
				agreement_id: agreement.id,
				title: `Norma nacional de caletas ${run}`,
				responsible_institution_id: dgop.id,
				theme_code: 'territorio',
				due_on: '2027-06-30',
				estimated_cost_clp: 500_000
			}
		])
		.select('id,title');
	expect(inserted.error).toBeNull();
	const located = inserted.data!.find((c) => c.title.startsWith('Muelles'))!;
	const links = await service()
		.from('commitment_communes')
		.insert(
			['08101', '08102', '13101'].map((commune_code) => ({ commitment_id: located.id, commune_code }))
		);
	expect(links.error).toBeNull();

	await page.goto('/convenios/cronograma?region=08');
	const group = page
		.getByTestId('cronograma')
		.locator('li.group-row', { hasText: `Convenio nacional de caletas ${run}` });
	await expect(group.getByTestId('national-badge')).toHaveText(/acuerdo nacional/i);
	await expect(
		page.getByTestId('cronograma-row').filter({ hasText: `Muelles de Biobío y Santiago ${run}` })
	).toHaveCount(1);
	await expect(page.getByTestId('cronograma')).not.toContainText(`Norma nacional de caletas ${run}`);
	await expect(page.getByTestId('includes-national')).toBeVisible();
	await page.getByTestId('costs-how').getByText('¿Cómo se calcula?').click();
	await expect(page.getByTestId('costs-how')).toContainText('sin contar dos veces');

	// Two of its three comunas are in 08: two thirds of the cost count there, one third in 13.
	const csvOf = async (region: string) => {
		const response = await page.request.get(`/api/export/costos.csv?region=${region}`);
		expect(response.status()).toBe(200);
		return (await response.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
	};
	const line08 = (await csvOf('08')).find((line) => line.includes(`Muelles de Biobío y Santiago ${run}`));
	expect(line08?.split(',').slice(-3)).toEqual(['3000000', 'Nacional', '2000000']);
	const line13 = (await csvOf('13')).find((line) => line.includes(`Muelles de Biobío y Santiago ${run}`));
	expect(line13?.split(',').at(-1)).toBe('1000000');

	// Not on Valparaíso's.
	await page.goto('/convenios/cronograma?region=05');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Valparaíso');
	await expect(page.locator('main')).not.toContainText(`Muelles de Biobío y Santiago ${run}`);

	// The one without comunas is under "Nacional", whole.
	await page.locator('#region-choice').selectOption('nacional');
	await page.getByRole('button', { name: 'Ver' }).click();
	await expect(page).toHaveURL(/region=nacional/);
	await expect(
		page.getByTestId('cronograma-row').filter({ hasText: `Norma nacional de caletas ${run}` })
	).toHaveCount(1);
	await expect(page.getByTestId('cronograma')).not.toContainText(`Muelles de Biobío y Santiago ${run}`);
	const national = (await csvOf('nacional')).find((line) =>
		line.includes(`Norma nacional de caletas ${run}`)
	);
	expect(national?.split(',').at(-1)).toBe('500000');
});
