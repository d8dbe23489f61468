import { expect, test, type Browser, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { randomBytes, randomUUID } from 'node:crypto';
import { isoToChileLocal } from '../../src/lib/publications/compose';
import { unsafeParts, xssVectors } from '../../src/lib/publications/xss-vectors';
import { testClient, type TestClient } from '../support/supabase.ts';

// The publishing desk and its readers end to end (issue 9 §1, §4, §5): a secretariat of region 05
// drafts a publication linked to two comunas, reloads (the draft is still there), schedules it,
// publishes it; anonymous readers see it only once published; the region's feed carries it; a
// planner filtering /publicaciones by one of its comunas finds it. Then hostile text in every
// field, and a new publication reaching an open region page without a reload.

const screens = (name: string) => `test-results/screens/${name}.png`;
const run = randomUUID().slice(0, 8);
const tag = (label: string) => `${label} [e2e ${run}]`;

let service: TestClient;
const users: Record<'secretariat' | 'planner', { id: string; email: string; password: string }> = {} as never;
const createdPublications: number[] = [];

async function createUser(role: 'secretariat' | 'planner', region: string | null) {
	const email = `e2e-pub-${role}-${run}@example.cl`;
	const password = randomBytes(12).toString('base64url');
	const created = await service.auth.admin.createUser({ email, password, email_confirm: true });
	if (created.error) throw created.error;
	const membership = await service
		.from('memberships')
		.insert({ user_id: created.data.user.id, role, region_code: region });
	if (membership.error) throw new Error(membership.error.message);
	return { id: created.data.user.id, email, password };
}

async function signIn(page: Page, who: { email: string; password: string }, to: string) {
	await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
	await page.getByLabel('Correo electrónico').fill(who.email);
	await page.getByLabel('Contraseña').fill(who.password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, '\\?')}$`));
}

/** An anonymous reader, in a context of its own (no cookies of the signed-in page). */
async function asAnon<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
	const context = await browser.newContext({ locale: 'es-CL' });
	try {
		return await work(await context.newPage());
	} finally {
		await context.close();
	}
}

/** What is unsafe in the element's HTML, judged by the same check as the unit tests. */
async function unsafeIn(page: Page, selector: string): Promise<string[]> {
	const html = await page.locator(selector).evaluate((element) => element.outerHTML);
	return unsafeParts(new JSDOM(`<body>${html}</body>`).window.document.body);
}

test.beforeAll(async () => {
	service = testClient({ key: 'service' });
	users.secretariat = await createUser('secretariat', '05');
	users.planner = await createUser('planner', null);
});

test.afterAll(async () => {
	if (createdPublications.length > 0)
		await service.from('publications').delete().in('id', createdPublications);
	for (const user of Object.values(users)) if (user) await service.auth.admin.deleteUser(user.id);
});

test('a secretariat drafts, reloads, schedules and publishes; readers see it only once public', async ({
	page,
	browser
}) => {
	// The whole journey, three browser contexts and two maps: longer than one page's budget.
	test.setTimeout(180_000);
	const title = tag('Boletín de obras del litoral');
	await signIn(page, users.secretariat, '/escritorio/publicaciones/nueva');
	await expect(page.getByRole('heading', { level: 1, name: 'Nueva publicación' })).toBeVisible();

	await page.getByLabel('Título').fill(title);
	await page.getByLabel('Tipo', { exact: true }).selectOption('bulletin');
	await page.getByLabel('Resumen').fill('Avance de las obras costeras de Valparaíso y Viña del Mar.');
	await page
		.getByLabel('Cuerpo (Markdown)')
		.fill('# Obras costeras\n\n- Avance **físico** del 40 %\n- [Detalle](https://www.mop.gob.cl)');
	await expect(page.getByTestId('compose-preview').locator('h1')).toHaveText('Obras costeras');
	await page.getByRole('checkbox', { name: 'Valparaíso', exact: true }).check();
	await page.getByRole('checkbox', { name: 'Viña del Mar', exact: true }).check();
	await page.screenshot({ path: screens('publishing-compose'), fullPage: true });

	// A reload before saving loses nothing: the form comes back from this browser's copy.
	await page.waitForTimeout(600);
	await page.reload();
	await expect(page.getByTestId('restored-notice')).toBeVisible();
	await expect(page.getByLabel('Título')).toHaveValue(title);
	await expect(page.getByRole('checkbox', { name: 'Viña del Mar', exact: true })).toBeChecked();

	await page.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(page).toHaveURL(/\/escritorio\/publicaciones\/\d+$/);
	const id = Number(/(\d+)$/.exec(page.url())![1]);
	createdPublications.push(id);
	await expect(page.getByTestId('compose-status')).toHaveText('Estado: Borrador');
	await page.reload();
	await expect(page.getByLabel('Título')).toHaveValue(title);
	await expect(page.getByTestId('restored-notice')).toHaveCount(0);
	await expect(page.getByRole('checkbox', { name: 'Valparaíso', exact: true })).toBeChecked();

	const anonStatus = () =>
		asAnon(browser, async (reader) => (await reader.goto(`/publicaciones/${id}`))?.status());
	expect(await anonStatus()).toBe(404);

	const tomorrow = isoToChileLocal(new Date(Date.now() + 24 * 3600 * 1000).toISOString());
	await page.getByLabel('Fecha y hora de publicación').fill(tomorrow);
	await page.getByRole('button', { name: 'Programar' }).click();
	await expect(page.getByTestId('compose-status')).toHaveText('Estado: Programada');
	expect(await anonStatus()).toBe(404);

	await page.getByRole('button', { name: 'Publicar ahora' }).click();
	await expect(page.getByTestId('compose-status')).toHaveText('Estado: Publicada');
	await expect(page.getByTestId('versions').locator('li')).toHaveCount(3);
	await page.screenshot({ path: screens('publishing-desk-published'), fullPage: true });

	// The diff of the last two versions shows the status change.
	await page.getByRole('link', { name: 'Comparar con la anterior' }).first().click();
	await expect(page.getByTestId('version-diff')).toContainText('Publicada');

	await asAnon(browser, async (reader) => {
		expect((await reader.goto(`/publicaciones/${id}`))?.status()).toBe(200);
		await expect(reader.getByTestId('publication-title')).toHaveText(title);
		await expect(reader.getByTestId('publication-communes')).toContainText('Viña del Mar');
		await expect(reader.locator('.maplibregl-canvas')).toBeVisible();
		await reader.screenshot({ path: screens('publication-page'), fullPage: true });

		// The region's feed carries it, with an absolute link; the page announces the feed.
		await reader.goto('/region/05');
		const alternate = reader.locator('link[rel="alternate"][type="application/rss+xml"]');
		await expect(alternate).toHaveAttribute('href', '/region/05/publicaciones.rss');
		await expect(reader.getByTestId('latest-publications')).toContainText(title);
		const rss = await reader.request.get('/region/05/publicaciones.rss');
		expect(rss.headers()['content-type']).toContain('application/rss+xml');
		const channel = new XMLParser().parse(await rss.text()).rss.channel;
		const items = Array.isArray(channel.item) ? channel.item : [channel.item];
		const item = items.find((i: { title: string }) => i.title === title);
		expect(item.link).toMatch(new RegExp(`^https?://[^/]+/publicaciones/${id}$`));
	});

	// A planner filtering by one of its comunas finds it.
	const planner = await browser.newContext({ locale: 'es-CL' });
	try {
		const plannerPage = await planner.newPage();
		await signIn(plannerPage, users.planner, '/publicaciones?region=05');
		await plannerPage.getByLabel('Comuna', { exact: true }).selectOption('05109');
		await plannerPage.getByRole('button', { name: 'Filtrar' }).click();
		await expect(plannerPage).toHaveURL(/comuna=05109/);
		await expect(plannerPage.getByTestId('publications-list')).toContainText(title);
		await plannerPage.screenshot({ path: screens('publications-filtered'), fullPage: true });
	} finally {
		await planner.close();
	}
});

