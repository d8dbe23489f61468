import {
	EVALUATED_REQUIREMENTS,
	evidenceFigures,
	type EvaluatedRequirement,
	type EvidenceFigure,
	type PmgEvidence
} from './evidence';

/**
 * The executive report to the Head of Service (requirement 3), built from one part's evaluation:
 * 1. main achievements per area (each requirement's "Desarrollo alcanzado" with its key figures),
 * 2. recommendations and future commitments (each requirement's "Recomendaciones"),
 * 3. recommendations to SUBDERE on the requirement itself (requirement 3's texts).
 * One model for the HTML page, the PDF printed from it and the .docx, so the three say the same.
 */

export interface EvaluationTexts {
	status: 'draft' | 'submitted' | 'final';
	background: string | null;
	development: string | null;
	recommendations: string | null;
}

export interface ReportArea {
	code: EvaluatedRequirement;
	name: string;
	development: string | null;
	recommendations: string | null;
	figures: EvidenceFigure[];
	/** The figures the area's chart compares with last year: all of one kind, so one scale. */
	chart: EvidenceFigure[];
}

export interface ExecutiveReport {
	year: number;
	areas: ReportArea[];
	/** Requirement 3's texts: what the report recommends to SUBDERE. */
	toSubdere: { background: string | null; development: string | null; recommendations: string | null };
	/** The least advanced status among the part's evaluations (null when nothing is written). */
	status: EvaluationTexts['status'] | null;
	evidenceAsOf: string;
	evidenceFrozen: boolean;
}

const STATUS_ORDER = ['draft', 'submitted', 'final'] as const;

export function buildExecutiveReport(input: {
	year: number;
	requirements: { code: string; name: string }[];
	evaluations: Record<string, EvaluationTexts | undefined>;
	evidence: PmgEvidence;
	previous: PmgEvidence | null;
	frozen: boolean;
}): ExecutiveReport {
	const names = new Map(input.requirements.map((r) => [r.code, r.name]));
	const areas = EVALUATED_REQUIREMENTS.map((code): ReportArea => {
		const figures = evidenceFigures(code, input.evidence, input.previous);
		// Requirement 2.1 is about shares (punctuality, receipts); the others about counts.
		const chartFormat = code === '2.1' ? 'share' : 'count';
		return {
			code,
			name: names.get(code) ?? code,
			development: input.evaluations[code]?.development ?? null,
			recommendations: input.evaluations[code]?.recommendations ?? null,
			figures,
			chart: figures.filter((f) => f.format === chartFormat)
		};
	});
	const report3 = input.evaluations['3'];
	const statuses = Object.values(input.evaluations).flatMap((e) => (e ? [e.status] : []));
	const status = statuses.length
		? STATUS_ORDER[Math.min(...statuses.map((s) => STATUS_ORDER.indexOf(s)))]
		: null;
	return {
		year: input.year,
		areas,
		toSubdere: {
			background: report3?.background ?? null,
			development: report3?.development ?? null,
			recommendations: report3?.recommendations ?? null
		},
		status,
		evidenceAsOf: input.evidence.as_of,
		evidenceFrozen: input.frozen
	};
}

export interface BarRow {
	key: EvidenceFigure['key'];
	value: number;
	previous: number;
	/** Bar lengths as a share of the chart's width (0–1). */
	valueWidth: number;
	previousWidth: number;
}

/** Bars of a chart on one scale: shares against 100 %, counts against the largest. */
export function barRows(figures: EvidenceFigure[]): BarRow[] {
	const rows = figures.map((f) => ({
		key: f.key,
		value: f.value ?? 0,
		previous: f.previous ?? 0,
		share: f.format === 'share'
	}));
	const max = rows.some((r) => r.share) ? 1 : Math.max(1, ...rows.flatMap((r) => [r.value, r.previous]));
	return rows.map(({ key, value, previous }) => ({
		key,
		value,
		previous,
		valueWidth: Math.min(1, value / max),
		previousWidth: Math.min(1, previous / max)
	}));
}

/** How the page names an area's chart or map, so the .docx finds the picture of each. */
export function reportImageName(kind: 'chart' | 'map', area: EvaluatedRequirement): string {
	return `${kind}-${area}`;
}
