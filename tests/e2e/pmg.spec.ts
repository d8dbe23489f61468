import { expect, test, type Browser, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { PmgEvidence } from '../../src/lib/pmg/evidence.ts';
import { createMember, testClient } from '../support/supabase.ts';
import { expectReportPictures } from './report-pictures.ts';

// The PMG evaluation end to end (area pmg): the Technical Secretariat of Biobío (08) drafts its
// region's part of the DGOP evaluation, sees the evidence computed from the data, submits; an
// administrator finalises; the executive report opens, prints to PDF and downloads as .docx, and
// the files are opened to check their headings and figures.

const YEAR = 2026;
const run = randomUUID().slice(0, 8);
const service = () => testClient({ key: 'service' });
const accounts: Record<'secretariat' | 'admin', { email: string; password: string; id?: string }> = {
	secretariat: {
		email: `pmg-e2e-sec08-${run}@example.test`,
		password: randomBytes(12).toString('base64url')
	},
	admin: { email: `pmg-e2e-admin-${run}@example.test`, password: randomBytes(12).toString('base64url') }
};
let dgop: number;

/** The region's part of the DGOP evaluation is this test's: cleared before and after. */
async function clearRegionPart() {
	const { error } = await service()
		.from('pmg_evaluations')
		.delete()
		.eq('institution_id', dgop)
		.eq('year', YEAR)
		.eq('region_code', '08');
	expect(error).toBeNull();
}

test.beforeAll(async () => {
	const institution = await service()
		.from('institutions')
		.select('id')
		.eq('acronym', 'DGOP')
		.eq('level', 'national')
		.single();
	expect(institution.error).toBeNull();
	dgop = institution.data!.id;
	await clearRegionPart();
	for (const [role, account] of Object.entries(accounts) as [
		'secretariat' | 'admin',
		(typeof accounts)['admin']
	][]) {
		account.id = await createMember(service(), {
			email: account.email,
			password: account.password,
			role,
			region: role === 'secretariat' ? '08' : null
		});
	}
});

test.afterAll(async () => {
	await clearRegionPart();
	for (const account of Object.values(accounts))
		if (account.id) await service().auth.admin.deleteUser(account.id);
});

async function signIn(browser: Browser, who: keyof typeof accounts): Promise<Page> {
	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(accounts[who].email);
	await page.getByLabel('Contraseña').fill(accounts[who].password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page.getByText(`Sesión iniciada como ${accounts[who].email}`)).toBeVisible();
	return page;
}

async function evidenceAsAdmin(): Promise<PmgEvidence> {
	const client = testClient();
	const signedIn = await client.auth.signInWithPassword({
		email: accounts.admin.email,
		password: accounts.admin.password
	});
	expect(signedIn.error).toBeNull();
	const { data, error } = await client.rpc('pmg_evidence', { p_year: YEAR, p_region_code: '08' });
	expect(error).toBeNull();
	return data as unknown as PmgEvidence;
}

const number = (value: number) => value.toLocaleString('es-CL');

test('a secretariat drafts and submits, an admin finalises, the report prints and downloads', async ({
	browser
}) => {
	// Two sign-ins, two PDFs (one printed by the server's own Chromium) on a shared 2-core machine.
	test.setTimeout(180_000);
	const evidence = await evidenceAsAdmin();
	const agreements = evidence['1.1'].agreements;
	const institutions = evidence['1.2'].institutions;
	expect(agreements).toBeGreaterThan(0);

	// ── The secretariat of Biobío ──
	const secretariat = await signIn(browser, 'secretariat');
	await secretariat.goto(`/pmg/${YEAR}`);
	await expect(secretariat.getByTestId('pmg-part')).toHaveText('Biobío');
	const area11 = secretariat.getByTestId('requirement-1.1');
	await expect(
		area11
			.getByTestId('evidence-1.1')
			.locator('[data-figure="pmg.fig.agreements"] [data-testid="figure-value"]')
	).toHaveText(number(agreements));
	await expect(
		secretariat
			.getByTestId('evidence-1.2')
			.locator('[data-figure="pmg.fig.institutions"] [data-testid="figure-value"]')
	).toHaveText(number(institutions));
	await area11
		.getByLabel('Desarrollo alcanzado')
		.fill('Se constituyeron **tres mesas** de trabajo.\n\n<script>alert(1)</script>');
	await area11.getByLabel('Recomendaciones 2027').fill('Calendarizar los compromisos con costo.');
	await area11.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(area11.getByRole('status')).toHaveText('Se guardó el texto del requisito 1.1.');
	await expect(area11.getByTestId('texts-1.1').locator('strong')).toHaveText('tres mesas');
	await expect(area11.getByTestId('texts-1.1').locator('script')).toHaveCount(0);
	await expect(secretariat.getByTestId('status-1.1')).toContainText('Borrador');
	await secretariat.getByRole('button', { name: 'Enviar la evaluación a revisión' }).click();
	await expect(secretariat.getByTestId('pmg-message')).toContainText('La evaluación quedó enviada');
	await expect(secretariat.getByTestId('status-1.1')).toContainText('Enviada');
	await expect(area11.getByLabel('Desarrollo alcanzado')).toHaveCount(0);
	await expect(secretariat.getByRole('button', { name: 'Aprobar y cerrar la evaluación' })).toHaveCount(0);

	// ── An administrator ──
	const admin = await signIn(browser, 'admin');
	await admin.goto(`/pmg/${YEAR}?region=08`);
	await expect(admin.getByTestId('status-1.1')).toContainText('Enviada');
	await admin.getByRole('button', { name: 'Aprobar y cerrar la evaluación' }).click();
	await expect(admin.getByTestId('pmg-message')).toContainText('La evaluación quedó final');
	await expect(admin.getByTestId('status-1.1')).toContainText('Final');
	await expect(admin.getByTestId('evidence-1.1')).toContainText('Congelada al cerrar la evaluación');

	// ── The executive report ──
	await admin.getByRole('link', { name: 'Informe ejecutivo' }).click();
	await expect(admin).toHaveURL(new RegExp(`/pmg/${YEAR}/informe\\?region=08$`));
	const report = admin.getByTestId('executive-report');
	await expect(report.getByRole('heading', { level: 1 })).toHaveText(
		'Informe ejecutivo al Jefe de Servicio'
	);
	await expect(report).toContainText(`PMG de Gestión Territorial ${YEAR} · Biobío`);
	await expect(report.getByTestId('report-area-1.1')).toContainText(
		'Se constituyeron tres mesas de trabajo.'
	);
	// A map per area, shading as many comunas as the evidence has places (1.2: comunas covered).
	const shaded = {
		'1.1': evidence['1.1'].places!.length,
		'1.2': evidence['1.2'].communes_covered,
		'1.3': evidence['1.3'].places!.length,
		'2.1': evidence['2.1'].places!.length
	};
	for (const [area, places] of Object.entries(shaded)) {
		expect(places, `${area} has places to map on the sample`).toBeGreaterThan(0);
		const map = report.getByTestId(`report-area-${area}`).getByTestId(`report-map-${area}`);
		await expect(map).toHaveAttribute('data-shaded', String(places));
		await expect(map.locator('figcaption')).toContainText('Datos al');
	}

	// Printed by the test's own Chromium (print CSS, page margin boxes)…
	await admin.emulateMedia({ media: 'print' });
	const printed = await admin.pdf({ preferCSSPageSize: true, printBackground: true });
	const printedText = await pdfText(printed);
	await admin.emulateMedia({ media: 'screen' });
	// …and by the server's, through the report's own link.
	const [pdfDownload] = await Promise.all([
		admin.waitForEvent('download'),
		admin.getByRole('link', { name: 'Descargar PDF' }).click()
	]);
	const serverText = await pdfText(readFileSync(await pdfDownload.path()));
	for (const text of [printedText, serverText]) {
		expect(text).toContain('Informe ejecutivo al Jefe de Servicio');
		expect(text).toContain('1. Principales logros');
		expect(text).toContain('2. Recomendaciones y compromisos futuros');
		expect(text).toContain('3. Recomendaciones para el desarrollo del requisito');
		expect(text).toContain('Se constituyeron tres mesas de trabajo.');
		expect(text).toMatch(new RegExp(`Acuerdos vigentes en el año\\s+\\S+\\s+${number(agreements)}`));
		expect(text).toMatch(/Página 1 de \d+/);
	}

	const [docxDownload] = await Promise.all([
		admin.waitForEvent('download'),
		admin.getByRole('link', { name: 'Descargar Word (.docx)' }).click()
	]);
	expect(docxDownload.suggestedFilename()).toBe(`informe-ejecutivo-pmg-${YEAR}-region-08.docx`);
	const docx = readFileSync(await docxDownload.path());
	const zip = await JSZip.loadAsync(docx);
	const xml = await zip.file('word/document.xml')!.async('string');
	const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => p[0].replace(/<[^>]+>/g, ''));
	for (const heading of [
		'Informe ejecutivo al Jefe de Servicio',
		'1. Principales logros',
		'1.1 Perspectiva territorial',
		'2. Recomendaciones y compromisos futuros'
	]) {
		expect(paragraphs).toContain(heading);
	}
	expect(paragraphs).toContain('Se constituyeron tres mesas de trabajo.');
	expect(paragraphs).toContain('Calendarizar los compromisos con costo.');
	const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((r) =>
		[...r[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((c) => c[0].replace(/<[^>]+>/g, ''))
	);
	expect(rows).toContainEqual(['Acuerdos vigentes en el año', expect.any(String), number(agreements)]);
	expect(rows).toContainEqual(['Instituciones articuladas', expect.any(String), number(institutions)]);
	await expectReportPictures(docx, { agreements: number(agreements) });
});

async function pdfText(bytes: Uint8Array | Buffer): Promise<string> {
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	const { text } = await extractText(pdf, { mergePages: true });
	return text;
}
