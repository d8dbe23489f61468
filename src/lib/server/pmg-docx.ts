import {
	AlignmentType,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { formatDate, formatDateTime } from '$lib/format';
import { enumLabel } from '$lib/i18n/enums';
import { translate, type Language } from '$lib/i18n';
import { formatFigure } from '$lib/pmg/figure-format';
import { reportImageName, type ReportArea } from '$lib/pmg/report';
import { mapDescription } from '$lib/pmg/report-maps';
import { markdownParagraphs } from '$lib/pmg/paragraphs';
import type { ElementImage } from './pdf';
import type { LoadedReport } from './pmg-report';

// The executive report as a Word document (it travels by e-mail and oficio): the same model as the
// HTML page, with the key figures as tables and each area's chart and map as the pictures the
// report page draws (captured by the server's Chromium, `captureImages`).

const A4 = { width: 11906, height: 16838 }; // twentieths of a point
const MARGIN = { top: 1020, bottom: 1134, left: 907, right: 907 };
/** The text column in pixels at 96 per inch (1440 twentieths of a point per inch). */
const COLUMN_PX = Math.floor(((A4.width - MARGIN.left - MARGIN.right) / 1440) * 96);

/** An area's chart or map as an inline picture, no wider than the text column, with its alt text. */
function picture(image: ElementImage, name: string, title: string, description: string): Paragraph {
	const scale = Math.min(1, COLUMN_PX / image.width);
	return new Paragraph({
		spacing: { before: 120, after: 120 },
		children: [
			new ImageRun({
				type: 'png',
				data: image.png,
				transformation: {
					width: Math.round(image.width * scale),
					height: Math.round(image.height * scale)
				},
				altText: { name, title, description }
			})
		]
	});
}

function areaPictures(
	area: ReportArea,
	loaded: LoadedReport,
	images: Map<string, ElementImage>,
	lang: Language
): Paragraph[] {
	const { report, shadings } = loaded;
	const national = loaded.evaluation.evidence.evidence.region_code === null;
	const pictures: Paragraph[] = [];
	const chart = images.get(reportImageName('chart', area.code));
	if (chart) {
		const figures = area.chart
			.map((figure) =>
				translate(lang, 'pmg.report.chartAltFigure', {
					label: translate(lang, figure.key),
					previous: formatFigure(figure.previous, figure.format, lang),
					previousYear: report.year - 1,
					value: formatFigure(figure.value, figure.format, lang),
					year: report.year
				})
			)
			.join('; ');
		pictures.push(
			picture(
				chart,
				reportImageName('chart', area.code),
				translate(lang, 'pmg.report.chartAltTitle', { code: area.code, name: area.name }),
				translate(lang, 'pmg.report.chartAlt', { figures })
			)
		);
	}
	const map = images.get(reportImageName('map', area.code));
	const shading = shadings[area.code];
	if (map && shading) {
		pictures.push(
			picture(
				map,
				reportImageName('map', area.code),
				translate(lang, 'pmg.report.mapAltTitle', { code: area.code, name: area.name }),
				mapDescription(shading, national, lang)
			)
		);
	}
	return pictures;
}

function texts(source: string | null, lang: Language): Paragraph[] {
	const lines = markdownParagraphs(source);
	if (lines.length === 0) {
		return [
			new Paragraph({
				children: [new TextRun({ text: translate(lang, 'pmg.report.noText'), italics: true })]
			})
		];
	}
	return lines.map((line) => new Paragraph({ text: line, spacing: { after: 120 } }));
}

function cell(text: string, options: { bold?: boolean; right?: boolean } = {}): TableCell {
	return new TableCell({
		children: [
			new Paragraph({
				alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
				children: [new TextRun({ text, bold: options.bold })]
			})
		]
	});
}

function figuresTable(area: ReportArea, year: number, lang: Language): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({
				tableHeader: true,
				children: [
					cell(translate(lang, 'pmg.evidence.figure'), { bold: true }),
					cell(String(year - 1), { bold: true, right: true }),
					cell(String(year), { bold: true, right: true })
				]
			}),
			...area.figures.map(
				(figure) =>
					new TableRow({
						children: [
							cell(translate(lang, figure.key)),
							cell(formatFigure(figure.previous, figure.format, lang), { right: true }),
							cell(formatFigure(figure.value, figure.format, lang), { right: true })
						]
					})
			)
		]
	});
}

