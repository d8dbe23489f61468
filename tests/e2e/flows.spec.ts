import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createMember, testClient } from '../support/supabase.ts';

// The secretariat's flows desk (issue 9 §2): a period due within 7 days is flagged before it is
// late, with the link that prepares its delivery. The delivery itself — composed, published, in the
// regional government's inbox and mailbox, counted on time — is the publishing journey's
// (publishing.spec.ts).

const run = randomUUID().slice(0, 8);
const password = `clave-${randomUUID()}`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(new Date());
const email = `e2e-sec-${run}@example.test`;
const information = `Cartera por correo [e2e ${run}]`;
const ids: Record<string, number> = {};
const userIds: string[] = [];

const service = () => testClient({ key: 'service' });

function must<T>(result: { data: T; error: { message: string } | null }): NonNullable<T> {
	if (result.error) throw new Error(result.error.message);
	return result.data as NonNullable<T>;
}

async function signIn(page: Page) {
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

test.beforeAll(async () => {
	const admin = service();
	userIds.push(await createMember(admin, { email, password, role: 'secretariat', region: '05' }));
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
});

test.afterAll(async () => {
	const admin = service();
	if (ids.flow) await admin.from('information_flows').delete().eq('id', ids.flow);
	for (const id of userIds) await admin.auth.admin.deleteUser(id);
});

test('the secretariat’s desk flags the period due within 7 days', async ({ page }) => {
	await signIn(page);
	await page.goto('/escritorio');
	const alert = page.getByTestId('desk-alerts').getByRole('row').filter({ hasText: information });
	await expect(alert).toContainText('Vence el');
	await expect(alert.getByRole('link', { name: 'Preparar entrega' })).toHaveAttribute(
		'href',
		`/escritorio/publicaciones/nueva?flujo=${ids.flow}&periodo=${today}`
	);
	await expect(page.getByTestId('desk-flows')).toContainText(information);
});
