import { existsSync } from 'node:fs';
import { env } from '$env/dynamic/private';
import { HEADLESS_CHROMIUM_ARGS } from './chromium-args';

/**
 * A page of this app printed to PDF by a headless Chromium on the server, as the signed-in person
 * sees it (their session cookies go with the request, so RLS applies as always). Chromium is not
 * a dependency of the app: when none is installed (`CHROMIUM_PATH`, else Debian's or Google's
 * usual path) the caller says so in Spanish and the page's own print button remains.
 * `PDF_ORIGIN` names the origin Chromium should load the page from when the public `ORIGIN` is
 * not reachable from the server itself (behind a reverse proxy).
 */

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string | null {
	const configured = env.CHROMIUM_PATH;
	if (configured) return existsSync(configured) ? configured : null;
	return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function pdfOrigin(requestOrigin: string): string {
	return env.PDF_ORIGIN || requestOrigin;
}

export async function printToPdf(
	executablePath: string,
	url: string,
	cookies: { name: string; value: string }[]
): Promise<Buffer> {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath,
		args: HEADLESS_CHROMIUM_ARGS
	});
	try {
		// The page is complete as the server renders it: no script needs to run to print it.
		const context = await browser.newContext({ javaScriptEnabled: false });
		await context.addCookies(cookies.map(({ name, value }) => ({ name, value, url })));
		const page = await context.newPage();
		const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
		if (!response?.ok()) throw new Error(`printing ${url}: HTTP ${response?.status()}`);
		await page.emulateMedia({ media: 'print' });
		return await page.pdf({ preferCSSPageSize: true, printBackground: true });
	} finally {
		await browser.close();
	}
}
