/**
 * The planned physical progress of a work on a given day: an S-curve between its start and end,
 * 100·(3t² − 2t³) with t the elapsed share of its term (the database's `private.planned_progress`
 * uses the same formula; the page draws it, the database decides "atrasado").
 */
export function plannedProgress(startOn: string, endOn: string, on: string): number {
	const start = Date.parse(startOn);
	const end = Date.parse(endOn);
	const day = Date.parse(on);
	if (!(end > start)) return day >= end ? 100 : 0;
	const t = Math.min(1, Math.max(0, (day - start) / (end - start)));
	return 100 * (3 * t * t - 2 * t * t * t);
}

export interface CurvePoint {
	/** YYYY-MM-DD */
	on: string;
	value: number;
}

/** Points of the planned curve: the start, every month's first day in between, and the end. */
export function plannedCurve(startOn: string, endOn: string): CurvePoint[] {
	const points: CurvePoint[] = [{ on: startOn, value: 0 }];
	const cursor = new Date(`${startOn.slice(0, 7)}-01T00:00:00Z`);
	for (;;) {
		cursor.setUTCMonth(cursor.getUTCMonth() + 1);
		const on = cursor.toISOString().slice(0, 10);
		if (on >= endOn) break;
		points.push({ on, value: plannedProgress(startOn, endOn, on) });
	}
	points.push({ on: endOn, value: 100 });
	return points;
}

/** An SVG polyline's `points` for a series on a time axis [from, to] × [0, 100]. */
export function polylinePoints(
	series: readonly CurvePoint[],
	from: string,
	to: string,
	width: number,
	height: number
): string {
	const x0 = Date.parse(from);
	const span = Math.max(1, Date.parse(to) - x0);
	return series
		.map(({ on, value }) => {
			const x = ((Date.parse(on) - x0) / span) * width;
			const y = height - (Math.min(100, Math.max(0, value)) / 100) * height;
			return `${x.toFixed(1)},${y.toFixed(1)}`;
		})
		.join(' ');
}
