// Cell values as Chilean spreadsheets write them: pesos with dots for thousands, dates day first,
// decimal commas. Each parser returns the value or null when the text is not one.

const MAX_CLP = Number.MAX_SAFE_INTEGER;

/** Whole pesos: 12500000, 12.500.000, $ 12.500.000, 12,500,000 (an export in English). */
export function parseClp(value: unknown): number | null {
	if (typeof value === 'number') {
		return Number.isFinite(value) &&
			value >= 0 &&
			value <= MAX_CLP &&
			Number.isInteger(Math.round(value * 100) / 100)
			? Math.round(value)
			: null;
	}
	if (typeof value !== 'string') return null;
	const text = value.replace(/\s|\$|clp/gi, '');
	let digits: string | null = null;
	if (/^\d+$/.test(text)) digits = text;
	else if (/^\d{1,3}(\.\d{3})+(,0+)?$/.test(text)) digits = text.replace(/,0+$/, '').replace(/\./g, '');
	else if (/^\d{1,3}(,\d{3})+(\.0+)?$/.test(text)) digits = text.replace(/\.0+$/, '').replace(/,/g, '');
	if (digits === null) return null;
	const amount = Number(digits);
	return amount <= MAX_CLP ? amount : null;
}

const DAY_MS = 86_400_000;
// Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoDate(year: number, month: number, day: number): string | null {
	if (year < 1900 || year > 2100) return null;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
		return null;
	return date.toISOString().slice(0, 10);
}

/** A calendar day as YYYY-MM-DD: DD-MM-AAAA, DD/MM/AAAA, AAAA-MM-DD, a spreadsheet date or day number. */
export function parseDate(value: unknown): string | null {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime())
			? null
			: isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
	}
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value < 1 || value > 100_000) return null;
		const date = new Date(EXCEL_EPOCH + value * DAY_MS);
		return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
	}
	if (typeof value !== 'string') return null;
	const text = value.trim();
	let match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
	if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
	match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
	if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
	return null;
}

/** A decimal number with a point or a comma (not both, no thousands separators). */
export function parseDecimal(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (!/^[-+]?\d+([.,]\d+)?$/.test(text)) return null;
	return Number(text.replace(',', '.'));
}

/** A BIP code as the database keeps it (30123456-0): dots and spaces dropped, the check digit lower case. */
export function parseBip(value: unknown): string | null {
	const text = String(value).replace(/[\s.]/g, '').toLowerCase();
	return /^[0-9]{5,9}-[0-9k]$/.test(text) ? text : null;
}

/** Cells a spreadsheet would run as a formula (=cmd|' /C calc'!A0, @SUM, +1+1, -2+3). */
export function looksLikeFormula(text: string): boolean {
	return /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+([.,]\d+)?$/.test(text);
}
