// The text of a PDF that a test produced (Chromium's page.pdf), page by page, through Mozilla's
// PDF.js: a test checks what is printed, not only that a file came out. (PDF.js refuses a Node
// Buffer, which page.pdf returns, so the bytes are copied into a plain Uint8Array.)
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
	const loading = getDocument({
		data: new Uint8Array(bytes),
		useSystemFonts: false
	});
	const document = await loading.promise;
	const pages: string[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		pages.push(
			content.items
				.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
				.join('')
				.replace(/[ \t]+/g, ' ')
		);
	}
	await loading.destroy();
	return pages;
}
