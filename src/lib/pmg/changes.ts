/**
 * The period of "what changed" as the URL carries it (`?desde=2026-10-01&hasta=2026-11-30`): two
 * calendar days, the first on or before the second, a year at most. Absent dates default to the
 * last 30 days up to `today`; anything else is refused (the page says why) rather than guessed.
 */

export interface ChangesRange {
	from: string;
	to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

function isCalendarDay(value: string): boolean {
	if (!DAY.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

export function parseChangesRange(params: URLSearchParams, today: string): ChangesRange | null {
	const to = params.get('hasta') || today;
	return checkedRange(params.get('desde') || addDays(to, -30), to);
}

/** Two calendar days as a period, or null when they are not one (wrong order, over a year). */
export function checkedRange(from: string, to: string): ChangesRange | null {
	if (!isCalendarDay(from) || !isCalendarDay(to) || from > to) return null;
	if (addDays(from, MAX_DAYS) < to) return null;
	return { from, to };
}

/** The page lists this many changes; the counts by kind are of all of them. */
export const CHANGES_SHOWN = 500;

export type ChangeKind =
	| 'project_created'
	| 'project_stage'
	| 'project_status'
	| 'commitment_progressed'
	| 'commitment_fulfilled'
	| 'commitment_overdue'
	| 'delivery_made'
	| 'delivery_missed'
	| 'publication';

export const CHANGE_KINDS: ChangeKind[] = [
	'project_created',
	'project_stage',
	'project_status',
	'commitment_progressed',
	'commitment_fulfilled',
	'commitment_overdue',
	'delivery_made',
	'delivery_missed',
	'publication'
];
