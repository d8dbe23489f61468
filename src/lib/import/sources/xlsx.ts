import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { ImportFileError } from '../errors.ts';
import type { SourceRecord } from '../validate.ts';
import { readZip } from '../zip.ts';
import { headerNames } from './headers.ts';
import { sourceOf, type ImportSource } from './source.ts';

// Excel workbooks: the first sheet, its first non-empty row as headers. The archive is opened and
// checked by readZip (sizes, ratio) and every XML part refused if it declares a DTD (billion
// laughs, external entities) before ExcelJS sees it; ExcelJS then reads a re-packed copy of
// exactly the bytes that were checked.

const DTD = /<!DOCTYPE|<!ENTITY/i;

function cellValue(value: ExcelJS.CellValue): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date || typeof value !== 'object') return value;
	if ('richText' in value) return value.richText.map((part) => part.text).join('');
	if ('formula' in value || 'sharedFormula' in value) {
		// The value Excel computed; a formula without one stays a formula, which the validator refuses.
		const result = (value as ExcelJS.CellFormulaValue).result;
		if (result !== undefined && result !== null && typeof result !== 'object') return result;
		if (result instanceof Date) return result;
		return `=${(value as ExcelJS.CellFormulaValue).formula ?? ''}`;
	}
	if ('text' in value) return value.text;
	if ('error' in value) return null;
	return null;
}

export async function openXlsx(bytes: Uint8Array): Promise<ImportSource> {
	const entries = readZip(bytes);
	const decoder = new TextDecoder();
	for (const [name, data] of entries)
		if (/\.(xml|rels)$/i.test(name) && DTD.test(decoder.decode(data.subarray(0, 4096))))
			throw new ImportFileError('xml_entities');
	if (!entries.has('[Content_Types].xml')) throw new ImportFileError('xlsx_invalid');

	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(zipSync(Object.fromEntries(entries), { level: 0 })) as never);
	} catch {
		throw new ImportFileError('xlsx_invalid');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new ImportFileError('empty');
	let headers: string[] | null = null;
	const records: SourceRecord[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
		if (!headers) {
			headers = headerNames(cells);
			return;
		}
		const values: Record<string, unknown> = {};
		headers.forEach((header, i) => (values[header] = cells[i] ?? null));
		records.push({ row: rowNumber, values });
	});
	if (!headers) throw new ImportFileError('empty');
	return sourceOf('xlsx', headers, records);
}
