import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { testClient } from '../support/supabase.ts';

// A flow by e-mail from the secretariat's desk to the regional government's inbox (issue 9 §2–3):
// the desk flags the period due soon, a delivery is published (through the API: the compose page
// is the publishing area's), the regional government sees it unread first and acknowledges it in
// one click, the local mailbox holds the e-mail the app server's mail job sent, and the
// compliance table counts the delivery on time.

const run = randomUUID().slice(0, 8);
const password = `clave-${randomUUID()}`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(new Date());
const emails = { secretariat: `e2e-sec-${run}@example.test`, gore: `e2e-gore-${run}@example.test` };
const contact = `contacto-${run}@gore05.invalid`;
const information = `Cartera por correo [e2e ${run}]`;
const title = `Entrega de la cartera [e2e ${run}]`;
const ids: Record<string, number> = {};
const userIds: string[] = [];

const service = () => testClient({ key: 'service' });

function must<T>(result: { data: T; error: { message: string } | null }): NonNullable<T> {
	if (result.error) throw new Error(result.error.message);
	return result.data as NonNullable<T>;
}

async function signIn(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	const admin = service();
	for (const [role, email] of Object.entries(emails) as ['secretariat' | 'gore', string][]) {
		const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
		if (created.error) throw created.error;
		userIds.push(created.data.user.id);
		must(
			await admin.from('memberships').insert({ user_id: created.data.user.id, role, region_code: '05' })
		);
	}
	ids.gore05 = must(
		await admin
			.from('institutions')
			.select('id')
			.eq('kind', 'regional_government')
			.eq('region_code', '05')
			.single()
	).id;
	ids.flow = must(
		await admin
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
		await admin
			.from('information_flow_recipients')
			.insert({ flow_id: ids.flow, institution_id: ids.gore05 })
	);
	must(
		await admin
			.from('contacts')
			.insert({ institution_id: ids.gore05, name: 'Contacto e2e', email: contact })
	);
});

test.afterAll(async () => {
	const admin = service();
	if (ids.publication) {
		await admin.from('acknowledgements').delete().eq('publication_id', ids.publication);
		await admin.from('publications').delete().eq('id', ids.publication);
	}
	if (ids.flow) await admin.from('information_flows').delete().eq('id', ids.flow);
	await admin.from('contacts').delete().eq('email', contact);
	for (const id of userIds) await admin.auth.admin.deleteUser(id);
});

test('the secretariat’s desk flags the period due within 7 days', async ({ page }) => {
	await signIn(page, emails.secretariat);
	await page.goto('/escritorio');
	const alert = page.getByTestId('desk-alerts').getByRole('row').filter({ hasText: information });
	await expect(alert).toContainText('Vence el');
	await expect(alert.getByRole('link', { name: 'Preparar entrega' })).toHaveAttribute(
		'href',
		`/escritorio/publicaciones/nueva?flujo=${ids.flow}&periodo=${today}`
	);
	await expect(page.getByTestId('desk-flows')).toContainText(information);
});

test('a delivery reaches the inbox unread first, is acknowledged, mailed and counted on time', async ({
	browser
}) => {
	// Published by the secretariat through the API, under its own session and RLS.
	const secretariat = testClient();
	const session = await secretariat.auth.signInWithPassword({ email: emails.secretariat, password });
	expect(session.error).toBeNull();
	ids.publication = must(
		await secretariat
			.from('publications')
			.insert({
				region_code: '05',
				title,
				summary: 'La cartera regional de este mes.',
				kind: 'report',
				status: 'published',
				flow_id: ids.flow,
				due_on: today
			})
			.select('id')
			.single()
	).id;

	const gore = await browser.newPage();
	await signIn(gore, emails.gore);
	await gore.goto('/bandeja');
	const first = gore.getByTestId('inbox-item').first();
	await expect(first).toContainText(title);
	await first.getByRole('button', { name: /Acusar recibo/ }).click();
	const ours = gore.getByTestId('inbox-item').filter({ hasText: title });
	await expect(ours).toContainText('Recibo acusado');
	await gore.reload();
	// Acknowledged, it moves after the deliveries still unread (the sample leaves some).
	await expect(gore.getByTestId('inbox-item').first()).not.toContainText(title);
	await expect(gore.getByTestId('inbox-item').filter({ hasText: title })).toContainText('Recibo acusado');

	// The app server's mail job sent it to the contact: the local mailbox holds it.
	const mailbox = process.env.LOCAL_MAILBOX_URL;
	const token = process.env.LOCAL_MAILBOX_TOKEN;
	expect(mailbox && token, 'LOCAL_MAILBOX_URL and LOCAL_MAILBOX_TOKEN come from the stack').toBeTruthy();
	await expect
		.poll(
			async () => {
				const response = await fetch(`${mailbox}/messages?to=${encodeURIComponent(contact)}`, {
					headers: { authorization: `Bearer ${token}` }
				});
				return ((await response.json()) as { subject: string }[]).map((m) => m.subject);
			},
			{ timeout: 20_000 }
		)
		.toEqual([`Entrega de información: ${title}`]);

	const desk = await browser.newPage();
	await signIn(desk, emails.secretariat);
	await desk.goto(`/cumplimiento?desde=${today}`);
	const row = desk.locator(`[data-flow-id="${ids.flow}"]`);
	await expect(row.getByTestId('on-time')).toHaveText('1');
	await expect(row).toContainText('100 %');
});
