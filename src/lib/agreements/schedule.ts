// The cronograma's geometry: each commitment a bar from when it was scheduled to when it falls
// due, placed as percentages of one time axis so the same layout prints and scales with the page.

export interface ScheduledCommitment {
	id: number;
	title: string;
	/** When the commitment was scheduled (its creation), `YYYY-MM-DD…`. */
	scheduled_on: string;
	due_on: string;
	progress: number;
	status: string;
	overdue: boolean;
}

export interface ScheduleBar<T extends ScheduledCommitment> {
	item: T;
	/** Offset and width on the axis, 0–100. */
	left: number;
	width: number;
}

export interface ScheduleTick {
	label: string;
	at: number;
}

export interface ScheduleLayout<T extends ScheduledCommitment> {
	from: string;
	to: string;
	bars: ScheduleBar<T>[];
	/** Where today falls on the axis, or null when outside it. */
	today: number | null;
	ticks: ScheduleTick[];
}

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A bar too short to see still shows: at least this share of the axis. */
const MIN_WIDTH = 0.8;

export function scheduleLayout<T extends ScheduledCommitment>(
	items: readonly T[],
	today: string
): ScheduleLayout<T> {
	const todayMs = day(today);
	if (items.length === 0) return { from: today, to: today, bars: [], today: null, ticks: [] };
	const spans = items.map((item) => {
		const end = day(item.due_on);
		return { item, start: Math.min(day(item.scheduled_on), end), end };
	});
	// The axis runs over whole months, from the first start to the last due date (and today,
	// so "how far along should we be" is always visible).
	const first = new Date(Math.min(todayMs, ...spans.map((s) => s.start)));
	const last = new Date(Math.max(todayMs, ...spans.map((s) => s.end)));
	const from = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
	const to = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1);
	const length = to - from;
	const at = (ms: number) => ((ms - from) / length) * 100;

	const bars = spans
		.sort((a, b) => a.end - b.end || a.item.id - b.item.id)
		.map(({ item, start, end }) => {
			const left = at(start);
			return { item, left, width: Math.max(at(end + DAY) - left, MIN_WIDTH) };
		});

	// One tick per month on short axes, per quarter or per year on longer ones.
	const months = Math.round(length / (30.44 * DAY));
	const step = months <= 18 ? 1 : months <= 48 ? 3 : 12;
	const ticks: ScheduleTick[] = [];
	for (let cursor = new Date(from); cursor.getTime() < to;) {
		ticks.push({ label: isoDay(cursor.getTime()).slice(0, 7), at: at(cursor.getTime()) });
		cursor = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + step, 1));
	}
	return {
		from: isoDay(from),
		to: isoDay(to - DAY),
		bars,
		today: todayMs >= from && todayMs < to ? at(todayMs) : null,
		ticks
	};
}
