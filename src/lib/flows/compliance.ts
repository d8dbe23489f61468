import type { Database } from '$lib/database.types';

/** One period of a flow as `flow_periods` returns it. */
export type FlowPeriod = Database['public']['Functions']['flow_periods']['Returns'][number];

/** What requirement 2.1 is judged on, for any group of periods (a month, a flow, a region). */
export interface ComplianceTally {
	/** Periods already due: on time + late + missing. */
	due: number;
	onTime: number;
	late: number;
	missing: number;
	/** Days late summed over the late deliveries and the missing periods (so far). */
	daysLate: number;
	maxDaysLate: number;
	/** Receipts expected and given, over the delivered periods. */
	receiptsExpected: number;
	receiptsGiven: number;
}

export function emptyTally(): ComplianceTally {
	return {
		due: 0,
		onTime: 0,
		late: 0,
		missing: 0,
		daysLate: 0,
		maxDaysLate: 0,
		receiptsExpected: 0,
		receiptsGiven: 0
	};
}

/** Adds one period; periods not yet due (upcoming, due soon) count for nothing. */
export function addPeriod(tally: ComplianceTally, period: FlowPeriod): ComplianceTally {
	const delivered = period.state === 'delivered_on_time' || period.state === 'delivered_late';
	if (!delivered && period.state !== 'missing') return tally;
	tally.due++;
	if (period.state === 'delivered_on_time') tally.onTime++;
	if (period.state === 'delivered_late') tally.late++;
	if (period.state === 'missing') tally.missing++;
	tally.daysLate += period.days_late;
	tally.maxDaysLate = Math.max(tally.maxDaysLate, period.days_late);
	if (delivered) {
		tally.receiptsExpected += period.recipients_expected;
		tally.receiptsGiven += Math.min(period.recipients_acknowledged, period.recipients_expected);
	}
	return tally;
}

/** Share of due periods delivered on time, or null when none was due. */
export function onTimeRate(tally: ComplianceTally): number | null {
	return tally.due === 0 ? null : tally.onTime / tally.due;
}

/** Share of expected receipts given, or null when no delivery expected any. */
export function receiptRate(tally: ComplianceTally): number | null {
	return tally.receiptsExpected === 0 ? null : tally.receiptsGiven / tally.receiptsExpected;
}

/** Average days late of what was late or is missing, or null when nothing was. */
export function averageDaysLate(tally: ComplianceTally): number | null {
	const lateOnes = tally.late + tally.missing;
	return lateOnes === 0 ? null : tally.daysLate / lateOnes;
}

function groupBy<K>(periods: readonly FlowPeriod[], key: (p: FlowPeriod) => K): Map<K, ComplianceTally> {
	const groups = new Map<K, ComplianceTally>();
	for (const period of periods) {
		const k = key(period);
		groups.set(k, addPeriod(groups.get(k) ?? emptyTally(), period));
	}
	return groups;
}

/** Due month (`YYYY-MM`) → tally, in month order; the rows `deliveriesByMonth` charts. */
export function complianceByMonth(periods: readonly FlowPeriod[]) {
	return [...groupBy(periods, (p) => p.due_on.slice(0, 7))]
		.filter(([, t]) => t.due > 0)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([month, t]) => ({ month, on_time: t.onTime, late: t.late, missing: t.missing, tally: t }));
}

export interface FlowCompliance {
	flowId: number;
	information: string;
	regionCode: string | null;
	tally: ComplianceTally;
}

/** One row per flow, in the order the flows first appear (flow_periods sorts by due date). */
export function complianceByFlow(periods: readonly FlowPeriod[]): FlowCompliance[] {
	const tallies = groupBy(periods, (p) => p.flow_id);
	const seen = new Map<number, FlowCompliance>();
	for (const p of periods) {
		if (!seen.has(p.flow_id))
			seen.set(p.flow_id, {
				flowId: p.flow_id,
				information: p.information,
				regionCode: p.region_code,
				tally: tallies.get(p.flow_id)!
			});
	}
	return [...seen.values()].sort((a, b) => a.information.localeCompare(b.information, 'es'));
}

/** Region code (null: national flows) → tally, for the national comparison. */
export function complianceByRegion(periods: readonly FlowPeriod[]): Map<string | null, ComplianceTally> {
	return groupBy(periods, (p) => p.region_code);
}