test(`${xssVectors.length} XSS vectors in title, summary and body are inert on the page and in the preview`, async ({
	page,
	browser
}) => {
	const hostile = xssVectors.join('\n\n');
	const inserted = await service
		.from('publications')
		.insert({
			region_code: '05',
			title: tag(xssVectors.slice(0, 8).join(' ')),
			summary: xssVectors.join(' '),
			body_md: hostile,
			kind: 'memo',
			status: 'published',
			published_at: new Date(Date.now() - 60_000).toISOString()
		})
		.select('id')
		.single();
	expect(inserted.error).toBeNull();
	createdPublications.push(inserted.data!.id);

	await asAnon(browser, async (reader) => {
		const dialogs: string[] = [];
		reader.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await reader.goto(`/publicaciones/${inserted.data!.id}`);
		await expect(reader.getByTestId('publication-body')).toBeVisible();
		await reader.waitForTimeout(500);
		expect(await unsafeIn(reader, '[data-testid="publication"]')).toEqual([]);
		expect(await reader.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(dialogs).toEqual([]);
		// The text is shown as text, not dropped: the title still reads the vector.
		await expect(reader.getByTestId('publication-title')).toContainText(
			'<script>window.__xss=1</script>'
		);
	});

	await signIn(page, users.secretariat, '/escritorio/publicaciones/nueva');
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	await page.getByLabel('Título').fill(xssVectors[0]);
	await page.getByLabel('Cuerpo (Markdown)').fill(hostile);
	await expect(page.getByTestId('compose-preview').locator('p').first()).toBeVisible();
	await page.waitForTimeout(500);
	expect(await unsafeIn(page, '[data-testid="compose-preview"]')).toEqual([]);
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(dialogs).toEqual([]);
	// Leave no local copy behind for the next test.
	await page.evaluate(() => localStorage.clear());
});

test('a new publication appears on an open region page without a reload', async ({ page }) => {
	await page.goto('/region/05');
	const live = page.getByTestId('live-publications');
	// The local stack has no Realtime: the page detects that and listens to the app's event stream.
	await expect(live).toHaveAttribute('data-live', 'events', { timeout: 15_000 });
	const title = tag('Minuta publicada mientras se mira la región');
	const inserted = await service
		.from('publications')
		.insert({
			region_code: '05',
			title,
			kind: 'memo',
			status: 'published',
			published_at: new Date().toISOString()
		})
		.select('id')
		.single();
	expect(inserted.error).toBeNull();
	createdPublications.push(inserted.data!.id);
	await expect(page.getByTestId('latest-publications')).toContainText(title, { timeout: 40_000 });
});
