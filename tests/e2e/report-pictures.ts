import { expect } from '@playwright/test';
import { docxPictures } from '../support/docx.ts';

// The executive report's .docx holds each area's chart and map as real PNGs, drawn
// at twice the CSS size, with Spanish alt text: what both PMG browser tests check of a download.
export async function expectReportPictures(file: Buffer, figures: { agreements: string }) {
	const pictures = await docxPictures(file);
	expect(pictures.map((p) => p.name).sort()).toEqual([
		'chart-1.1',
		'chart-1.2',
		'chart-1.3',
		'chart-2.1',
		'map-1.1',
		'map-1.2',
		'map-1.3',
		'map-2.1'
	]);
	for (const picture of pictures) {
		expect(picture.isPng, `${picture.name} is a PNG`).toBe(true);
		expect(picture.path).toMatch(/^word\/media\/[^/]+\.png$/);
		// A bar chart of two to six figures is ~450×80–200 CSS pixels, the region's map ~260 wide.
		expect(picture.width, `${picture.name} width`).toBeGreaterThanOrEqual(300);
		expect(picture.width, `${picture.name} width`).toBeLessThanOrEqual(2000);
		expect(picture.height, `${picture.name} height`).toBeGreaterThanOrEqual(100);
		expect(picture.height, `${picture.name} height`).toBeLessThanOrEqual(2000);
		expect(picture.bytes, `${picture.name} bytes`).toBeGreaterThan(3_000);
		expect(picture.title).toMatch(/^(Gráfico|Mapa) del requisito \d\.\d /);
	}
	const chart11 = pictures.find((p) => p.name === 'chart-1.1')!;
	expect(chart11.description).toContain(`Acuerdos vigentes en el año`);
	expect(chart11.description).toContain(`${figures.agreements} en `);
	// Each map's alt text is its caption, dated, then its legend with the comunas of each entry.
	const maps: Record<string, RegExp> = {
		'map-1.1': /^Comunas donde un acuerdo vigente en \d{4} identifica un problema territorial/,
		'map-1.2': /^Comunas con compromisos/,
		'map-1.3': /^Comunas según los compromisos de acuerdos formales/,
		'map-2.1': /^Comunas cuyo municipio recibe información regional/
	};
	for (const [name, caption] of Object.entries(maps)) {
		const description = pictures.find((p) => p.name === name)!.description;
		expect(description).toMatch(caption);
		expect(description).toMatch(
			/Datos al \d{2}-\d{2}-\d{4}\. Leyenda: .+, \d+ comunas?(; .+, \d+ comunas?)+\.$/
		);
	}
}
