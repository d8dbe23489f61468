import { expect, test, type Browser, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { randomBytes, randomUUID } from 'node:crypto';
import { isoToChileLocal } from '../../src/lib/publications/compose';
import { unsafeParts, xssVectors } from '../../src/lib/publications/xss-vectors';
import type { Database } from '../../src/lib/database.types.ts';
import { createMember, testClient, type TestClient } from '../support/supabase.ts';

// The publishing journey of issue 9 §5, end to end and in one test: a secretariat of region 05
// drafts, as the delivery of an e-mail flow, an update linked to two comunas, reloads (the draft is
// still there), schedules it and publishes it; the regional government of region 05 finds it first
// in its inbox and acknowledges it; the local mailbox holds the e-mail the app server's mail job
// sent to the regional government's contact; a planner filtering by one of its comunas finds it;
// anonymous readers see it only once published; the region's feed carries it; and the
// secretariat's compliance chart and table count the delivery on time. Then a secretariat of
// region 13 refused at the API, hostile text in every field, and a new publication reaching an
// open region page without a reload.

const screens = (name: string) => `test-results/screens/${name}.png`;
const run = randomUUID().slice(0, 8);
const tag = (label: string) => `${label} [e2e ${run}]`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(new Date());
const contact = `contacto-pub-${run}@gore05.invalid`;
const information = tag('Boletín mensual de obras por correo');

type SaveArgs = Database['public']['Functions']['save_publication']['Args'];
type Role = 'secretariat' | 'gore' | 'planner' | 'secretariat13';
type User = { id: string; email: string; password: string };

let service: TestClient;
const users: Record<Role, User> = {} as never;
const createdPublications: number[] = [];
const ids: { gore05?: number; flow?: number } = {};

function must<T>(result: { data: T; error: { message: string } | null }): NonNullable<T> {
	if (result.error) throw new Error(result.error.message);
	return result.data as NonNullable<T>;
}

async function createUser(label: Role, role: 'secretariat' | 'gore' | 'planner', region: string | null) {
	const email = `e2e-pub-${label}-${run}@example.cl`;
	const password = randomBytes(12).toString('base64url');
	return { id: await createMember(service, { email, password, role, region }), email, password };
}

async function signIn(page: Page, who: { email: string; password: string }, to: string) {
	await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
	await page.getByLabel('Correo electrónico').fill(who.email);
	await page.getByLabel('Contraseña').fill(who.password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, '\\?')}$`));
}

/** Someone else, in a browser context of their own (no cookies of the other pages). */
async function inContext<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
	const context = await browser.newContext({ locale: 'es-CL' });
	try {
		return await work(await context.newPage());
	} finally {
		await context.close();
	}
}

/** An anonymous reader. */
const asAnon = inContext;

/** What is unsafe in the element's HTML, judged by the same check as the unit tests. */
async function unsafeIn(page: Page, selector: string): Promise<string[]> {
	const html = await page.locator(selector).evaluate((element) => element.outerHTML);
	return unsafeParts(new JSDOM(`<body>${html}</body>`).window.document.body);
}

/**
 * Deliveries on time in the compliance chart of deliveries by due month, read from the table the
 * chart carries for screen readers. The window is today alone, so it has at most one month.
 */
async function chartOnTime(page: Page): Promise<number> {
	const table = page.getByRole('table', { name: 'Entregas por mes de vencimiento' });
	await expect(table).toBeAttached();
	const rows = table.locator('tbody tr');
	expect(await rows.count()).toBeLessThanOrEqual(1);
	if ((await rows.count()) === 0) return 0;
	return Number(await rows.first().locator('td').first().textContent());
}

test.beforeAll(async () => {
	service = testClient({ key: 'service' });
	users.secretariat = await createUser('secretariat', 'secretariat', '05');
	users.gore = await createUser('gore', 'gore', '05');
	users.planner = await createUser('planner', 'planner', null);
	users.secretariat13 = await createUser('secretariat13', 'secretariat', '13');
	// An e-mail flow of region 05 due today, addressed to the regional government, with a contact
	// of this run's own so the mailbox can be asked for exactly this run's message.
	ids.gore05 = must(
		await service
			.from('institutions')
			.select('id')
			.eq('kind', 'regional_government')
			.eq('region_code', '05')
			.single()
	).id;
	ids.flow = must(
		await service
			.from('information_flows')
			.insert({
				region_code: '05',
				information,
				producer_institution_id: ids.gore05,
				channel: 'email',
				periodicity: 'monthly',
				first_due_on: today
			})
			.select('id')
			.single()
	).id;
	must(
		await service
			.from('information_flow_recipients')
			.insert({ flow_id: ids.flow, institution_id: ids.gore05 })
	);
	must(
		await service
			.from('contacts')
			.insert({ institution_id: ids.gore05, name: 'Contacto e2e publicaciones', email: contact })
	);
});

test.afterAll(async () => {
	if (createdPublications.length > 0) {
		await service.from('acknowledgements').delete().in('publication_id', createdPublications);
		await service.from('publications').delete().in('id', createdPublications);
	}
	if (ids.flow) await service.from('information_flows').delete().eq('id', ids.flow);
	await service.from('contacts').delete().eq('email', contact);
	for (const user of Object.values(users)) if (user) await service.auth.admin.deleteUser(user.id);
});

test('a delivery drafted, reloaded, scheduled and published reaches inbox, mailbox, readers, feed and compliance', async ({
	page,
	browser
}) => {
	// The whole journey, five people, two maps and a mail round: longer than one page's budget.
	test.setTimeout(240_000);
	const title = tag('Boletín de obras del litoral');
	const compose = `/escritorio/publicaciones/nueva?flujo=${ids.flow}&periodo=${today}`;
	let id = 0;

	await test.step('the compliance chart before the delivery', async () => {
		await signIn(page, users.secretariat, `/cumplimiento?desde=${today}`);
	});
	const onTimeBefore = await chartOnTime(page);

	await test.step('the secretariat drafts the delivery, reloads, saves, schedules and publishes', async () => {
		// The desk's "Preparar entrega" link: the compose form with the flow and period chosen.
		await page.goto(compose);
		await expect(page.getByRole('heading', { level: 1, name: 'Nueva publicación' })).toBeVisible();
		await expect(page.getByLabel('Entrega de un flujo de información')).toHaveValue(String(ids.flow));
		await expect(page.getByLabel('Período que entrega (vencimiento)')).toHaveValue(today);

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

		// A reload before saving loses nothing: the form comes back from this browser's copy, once
		// the autosave (300 ms after the last change, the second comuna) has written it.
		await expect
			.poll(() =>
				page.evaluate(() =>
					Object.values(localStorage).some((value) => {
						try {
							const communes: unknown = JSON.parse(value)?.fields?.communes;
							return (
								Array.isArray(communes) &&
								communes.includes('05101') &&
								communes.includes('05109')
							);
						} catch {
							return false;
						}
					})
				)
			)
			.toBe(true);
		await page.reload();
		await expect(page.getByTestId('restored-notice')).toBeVisible();
		await expect(page.getByLabel('Título')).toHaveValue(title);
		await expect(page.getByRole('checkbox', { name: 'Viña del Mar', exact: true })).toBeChecked();
		await expect(page.getByLabel('Entrega de un flujo de información')).toHaveValue(String(ids.flow));

		await page.getByRole('button', { name: 'Guardar borrador' }).click();
		await expect(page).toHaveURL(/\/escritorio\/publicaciones\/\d+$/);
		id = Number(/(\d+)$/.exec(page.url())![1]);
		createdPublications.push(id);
		await expect(page.getByTestId('compose-status')).toHaveText('Estado: Borrador');
		await page.reload();
		await expect(page.getByLabel('Título')).toHaveValue(title);
		await expect(page.getByTestId('restored-notice')).toHaveCount(0);
		await expect(page.getByRole('checkbox', { name: 'Valparaíso', exact: true })).toBeChecked();
		await expect(page.getByLabel('Entrega de un flujo de información')).toHaveValue(String(ids.flow));
		await expect(page.getByLabel('Período que entrega (vencimiento)')).toHaveValue(today);
	});

	const anonStatus = () =>
		asAnon(browser, async (reader) => (await reader.goto(`/publicaciones/${id}`))?.status());

	await test.step('anonymous readers do not see the draft, nor the scheduled delivery', async () => {
		expect(await anonStatus()).toBe(404);
		const tomorrow = isoToChileLocal(new Date(Date.now() + 24 * 3600 * 1000).toISOString());
		await page.getByLabel('Fecha y hora de publicación').fill(tomorrow);
		await page.getByRole('button', { name: 'Programar' }).click();
		await expect(page.getByTestId('compose-status')).toHaveText('Estado: Programada');
		expect(await anonStatus()).toBe(404);
	});

	await test.step('published now, every version kept', async () => {
		await page.getByRole('button', { name: 'Publicar ahora' }).click();
		await expect(page.getByTestId('compose-status')).toHaveText('Estado: Publicada');
		await expect(page.getByTestId('versions').locator('li')).toHaveCount(3);
		await page.screenshot({ path: screens('publishing-desk-published'), fullPage: true });
		// The diff of the last two versions shows the status change.
		await page.getByRole('link', { name: 'Comparar con la anterior' }).first().click();
		await expect(page.getByTestId('version-diff')).toContainText('Publicada');
	});

	await test.step('the regional government finds it first in its inbox and acknowledges it', async () => {
		await inContext(browser, async (gore) => {
			await signIn(gore, users.gore, '/bandeja');
			const first = gore.getByTestId('inbox-item').first();
			await expect(first).toContainText(title);
			await first.getByRole('button', { name: /Acusar recibo/ }).click();
			await expect(gore.getByTestId('inbox-item').filter({ hasText: title })).toContainText(
				'Recibo acusado'
			);
			await gore.reload();
			// Acknowledged, it moves after the deliveries still unread (the sample leaves some).
			await expect(gore.getByTestId('inbox-item').first()).not.toContainText(title);
			await expect(gore.getByTestId('inbox-item').filter({ hasText: title })).toContainText(
				'Recibo acusado'
			);
		});
	});

	await test.step("the local mailbox holds the e-mail to the regional government's contact", async () => {
		const mailbox = process.env.LOCAL_MAILBOX_URL;
		const token = process.env.LOCAL_MAILBOX_TOKEN;
		expect(
			mailbox && token,
			'LOCAL_MAILBOX_URL and LOCAL_MAILBOX_TOKEN come from the stack'
		).toBeTruthy();
		// The app server's mail job runs every second in the browser tests (MAIL_POLL_MS).
		await expect
			.poll(
				async () => {
					const response = await fetch(`${mailbox}/messages?to=${encodeURIComponent(contact)}`, {
						headers: { authorization: `Bearer ${token}` }
					});
					return ((await response.json()) as { subject: string; text: string }[]).map((m) => ({
						subject: m.subject,
						links: m.text.includes(`/publicaciones/${id}`)
					}));
				},
				{ timeout: 30_000 }
			)
			.toEqual([{ subject: `Entrega de información: ${title}`, links: true }]);
	});

	await test.step('a planner filtering by one of its comunas finds it', async () => {
		await inContext(browser, async (planner) => {
			await signIn(planner, users.planner, '/publicaciones?region=05');
			await planner.getByLabel('Comuna', { exact: true }).selectOption('05109');
			await planner.getByRole('button', { name: 'Filtrar' }).click();
			await expect(planner).toHaveURL(/comuna=05109/);
			await expect(planner.getByTestId('publications-list')).toContainText(title);
			await planner.screenshot({ path: screens('publications-filtered'), fullPage: true });
		});
	});

	await test.step('published, anonymous readers see it, and the region feed carries it', async () => {
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
	});

	await test.step("the secretariat's compliance chart and table count the delivery on time", async () => {
		await page.goto(`/cumplimiento?desde=${today}`);
		expect(await chartOnTime(page)).toBe(onTimeBefore + 1);
		const row = page.locator(`[data-flow-id="${ids.flow}"]`);
		await expect(row.getByTestId('on-time')).toHaveText('1');
		// Acknowledged by its one recipient: the receipt rate is complete.
		await expect(row).toContainText('100 %');
		await page.screenshot({ path: screens('compliance-delivery'), fullPage: true });
	});
});

test('a secretariat of region 13 is refused at the API when it publishes or edits in region 05', async () => {
	// A real session: Auth signs the JWT, supabase-js sends it, PostgREST and RLS decide.
	const intruder = testClient();
	const session = await intruder.auth.signInWithPassword({
		email: users.secretariat13.email,
		password: users.secretariat13.password
	});
	expect(session.error).toBeNull();
	const none = null as unknown as string;
	const save = (overrides: Partial<SaveArgs>): SaveArgs => ({
		p_id: null as unknown as number,
		p_expected_updated_at: none,
		p_region_code: '05',
		p_title: tag('Intrusa de la región 13'),
		p_summary: none,
		p_body_md: none,
		p_kind: 'memo',
		p_status: 'published',
		p_scheduled_at: none,
		p_flow_id: null as unknown as number,
		p_due_on: none,
		p_communes: ['05101'],
		p_projects: [],
		p_commitments: [],
		...overrides
	});

	// Publishing in region 05, through the desk's function and by writing the table.
	const published = await intruder.rpc('save_publication', save({})).single();
	expect(published.error?.code).toBe('42501');
	const direct = await intruder
		.from('publications')
		.insert({ region_code: '05', title: tag('Intrusa directa'), kind: 'memo', status: 'published' })
		.select('id');
	expect(direct.error?.code).toBe('42501');
	const leaked = await service
		.from('publications')
		.select('id')
		.in('title', [tag('Intrusa de la región 13'), tag('Intrusa directa')]);
	expect(leaked.data).toEqual([]);

	// Editing a publication of region 05 it can read (a published one), even knowing its updated_at.
	const target = must(
		await service
			.from('publications')
			.insert({
				region_code: '05',
				title: tag('Minuta de la región 05'),
				kind: 'memo',
				status: 'published',
				published_at: new Date(Date.now() - 60_000).toISOString()
			})
			.select('id,updated_at')
			.single()
	);
	createdPublications.push(target.id);
	const edited = await intruder
		.rpc(
			'save_publication',
			save({
				p_id: target.id,
				p_expected_updated_at: target.updated_at,
				p_title: 'Cambiada',
				p_status: 'published'
			})
		)
		.single();
	expect(edited.error?.code).toBe('42501');
	const updated = await intruder
		.from('publications')
		.update({ title: 'Cambiada', status: 'archived' })
		.eq('id', target.id)
		.select('id');
	expect(updated.error).toBeNull();
	expect(updated.data).toEqual([]);
	const row = must(await service.from('publications').select('title,status').eq('id', target.id).single());
	expect(row).toEqual({ title: tag('Minuta de la región 05'), status: 'published' });
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

test('a new publication appears on an open region page without a reload, with a clean console', async ({
	page
}) => {
	// The local stack has no Realtime and says so (PUBLIC_SUPABASE_REALTIME=off): the page must not
	// try a WebSocket to it, which used to log a failed connection before falling back.
	const consoleErrors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	page.on('pageerror', (failure) => consoleErrors.push(failure.message));
	page.on('websocket', (socket) => consoleErrors.push(`WebSocket opened: ${socket.url()}`));
	await page.goto('/region/05');
	const live = page.getByTestId('live-publications');
	// It listens to the app's event stream at once, without waiting for Realtime to time out.
	await expect(live).toHaveAttribute('data-live', 'events', { timeout: 3_000 });
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
	expect(consoleErrors).toEqual([]);
});
