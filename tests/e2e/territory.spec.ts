import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { GEO_FILES } from '../../src/lib/territory/geo-files';
import { createMember, testClient } from '../support/supabase.ts';
import { pixelOf, waitForMap } from './map-pixels';

// The territory pages end to end: the map is driven with the mouse the way a person would (the
// pixel of a place is computed from the view the live map publishes, see map-pixels.ts), and the same journey is done again with the
// keyboard only. Screenshots land in test-results/screens/ for a human look.

const screens = (name: string) => `test-results/screens/${name}.png`;

/** Tabs forward until the focused element matches, as a keyboard user would (bounded). */
async function tabTo(page: Page, target: Locator, maxPresses = 120) {
	for (let press = 0; press < maxPresses; press += 1) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error(`Could not reach the element with ${maxPresses} Tab presses`);
}

test('the national map leads to a region, its comunas and a comuna page', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Tablero nacional' })).toBeVisible();
	const regionList = page.getByTestId('region-list').getByRole('link');
	await expect(regionList).toHaveCount(16);
	// North to south: Arica y Parinacota first, Magallanes last, Santiago right after Valparaíso.
	await expect(regionList.first()).toContainText('Arica');
	await expect(regionList.last()).toContainText('Magallanes');
	await expect(regionList.nth(5)).toContainText('Valparaíso');
	await expect(regionList.nth(6)).toContainText('Metropolitana');

	const nationalMap = await waitForMap(page);

	const valparaiso = await pixelOf(page, nationalMap, GEO_FILES.regions, '05', GEO_FILES.regionLabels);
	await page.mouse.move(valparaiso.x, valparaiso.y);
	await expect(page.getByTestId('map-hover')).toContainText('Valparaíso');
	await page.screenshot({ path: screens('home'), fullPage: true });
	await page.mouse.click(valparaiso.x, valparaiso.y);

	await expect(page).toHaveURL(/\/region\/05$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Valparaíso');
	const communes = page.getByRole('navigation', { name: 'Provincias y comunas' });
	for (const name of ['Valparaíso', 'Viña del Mar', 'Quilpué', 'Isla de Pascua']) {
		await expect(communes.getByRole('link', { name, exact: true })).toBeVisible();
	}
	const regionMap = await waitForMap(page);

	const vinaDelMar = await pixelOf(page, regionMap, GEO_FILES.region('05'), '05109');
	await page.mouse.move(vinaDelMar.x, vinaDelMar.y);
	await expect(page.getByTestId('map-hover')).toHaveText('Viña del Mar');
	await page.screenshot({ path: screens('region'), fullPage: true });
	await page.mouse.click(vinaDelMar.x, vinaDelMar.y);
	// On the regional dashboard a click on a comuna filters everything to it; its page is a link away.
	await expect(page).toHaveURL(/\/region\/05\?comuna=05109$/);
	await communes.getByRole('link', { name: 'Viña del Mar', exact: true }).click();

	await expect(page).toHaveURL(/\/comuna\/05109$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Viña del Mar');
	const breadcrumb = page.getByRole('navigation', { name: 'Ruta de navegación' });
	await expect(breadcrumb.getByRole('link', { name: 'Chile' })).toHaveAttribute('href', '/');
	await expect(breadcrumb.getByRole('link', { name: 'Valparaíso', exact: true })).toHaveAttribute(
		'href',
		'/region/05'
	);
	await expect(breadcrumb.getByRole('link', { name: 'Provincia de Valparaíso' })).toHaveAttribute(
		'href',
		'/region/05#provincia-051'
	);
	await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText('Viña del Mar');
	await expect(page.getByTestId('commune-code')).toHaveText('05109');
	await waitForMap(page);
	await page.screenshot({ path: screens('comuna'), fullPage: true });
});

test('the same journey works with the keyboard only', async ({ page }) => {
	// Dozens of Tab presses across three dashboards, each a round trip to the browser: slow on a
	// loaded machine, not a sign of a problem.
	test.slow();
	await page.goto('/');
	await waitForMap(page);

	// A skip link near the title jumps over the dashboard to the list of regions.
	await tabTo(page, page.getByRole('link', { name: 'Ir a la lista de regiones' }));
	await page.keyboard.press('Enter');
	const regionLink = page.getByTestId('region-list').getByRole('link', { name: /Valparaíso/ });
	await tabTo(page, regionLink);
	// The focus must be visible, not just present.
	const outline = await regionLink.evaluate((element) => getComputedStyle(element).outlineStyle);
	expect(outline).not.toBe('none');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/region\/05$/);

	await tabTo(page, page.getByRole('link', { name: 'Ir a la lista de provincias y comunas' }));
	await page.keyboard.press('Enter');
	const quilpue = page
		.getByRole('navigation', { name: 'Provincias y comunas' })
		.getByRole('link', { name: 'Quilpué', exact: true });
	await tabTo(page, quilpue);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/comuna\/05801$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quilpué');

	const regionCrumb = page
		.getByRole('navigation', { name: 'Ruta de navegación' })
		.getByRole('link', { name: 'Valparaíso', exact: true });
	await tabTo(page, regionCrumb);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/region\/05$/);
});

