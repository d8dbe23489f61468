import { addMonths, daysBetween, minDate } from './dates.ts';
import type { Random } from './random.ts';
import type { SampleProject } from './projects.ts';

/**
 * Progress reports (avance físico and gasto ejecutado) of the sample's projects: one per month of
 * work (every second to sixth month for long works, so no project has more than 12), following
 * the S-curve the database plans with (`public.planned_progress`), stretched for the works that
 * run late and flat after the day a halted work stopped.
 *
 * - completed: on time, the last report at the end date says 100 %;
 * - in progress: most within a few points of the plan; about one in seven stretched 1.3–2× (delayed);
 *   those already past their end date stretched just enough not to have finished;
 * - halted: on the curve until a day between 30 % and 90 % of the time elapsed, flat since;
 * - planned, cancelled and works without dates have no reports.
 *
 * Spending follows progress with a ±8 % deviation, never above 115 % of the investment, and
 * neither figure ever goes down from one report to the next.
 */
export interface SampleProjectProgress {
	project_id: number;
	reported_on: string;
	physical_progress: number;
	spent_clp: number;
}

const MAX_REPORTS = 12;

/** The same S-curve as the database's `planned_progress`, on the elapsed fraction t. */
export const sCurve = (t: number) => {
	const c = Math.min(1, Math.max(0, t));
	return 100 * (3 * c * c - 2 * c * c * c);
};

const round2 = (value: number) => Math.round(value * 100) / 100;

export function generateProgress(
	projects: readonly SampleProject[],
	r: Random,
	anchor: string
): SampleProjectProgress[] {
	const rows: SampleProjectProgress[] = [];
	for (const p of projects) {
		if (!p.start_on || !p.end_on) continue;
		if (p.status !== 'completed' && p.status !== 'in_progress' && p.status !== 'halted') continue;
		if (p.start_on >= anchor) continue;

		const planned = Math.max(1, daysBetween(p.start_on, p.end_on));
		const elapsed = daysBetween(p.start_on, anchor);
		let stretch = 1;
		let stopsAt = Infinity; // days after start when a halted work stopped
		if (p.status === 'in_progress') {
			if (elapsed >= planned) stretch = (elapsed / planned) * r.float(1.1, 1.6);
			else stretch = r.chance(0.15) ? r.float(1.3, 2) : r.float(0.9, 1.06);
		} else if (p.status === 'halted') {
			stretch = r.float(1, 1.4);
			stopsAt = Math.min(elapsed, planned * stretch) * r.float(0.3, 0.9);
		}
		const spendRatio = r.float(0.92, 1.08);
		// A concession in operation is completed but its end date is the concession's: no report is
		// ever dated after the sample's today.
		const last = p.status === 'completed' ? minDate(p.end_on, anchor) : anchor;
		const months = Math.max(1, Math.ceil(daysBetween(p.start_on, last) / 30.4));
		const step = Math.ceil(months / MAX_REPORTS);

		let progress = 0;
		let spent = 0;
		for (let m = step; ; m += step) {
			const date = minDate(addMonths(p.start_on, m), last);
			const day = Math.min(daysBetween(p.start_on, date), stopsAt);
			const onCurve =
				p.status === 'completed' ? sCurve(day / planned) : sCurve(day / (planned * stretch));
			const noisy = onCurve * r.float(0.97, 1.03);
			progress = Math.max(
				progress,
				Math.min(p.status === 'completed' && date === last ? 100 : 99.5, noisy)
			);
			if (p.status === 'completed' && date === last) progress = 100;
			const investment = p.investment_clp ?? 0;
			spent = Math.max(
				spent,
				Math.min(
					Math.round(investment * 1.15),
					Math.round((investment * progress * spendRatio) / 100)
				)
			);
			rows.push({
				project_id: p.id,
				reported_on: date,
				physical_progress: round2(progress),
				spent_clp: spent
			});
			if (date === last) break;
		}
	}
	return rows;
}
