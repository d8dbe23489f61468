import { existsSync } from 'node:fs';
import { env } from '$env/dynamic/private';
import { HEADLESS_CHROMIUM_ARGS } from './chromium-args';

/**
 * A page of this app printed to PDF (or its figures captured as PNG) by a headless Chromium on the
 * server, as the signed-in person sees it (their session cookies go with the request, so RLS
 * applies as always). Chromium is not a dependency of the app: when none is installed
 * (`CHROMIUM_PATH`, else Debian's or Google's usual path) the caller says so in Spanish and the
 * page's own print button remains.
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

type Cookie = { name: string; value: string };

/** Opens `url` in a headless Chromium as the requester (cookies, JavaScript off) for `use`. */
async function withServerPage<T>(
	executablePath: string,
	url: string,
	cookies: Cookie[],
	options: { deviceScaleFactor?: number },
	use: (page: import('playwright-core').Page) => Promise<T>
): Promise<T> {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath,
		args: HEADLESS_CHROMIUM_ARGS
	});
	try {
		// The page is complete as the server renders it: no script needs to run to print it.
		const context = await browser.newContext({
			javaScriptEnabled: false,
			deviceScaleFactor: options.deviceScaleFactor ?? 1
		});
		await context.addCookies(cookies.map(({ name, value }) => ({ name, value, url })));
		const page = await context.newPage();
		const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
		if (!response?.ok()) throw new Error(`opening ${url}: HTTP ${response?.status()}`);
		return await use(page);
	} finally {
		await browser.close();
	}
}

export async function printToPdf(executablePath: string, url: string, cookies: Cookie[]): Promise<Buffer> {
	return withServerPage(executablePath, url, cookies, {}, async (page) => {
		await page.emulateMedia({ media: 'print' });
		return page.pdf({ preferCSSPageSize: true, printBackground: true });
	});
}

export interface ElementImage {
	png: Buffer;
	/** CSS pixels as laid out on the page (the PNG has `scale` times as many). */
	width: number;
	height: number;
}

/**
 * PNG screenshots of the page's elements marked `data-report-image="<name>"`, keyed by name, drawn
 * at `scale` device pixels per CSS pixel so they stay sharp when printed from Word.
 */
export async function captureImages(
	executablePath: string,
	url: string,
	cookies: Cookie[],
	scale = 2
): Promise<Map<string, ElementImage>> {
	return withServerPage(executablePath, url, cookies, { deviceScaleFactor: scale }, async (page) => {
		const images = new Map<string, ElementImage>();
		for (const element of await page.locator('[data-report-image]').all()) {
			const name = await element.getAttribute('data-report-image');
			const box = await element.boundingBox();
			if (!name || !box) continue;
			const png = await element.screenshot({ type: 'png', animations: 'disabled' });
			images.set(name, { png, width: Math.round(box.width), height: Math.round(box.height) });
		}
		return images;
	});
}
