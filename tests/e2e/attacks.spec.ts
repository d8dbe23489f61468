import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { zipSync } from 'fflate';
import { request as httpRequest } from 'node:http';
import { createMember, testClient } from '../support/supabase.ts';

// The HTTP side of the attack audit of issues 10 and 11 (the database side is
// tests/integration/attacks.test.ts): what a secretariat's pages say to caches, cross-site posts to
// the new desks' form actions, a zip bomb through the import's upload, and redirects that must stay
// on the site.

const run = randomUUID().slice(0, 8);
const account = {
	email: `attacks-e2e-sec05-${run}@example.test`,
	password: randomBytes(12).toString('base64url')
};
const service = () => testClient({ key: 'service' });
let userId: string | undefined;
const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' })
	.format(new Date())
	.slice(0, 4);

test.beforeAll(async () => {
	userId = await createMember(service(), { ...account, role: 'secretariat', region: '05' });
});

test.afterAll(async () => {
	if (userId) await service().auth.admin.deleteUser(userId);
});

/** The secretariat signed in through the form; the page's request context carries its cookies. */
async function signedIn(page: Page): Promise<APIRequestContext> {
	await page.goto('/login');
	await page.getByLabel('Correo electrónico').fill(account.email);
	await page.getByLabel('Contraseña').fill(account.password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	await expect(page.getByText(`Sesión iniciada como ${account.email}`)).toBeVisible();
	return page.request;
}

test('pages made for a signed-in person are never cached; public ones stay cacheable', async ({
	page,
	request: anonymous
}) => {
	const request = await signedIn(page);
	for (const path of [
		'/',
		`/pmg/${year}`,
		'/consejo',
		'/convenios',
		'/convenios/nuevo',
		'/importar',
		'/region/05'
	]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
	}
	// A route that chose its own caching keeps it.
	const csv = await request.get('/api/export/costos.csv?region=05');
	expect(csv.headers()['cache-control']).toBe('private, no-store');
	const publicPage = await anonymous.get('/region/05');
	expect(publicPage.headers()['cache-control']).toBeUndefined();
});

test('cross-site posts to the desks of issues 10 and 11 are refused before anything runs', async ({
	page
}) => {
	const request = await signedIn(page);
	for (const action of [
		'/consejo?/save',
		`/pmg/${year}?/save`,
		'/convenios/nuevo',
		'/importar?/preview',
		'/importar?/saveMapping'
	]) {
		const response = await request.post(action, {
			form: { place: 'Sala intrusa', title: 'Convenio intruso', mappingName: 'intrusa' },
			headers: { origin: 'https://evil.example' },
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(403);
	}
	const sessions = await service().from('council_sessions').select('id').eq('place', 'Sala intrusa');
	expect(sessions.data).toEqual([]);
});

test('a zip bomb uploaded to the import gets a clear Spanish error and the server keeps serving', async ({
	page,
	baseURL
}) => {
	const request = await signedIn(page);
	// 50 MB of zeros in about 50 kB: a spreadsheet that would inflate past any real one.
	const bomb = zipSync({ 'xl/sharedStrings.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
	expect(bomb.byteLength).toBeLessThan(1024 * 1024);
	const response = await request.post('/importar?/preview', {
		multipart: {
			file: { name: 'bomba.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bomb) }
		},
		headers: {
			origin: new URL(baseURL!).origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		}
	});
	const body = await response.text();
	expect(body).toContain('se expande a un tamaño desproporcionado');
	expect((await request.get('/health')).status()).toBe(200);
});

test('the PMG shortcut and the sign-in guards keep every redirect on the site', async ({
	request,
	baseURL
}) => {
	const site = new URL(baseURL!).origin;
	for (const path of [
		'/pmg?next=//evil.example',
		'/pmg/2026/informe?redirectTo=//evil.example',
		'/consejo?region=//evil.example'
	]) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect([303, 307], path).toContain(response.status());
		const location = new URL(response.headers()['location'], site);
		expect(location.origin, path).toBe(site);
	}
});

/**
 * A raw POST, declared or chunked, so the body's size is the attacker's choice and not the
 * client's. Only the headers go first: a server that refuses before reading answers at once (and
 * no unread body makes its close reset the connection under its answer); one that waits for the
 * body gets all of it after a second and answers after reading it.
 */
function rawPost(baseURL: string, path: string, bytes: number, chunked: boolean): Promise<number> {
	const target = new URL(path, baseURL);
	return new Promise((resolve, reject) => {
		const request = httpRequest(
			target,
			{
				method: 'POST',
				headers: {
					origin: target.origin,
					'content-type': 'application/x-www-form-urlencoded',
					...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(bytes) })
				}
			},
			(response) => {
				clearTimeout(sendBody);
				response.resume();
				resolve(response.statusCode ?? 0);
				request.destroy();
			}
		);
		request.on('error', reject);
		request.flushHeaders();
		const sendBody = setTimeout(() => {
			const chunk = Buffer.alloc(64 * 1024, 'a');
			let sent = 0;
			const pump = () => {
				while (sent < bytes) {
					const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
					sent += piece.length;
					if (!request.write(piece)) return void request.once('drain', pump);
				}
				request.end();
			};
			pump();
		}, 1000);
	});
}

test('only the import takes a large body: any other form is refused over 1 MiB, or without a length', async ({
	baseURL
}) => {
	for (const path of ['/login', '/language', '/consejo?/save']) {
		expect(await rawPost(baseURL!, path, 8 * 1024 * 1024, false), `${path} declared`).toBe(413);
		// No browser sends a form chunked; its size could only be learnt by reading it.
		expect(await rawPost(baseURL!, path, 8 * 1024 * 1024, true), `${path} chunked`).toBe(411);
	}
	// A normal-sized form still reaches its action (which answers it: no limit's refusal, no crash).
	const normal = await rawPost(baseURL!, '/login', 1024, false);
	expect([411, 413]).not.toContain(normal);
	expect(normal).toBeLessThan(500);
});