export async function executiveReportDocx(
	loaded: LoadedReport,
	lang: Language,
	generatedAt: Date,
	/** The report page's pictures by name; empty when the server has no Chromium to draw them. */
	images: Map<string, ElementImage>
): Promise<Buffer> {
	const { evaluation, report } = loaded;
	const part = evaluation.region?.name ?? translate(lang, 'pmg.part.national');
	const generated = formatDate(generatedAt, lang);
	const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
		new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });

	const status = report.status
		? translate(lang, 'pmg.report.status', {
				status: enumLabel(lang, 'pmg_evaluation_status', report.status)
			})
		: translate(lang, 'pmg.status.none');
	const evidenceDate = formatDateTime(report.evidenceAsOf, lang);

	const document = new Document({
		creator: translate(lang, 'pmg.report.source'),
		title: `${translate(lang, 'pmg.report.title')} ${report.year}`,
		sections: [
			{
				properties: {
					page: { size: A4, margin: MARGIN }
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [
									new TextRun(
										`${translate(lang, 'pmg.report.source')} · ${generated} · ${translate(lang, 'pmg.report.page')} `
									),
									new TextRun({ children: [PageNumber.CURRENT] }),
									new TextRun(` ${translate(lang, 'pmg.report.of')} `),
									new TextRun({ children: [PageNumber.TOTAL_PAGES] })
								]
							})
						]
					})
				},
				children: [
					new Paragraph({
						children: [new TextRun({ text: evaluation.institution.name, bold: true })]
					}),
					new Paragraph({ text: translate(lang, 'pmg.report.title'), heading: HeadingLevel.TITLE }),
					new Paragraph({
						text: translate(lang, 'pmg.report.subtitle', { year: report.year, part })
					}),
					new Paragraph({
						children: [
							new TextRun({
								text: `${translate(lang, 'pmg.report.generated', { date: generated })} · ${status} · ${
									report.evidenceFrozen
										? translate(lang, 'pmg.evidence.frozen', { date: evidenceDate })
										: translate(lang, 'pmg.evidence.computed', { date: evidenceDate })
								}`,
								size: 18
							})
						]
					}),
					...(images.size === 0
						? [
								new Paragraph({
									children: [
										new TextRun({
											text: translate(lang, 'pmg.report.imagesInPdf'),
											italics: true
										})
									]
								})
							]
						: []),
					heading(translate(lang, 'pmg.report.achievements'), HeadingLevel.HEADING_1),
					...report.areas.flatMap((area) => [
						heading(`${area.code} ${area.name}`, HeadingLevel.HEADING_2),
						...texts(area.development, lang),
						new Paragraph({
							children: [
								new TextRun({ text: translate(lang, 'pmg.report.keyFigures'), bold: true })
							]
						}),
						figuresTable(area, report.year, lang),
						...areaPictures(area, loaded, images, lang)
					]),
					heading(translate(lang, 'pmg.report.recommendations'), HeadingLevel.HEADING_1),
					...report.areas.flatMap((area) => [
						heading(`${area.code} ${area.name}`, HeadingLevel.HEADING_2),
						...texts(area.recommendations, lang)
					]),
					heading(translate(lang, 'pmg.report.toSubdere'), HeadingLevel.HEADING_1),
					...(report.toSubdere.development ? texts(report.toSubdere.development, lang) : []),
					...texts(report.toSubdere.recommendations, lang)
				]
			}
		]
	});
	return Packer.toBuffer(document);
}