test('Antártica says it has no polygon instead of highlighting one', async ({ page }) => {
	await page.goto('/comuna/12202');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antártica');
	await expect(page.getByRole('note')).toContainText('no tiene polígono');
	await waitForMap(page);
	await page.screenshot({ path: screens('comuna-antartica'), fullPage: true });
});

test('an unknown region or address gets a Spanish 404', async ({ page }) => {
	const response = await page.goto('/region/99');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
	await expect(page.getByTestId('error-detail')).toHaveText('No existe una región con el código «99».');
	await expect(page.getByRole('link', { name: 'Volver al inicio' })).toHaveAttribute('href', '/');
	await page.screenshot({ path: screens('404'), fullPage: true });

	const unknownPage = await page.goto('/esto-no-existe');
	expect(unknownPage?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');

	const unknownCommune = await page.goto('/comuna/99999');
	expect(unknownCommune?.status()).toBe(404);
	await expect(page.getByTestId('error-detail')).toHaveText('No existe una comuna con el código «99999».');
});

test('signing in with a wrong password shows a Spanish error next to the form', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Iniciar sesión' }).click();
	await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);

	// Empty form: each field says what is missing, next to it.
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page.getByText('Escribe tu correo electrónico.')).toBeVisible();
	await expect(page.getByText('Escribe tu contraseña.')).toBeVisible();
	await expect(page.getByLabel('Correo electrónico')).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('Correo electrónico').fill('nadie@example.cl');
	await page.getByLabel('Contraseña').fill('una contraseña equivocada');
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page.getByTestId('login-error')).toHaveText('Correo o contraseña incorrectos.');
	// The e-mail is kept, the password is not sent back.
	await expect(page.getByLabel('Correo electrónico')).toHaveValue('nadie@example.cl');
	await expect(page.getByLabel('Contraseña')).toHaveValue('');
	await expect(page.getByRole('link', { name: 'Iniciar sesión' })).toHaveCount(0);
	await page.screenshot({ path: screens('login'), fullPage: true });
});

test('the interface switches to English and back', async ({ page }) => {
	await page.goto('/region/05');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/region\/05$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Provinces and communes' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: 'Español' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Provincias y comunas' })).toBeVisible();
});

test('on a phone the list goes under the map', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/region/05');
	const map = await waitForMap(page);
	const list = page.getByRole('navigation', { name: 'Provincias y comunas' });
	const [mapBox, listBox] = [await map.boundingBox(), await list.boundingBox()];
	expect(mapBox && listBox && listBox.y >= mapBox.y + mapBox.height).toBe(true);
	expect(mapBox!.width).toBeGreaterThan(300);
	await page.screenshot({ path: screens('region-mobile') });
});

test('a user signs in, comes back to the page they were on, and signs out', async ({ page }) => {
	const admin = testClient({ key: 'service' });
	const email = `e2e-${Date.now()}@example.cl`;
	const password = randomBytes(12).toString('base64url');
	// An account without a membership: signing in and out needs no role.
	const userId = await createMember(admin, { email, password });
	try {
		await page.goto('/region/05');
		await page.getByRole('link', { name: 'Iniciar sesión' }).click();
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fregion%2F05$/);
		await page.getByLabel('Correo electrónico').fill(email);
		await page.getByLabel('Contraseña').fill(password);
		await page.getByRole('button', { name: 'Ingresar' }).click();

		await expect(page).toHaveURL(/\/region\/05$/);
		await expect(page.getByText(`Sesión iniciada como ${email}`)).toBeVisible();
		// The session survives a full reload: it lives in cookies the server verifies.
		await page.reload();
		await expect(page.getByText(`Sesión iniciada como ${email}`)).toBeVisible();
		// Signed in, the login page has nothing to offer.
		await page.goto('/login');
		await expect(page).toHaveURL(/\/$/);

		await page.getByRole('button', { name: 'Cerrar sesión' }).click();
		await expect(page.getByRole('link', { name: 'Iniciar sesión' })).toBeVisible();
		await page.reload();
		await expect(page.getByRole('link', { name: 'Iniciar sesión' })).toBeVisible();
	} finally {
		await admin.auth.admin.deleteUser(userId);
	}
});
