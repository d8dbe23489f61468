import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVIL_HOST, redirectBypassVectors } from '../../src/lib/auth/redirect-vectors';
import { createMember, testClient } from '../support/supabase.ts';

// The app as a browser sees it: response headers, the CSP with the maps running under it, framing,
// open redirects after a real sign-in, and bad form bodies (docs/SECURITY.md, "The app in the browser").

const supabaseUrl = process.env.PUBLIC_SUPABASE_URL!;

/** CSP violations and console errors of a page, collected from before its first script runs. */
async function watchViolations(page: Page) {
	const messages: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) messages.push(message.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`Refused to load (CSP violation) ${event.violatedDirective} ${event.blockedURI}`);
		});
	});
	return messages;
}

test('every page carries the security headers, with the API origin in connect-src', async ({ request }) => {
	expect(supabaseUrl, 'PUBLIC_SUPABASE_URL').toBeTruthy();
	for (const path of ['/', '/login', '/region/05']) {
		const response = await request.get(path);
		expect(response.status()).toBe(200);
		const headers = response.headers();
		const csp = headers['content-security-policy'];
		expect(csp, path).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
		expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		expect(csp).toMatch(
			new RegExp(`connect-src 'self' ${new URL(supabaseUrl).origin.replace(/[.]/g, '\\.')}`)
		);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['x-frame-options']).toBe('DENY');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy']).toContain('camera=()');
		// Plain HTTP here: HSTS would be ignored, and is only sent over HTTPS.
		expect(headers['strict-transport-security']).toBeUndefined();
	}
	const nonces = await Promise.all(
		[1, 2].map(
			async () =>
				/'nonce-([^']+)'/.exec((await request.get('/')).headers()['content-security-policy'])![1]
		)
	);
	expect(nonces[0]).not.toBe(nonces[1]);
});

test('the maps reach idle under the CSP, without a single violation', async ({ page }) => {
	const violations = await watchViolations(page);
	for (const path of ['/', '/region/05']) {
		await page.goto(path);
		await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
	}
	expect(violations).toEqual([]);
});

test('/login refuses to render inside a foreign frame', async ({ page, baseURL }) => {
	// Another origin (another port on the loopback, so Chromium's Private Network Access lets it
	// frame the app at all), served by the test. The control frame shows a static file of the app,
	// which may be framed: it proves frames render in this harness.
	const foreignSite = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html' });
		response.end(`<!doctype html><title>foreign</title>
			<iframe id="control" src="${baseURL}/favicon.svg"></iframe>
			<iframe id="victim" src="${baseURL}/login"></iframe>`);
	});
	await new Promise<void>((resolve) => foreignSite.listen(0, '127.0.0.1', resolve));
	try {
		const { port } = foreignSite.address() as AddressInfo;
		// goto waits for the load event, which waits for both frames.
		await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
		await expect(page.frameLocator('#control').locator('svg')).toHaveCount(1);
		await expect(
			page.frameLocator('#victim').getByRole('heading', { name: 'Iniciar sesión' })
		).toHaveCount(0);
		await expect(page.frameLocator('#victim').locator('form')).toHaveCount(0);
	} finally {
		foreignSite.close();
	}
});

test.describe('signing in never leaves the site', () => {
	const email = `redirect-${Date.now()}@example.cl`;
	const password = randomBytes(12).toString('base64url');
	let userId: string | undefined;
	const admin = () => testClient({ key: 'service' });

	test.beforeAll(async () => {
		// An account without a membership: where sign-in sends it does not depend on a role.
		userId = await createMember(admin(), { email, password });
	});
	test.afterAll(async () => {
		if (userId) await admin().auth.admin.deleteUser(userId);
	});

	test(`after a real sign-in, ${redirectBypassVectors.length} bypass vectors all land on this site`, async ({
		playwright,
		baseURL
	}) => {
		const site = new URL(baseURL!);
		for (const vector of redirectBypassVectors) {
			// A fresh context per attempt: a signed-in session would be sent away from /login.
			const request = await playwright.request.newContext({ baseURL });
			const response = await request.post(`/login?redirectTo=${encodeURIComponent(vector)}`, {
				form: { email, password },
				headers: { origin: site.origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status(), JSON.stringify(vector)).toBe(303);
			const location = response.headers()['location'];
			const landed = new URL(location, site);
			expect(landed.origin, `${JSON.stringify(vector)} → ${location}`).toBe(site.origin);
			expect(location.startsWith('/') && !location.startsWith('//'), location).toBe(true);
			await request.dispose();
		}
	});

	test('the browser follows /.//evil.example to the home page', async ({ page, baseURL }) => {
		await page.goto(`/login?redirectTo=${encodeURIComponent(`/.//${EVIL_HOST}`)}`);
		await page.getByLabel('Correo electrónico').fill(email);
		await page.getByLabel('Contraseña').fill(password);
		await page.getByRole('button', { name: 'Ingresar' }).click();
		await expect(page.getByText(`Sesión iniciada como ${email}`)).toBeVisible();
		expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
		expect(new URL(page.url()).pathname).toBe('/');
	});
});

test('bad form bodies are the client’s error (400), not the server’s', async ({ request, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const html = { origin, accept: 'text/html' };
	const nulInPassword = await request.post('/login', {
		headers: html,
		form: { email: 'ana@mop.gob.cl', password: 'se\u0000creto' }
	});
	expect(nulInPassword.status()).toBe(400);
	expect(await nulInPassword.text()).toContain('Contiene caracteres no permitidos.');
	const nulInEmail = await request.post('/login', {
		headers: html,
		form: { email: 'ana\u0000@mop.gob.cl', password: 'x' }
	});
	expect(nulInEmail.status()).toBe(400);
	const brokenMultipart = await request.post('/login', {
		headers: { ...html, 'content-type': 'multipart/form-data; boundary=XYZ' },
		data: '--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nana@mop.gob.cl'
	});
	expect(brokenMultipart.status()).toBe(400);
	expect(await brokenMultipart.text()).toContain('El formulario llegó incompleto o dañado.');
});

test('/health reports the API and the database', async ({ request }) => {
	const response = await request.get('/health');
	expect(response.status()).toBe(200);
	expect(response.headers()['cache-control']).toBe('no-store');
	const report = await response.json();
	expect(report).toMatchObject({ status: 'ok', checks: { api: { ok: true }, database: { ok: true } } });
	expect(JSON.stringify(report)).not.toMatch(/eyJ|password|secret/i);
});
