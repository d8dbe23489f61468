import { expect, test } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PmgEvidence } from '../../src/lib/pmg/evidence.ts';
import { createMember, testClient } from '../support/supabase.ts';
import { expectReportPictures } from './report-pictures.ts';

// Regional Council sessions (area pmg, issue 10 §4): the Technical Secretariat of Biobío (08)
// records two sessions, the second with the keyboard alone; "what changed" between them lists what
// changes_between finds for those dates; another region's session cannot be used by reference;
// and the executive report's .docx holds the charts and the map as pictures.

const run = randomUUID().slice(0, 8);
const PLACE = `Sala e2e ${run}`;
const PROJECT = `Puente entre sesiones e2e ${run}`;
const CONCEPCION = [-73.05, -36.83];
const service = () => testClient({ key: 'service' });
const account = {
	email: `council-e2e-sec08-${run}@example.test`,
	password: randomBytes(12).toString('base64url')
};
let userId: string | undefined;
let otherRegionSession: number;

const chileDay = (date: Date) => date.toLocaleDateString('en-CA', { timeZone: 'America/Santiago' });
const today = chileDay(new Date());
const earlier = chileDay(new Date(Date.now() - 20 * 86_400_000));
const ddmmyyyy = (day: string) => day.split('-').reverse().join('-');
const number = (value: number) => value.toLocaleString('es-CL');

async function removeSessions() {
	const { error } = await service().from('council_sessions').delete().like('place', `Sala e2e %`);
	expect(error).toBeNull();
}

test.beforeAll(async () => {
	await removeSessions();
	userId = await createMember(service(), { ...account, role: 'secretariat', region: '08' });
	const other = await service()
		.from('council_sessions')
		.insert({ region_code: '05', held_on: earlier, kind: 'ordinary', place: `${PLACE} Valparaíso` })
		.select('id')
		.single();
	expect(other.error).toBeNull();
	otherRegionSession = other.data!.id;
});

test.afterAll(async () => {
	await removeSessions();
	await service().from('projects').delete().eq('name', PROJECT);
	if (userId) await service().auth.admin.deleteUser(userId);
});

async function asSecretariat() {
	const client = testClient();
	const signedIn = await client.auth.signInWithPassword(account);
	expect(signedIn.error).toBeNull();
	return client;
}

