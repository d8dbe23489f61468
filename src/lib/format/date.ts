import { LOCALES, type Language } from '$lib/i18n';

/**
 * Dates from the database arrive as `YYYY-MM-DD` (a calendar day, no time zone) or as timestamps.
 * A calendar day is formatted as itself: parsing it with `new Date('2026-11-30')` would read it as
 * UTC midnight and show the 29th in Chile.
 */
function toDate(value: string | Date): Date {
	if (value instanceof Date) return value;
	const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12));
	return new Date(value);
}

// Timestamps are shown in Chile's time whatever the server's or the browser's zone.
const TIME_ZONE = 'America/Santiago';

function zoneFor(value: string | Date): string {
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : TIME_ZONE;
}

/** `30-11-2026` (Spanish) or `11/30/2026` (English). */
export function formatDate(value: string | Date, language: Language = 'es'): string {
	const date = toDate(value);
	const parts = new Intl.DateTimeFormat(LOCALES[language], {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: zoneFor(value)
	}).formatToParts(date);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return language === 'es'
		? `${get('day')}-${get('month')}-${get('year')}`
		: `${get('month')}/${get('day')}/${get('year')}`;
}

/** `30 nov 2026` (Spanish) or `Nov 30, 2026` (English). */
export function formatDateLong(value: string | Date, language: Language = 'es'): string {
	const text = new Intl.DateTimeFormat(LOCALES[language], {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: zoneFor(value)
	}).format(toDate(value));
	// es-CL writes "30 nov 2026" in recent ICU and "30-nov-2026" or "30 nov. 2026" in older ones.
	return language === 'es' ? text.replace(/-/g, ' ').replace('.', '') : text;
}

/** `30-11-2026 14:05` in Chile's time. */
export function formatDateTime(value: string | Date, language: Language = 'es'): string {
	const date = toDate(value);
	const time = new Intl.DateTimeFormat(LOCALES[language], {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TIME_ZONE
	}).format(date);
	return `${formatDate(date, language)} ${time}`;
}

const monthFormats = new Map<Language, Intl.DateTimeFormat>();

/** A `YYYY-MM` month as `nov 2026` (Spanish) or `Nov 2026` (English), for chart axes and tables. */
export function formatMonth(month: string, language: Language = 'es'): string {
	// Charts label dozens of months per filter change, and building the formatter is the costly part.
	let format = monthFormats.get(language);
	if (!format) {
		format = new Intl.DateTimeFormat(LOCALES[language], {
			month: 'short',
			year: 'numeric',
			timeZone: 'UTC'
		});
		monthFormats.set(language, format);
	}
	const text = format.format(toDate(`${month}-15`));
	return language === 'es' ? text.replace('.', '') : text;
}
