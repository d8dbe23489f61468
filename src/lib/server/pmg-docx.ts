import {
	AlignmentType,
	Document,
	Footer,
	HeadingLevel,
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
import type { ReportArea } from '$lib/pmg/report';
import { markdownParagraphs } from '$lib/pmg/paragraphs';
import type { LoadedReport } from './pmg-report';

// The executive report as a Word document (it travels by e-mail and oficio): the same model as the
// HTML page, with the key figures as tables. Charts and the map stay on the printed/PDF version.

const A4 = { width: 11906, height: 16838 }; // twentieths of a point

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
	generatedAt: Date
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
					page: { size: A4, margin: { top: 1020, bottom: 1134, left: 907, right: 907 } }
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
					heading(translate(lang, 'pmg.report.achievements'), HeadingLevel.HEADING_1),
					...report.areas.flatMap((area) => [
						heading(`${area.code} ${area.name}`, HeadingLevel.HEADING_2),
						...texts(area.development, lang),
						new Paragraph({
							children: [
								new TextRun({ text: translate(lang, 'pmg.report.keyFigures'), bold: true })
							]
						}),
						figuresTable(area, report.year, lang)
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