test('a secretariat records two sessions and sees what changed between them; the .docx has pictures', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(account.email);
	await page.getByLabel('Contraseña').fill(account.password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page.getByText(`Sesión iniciada como ${account.email}`)).toBeVisible();

	await page.getByRole('link', { name: 'Sesiones del Consejo' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Sesiones del Consejo Regional MOP · Biobío'
	);

	// The first session with the mouse…
	await page.getByLabel('Fecha').fill(earlier);
	await page.getByRole('radio', { name: 'Ordinaria', exact: true }).check();
	await page.getByLabel('Lugar').fill(PLACE);
	await page
		.getByLabel('Notas y acuerdos')
		.fill('**Acuerdo 1**: priorizar el puente.\n\n<img src=x onerror="alert(1)">');
	await page.getByRole('button', { name: 'Registrar la sesión' }).click();
	await expect(page.getByTestId('council-saved')).toHaveText(
		`Se guardó la sesión del ${ddmmyyyy(earlier)}.`
	);

	// …the second with the keyboard alone.
	// (Tab inside a date field walks its day, month and year: the radio group is focused directly.)
	await page.getByLabel('Fecha').fill(today);
	await page.getByRole('radio', { name: 'Ordinaria', exact: true }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('radio', { name: 'Extraordinaria' })).toBeChecked();
	await page.keyboard.press('Tab');
	await page.keyboard.type(`${PLACE} (extraordinaria)`);
	await page.keyboard.press('Tab');
	await page.keyboard.type('Sin acuerdos.');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('council-saved')).toHaveText(`Se guardó la sesión del ${ddmmyyyy(today)}.`);

	const list = page.getByTestId('council-sessions');
	const first = list.locator('li[data-session]').filter({ hasText: `Ordinaria · ${ddmmyyyy(earlier)}` });
	await expect(first.locator('.md strong')).toHaveText('Acuerdo 1');
	await expect(first.locator('.md img[onerror]')).toHaveCount(0);

	// The first session's place, corrected.
	await first.getByRole('link', { name: /^Editar/ }).click();
	await expect(page.getByRole('heading', { name: 'Editar la sesión' })).toBeVisible();
	await expect(page.getByLabel('Lugar')).toHaveValue(PLACE);
	await page.getByLabel('Lugar').fill(`${PLACE} (Concepción)`);
	await page.getByRole('button', { name: 'Guardar cambios' }).click();
	await expect(page.getByTestId('council-saved')).toHaveText(
		`Se guardó la sesión del ${ddmmyyyy(earlier)}.`
	);
	await expect(first.locator('.place')).toHaveText(`${PLACE} (Concepción)`);
	// Saved: the address is the list's again, so reloading does not reopen the edit.
	await expect(page).toHaveURL(/\/consejo$/);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Editar la sesión' })).toHaveCount(0);
	// …and the form records a new session again.
	await expect(page.getByRole('button', { name: 'Registrar la sesión' })).toBeVisible();

	// What changed between the two sessions: a project created now is among it.
	const project = await service()
		.from('projects')
		.insert({
			name: PROJECT,
			service_code: 'vialidad',
			stage: 'design',
			status: 'planned',
			geom: { type: 'Point', coordinates: CONCEPCION } as never
		});
	expect(project.error).toBeNull();
	const second = list
		.locator('li[data-session]')
		.filter({ hasText: `Extraordinaria · ${ddmmyyyy(today)}` });
	await second.getByRole('link', { name: `Qué cambió desde la sesión del ${ddmmyyyy(earlier)}` }).click();
	await expect(page).toHaveURL(/\/cambios\?desde_sesion=\d+&hasta_sesion=\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Qué cambió entre la sesión ordinaria del ${ddmmyyyy(earlier)} y la sesión extraordinaria del ${ddmmyyyy(today)}`
	);
	const counts = await (
		await asSecretariat()
	).rpc('change_counts', {
		p_from: earlier,
		p_to: today,
		p_region_code: '08'
	});
	expect(counts.error).toBeNull();
	const total = (counts.data ?? []).reduce((sum, row) => sum + row.changes, 0);
	expect(total).toBeGreaterThan(0);
	await expect(page.getByTestId('changes-total')).toContainText(number(total));
	for (const row of counts.data ?? [])
		await expect(
			page.locator(`[data-testid="change-counts"] [data-kind="${row.kind}"] strong`)
		).toHaveText(number(row.changes));

	// The table lists at most CHANGES_SHOWN rows: narrowed to the project's comuna, it is listed
	// whatever else the stack recorded today (a bulk import leaves hundreds of changes in 08).
	await page.goto(`${page.url()}&comuna=08101`);
	await expect(
		page
			.getByTestId('changes-table')
			.locator('tr[data-kind="project_created"]')
			.filter({ hasText: PROJECT })
	).toHaveCount(1);
	await page.goBack();
	// The sessions picker holds the same two, and shows the same period.
	await page.getByRole('button', { name: 'Ver cambios entre sesiones' }).click();
	await expect(page.getByTestId('changes-total')).toContainText(number(total));

	// A session of another region is as unknown as one that does not exist.
	const url = new URL(page.url());
	await page.goto(
		`/cambios?desde_sesion=${otherRegionSession}&hasta_sesion=${url.searchParams.get('hasta_sesion')}`
	);
	await expect(page.getByTestId('changes-invalid')).toHaveText(
		'No se encontró una de las sesiones elegidas.'
	);
	await expect(page.getByTestId('changes-table')).toHaveCount(0);

	// The executive report's .docx: each area's chart and the coverage map as real PNGs.
	const evidence = await (await asSecretariat()).rpc('pmg_evidence', { p_year: 2026, p_region_code: '08' });
	expect(evidence.error).toBeNull();
	await page.goto('/pmg/2026/informe');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Descargar Word (.docx)' }).click()
	]);
	await expectReportPictures(readFileSync(await download.path()), {
		agreements: number((evidence.data as unknown as PmgEvidence)['1.1'].agreements)
	});

	// Deleting a session is a second, explicit step.
	await page.goto('/consejo');
	const extraordinary = page
		.getByTestId('council-sessions')
		.locator('li[data-session]')
		.filter({ hasText: `Extraordinaria · ${ddmmyyyy(today)}` });
	await extraordinary.locator('summary', { hasText: 'Eliminar' }).click();
	await expect(extraordinary).toContainText(`¿Eliminar la sesión del ${ddmmyyyy(today)}?`);
	await extraordinary.getByRole('button', { name: 'Sí, eliminar' }).click();
	await expect(extraordinary).toHaveCount(0);
});
