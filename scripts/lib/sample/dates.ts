/**
 * Calendar arithmetic on ISO dates ('2026-11-01'), in UTC so that no time zone or clock of the
 * machine can change the sample.
 *
 * Every date of the sample is placed relative to one anchor ("today" as far as the sample is
 * concerned). The default anchor is fixed, so reruns are identical; overdue commitments, late
 * deliveries and missing acknowledgements are made relative to it. The database judges "overdue"
 * against the real today, which is never earlier than the default anchor on a correctly set clock,
 * so what is overdue at the anchor stays overdue (and more becomes overdue as time passes).
 */
export const DEFAULT_ANCHOR = '2026-11-01';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseIsoDate(value: string): Date {
	if (!ISO_DATE.test(value)) throw new Error(`Not an ISO date (YYYY-MM-DD): ${value}`);
	const date = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
		throw new Error(`Not a calendar date: ${value}`);
	}
	return date;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

// Dates made by this module are valid by construction: read them without the strict checks
// (100 000 projects make a few million of these calls).
const epochMs = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

export function addDays(date: string, days: number): string {
	return iso(new Date(epochMs(date) + Math.round(days) * DAY_MS));
}

/** Same day of the month n months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
	const d = new Date(epochMs(date));
	const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
	const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d.getUTCDate(), lastDay));
	return iso(first);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((epochMs(to) - epochMs(from)) / DAY_MS);
}

export const minDate = (a: string, b: string) => (a <= b ? a : b);
export const maxDate = (a: string, b: string) => (a >= b ? a : b);

/** First day of the date's month. */
export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;

/** A timestamp on that date during office hours in Chile (given in UTC), minutes from 0 to 599. */
export function officeTimestamp(date: string, minutes: number): string {
	const total = 12 * 60 + Math.max(0, Math.min(599, Math.round(minutes)));
	const hh = String(Math.floor(total / 60)).padStart(2, '0');
	const mm = String(total % 60).padStart(2, '0');
	return `${date}T${hh}:${mm}:00Z`;
}

export const MONTHS_ES = [
	'enero',
	'febrero',
	'marzo',
	'abril',
	'mayo',
	'junio',
	'julio',
	'agosto',
	'septiembre',
	'octubre',
	'noviembre',
	'diciembre'
] as const;

const QUARTERS_ES = ['primer', 'segundo', 'tercer', 'cuarto'] as const;

export const monthLabel = (date: string) =>
	`${MONTHS_ES[Number(date.slice(5, 7)) - 1]} de ${date.slice(0, 4)}`;
export const quarterLabel = (date: string) =>
	`${QUARTERS_ES[Math.floor((Number(date.slice(5, 7)) - 1) / 3)]} trimestre de ${date.slice(0, 4)}`;
export const yearOf = (date: string) => Number(date.slice(0, 4));
