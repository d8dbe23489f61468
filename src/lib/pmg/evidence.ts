import type { Database } from '$lib/database.types';

/**
 * The evidence document `public.pmg_evidence(year, region)` returns (definitions in docs/DATA.md,
 * "Evidencia PMG"), and its figures as rows a page, the report and the .docx all show alike.
 */

type InstitutionKind = Database['public']['Enums']['institution_kind'];
type AgreementKind = Database['public']['Enums']['agreement_kind'];

export interface PmgEvidence {
	year: number;
	region_code: string | null;
	as_of: string;
	today: string;
	'1.1': {
		agreements: number;
		regions: number;
		by_region: { region_code: string | null; agreements: number }[];
		problems: {
			agreement_id: number;
			title: string;
			problem: string;
			kind: AgreementKind;
			region_code: string | null;
			signed_on: string;
		}[];
		/**
		 * Per place (comuna of the region; region in the country's part). Absent in snapshots
		 * frozen before the evidence had it, as in 1.3 and 2.1.
		 */
		places?: { code: string; agreements: number }[];
	};
	'1.2': {
		institutions: number;
		by_kind: { kind: InstitutionKind; institutions: number }[];
		by_region: { region_code: string | null; institutions: number }[];
		communes_covered: number;
		communes_total: number;
		coverage: number | null;
		covered_communes: string[];
	};
	'1.3': {
		formal_agreements: number;
		by_kind: { kind: AgreementKind; agreements: number }[];
		commitments_scheduled: number;
		commitments_due: number;
		fulfilled_on_time: number;
		on_time_rate: number | null;
		overdue: number;
		overdue_ids: number[];
		estimated_cost_clp: number;
		places?: {
			code: string;
			scheduled: number;
			due: number;
			on_time: number;
			overdue: number;
			on_time_rate: number | null;
		}[];
	};
	'2.1': {
		deliveries_due: number;
		delivered: number;
		delivered_on_time: number;
		punctuality: number | null;
		receipts_expected: number;
		receipts: number;
		acknowledgement_rate: number | null;
		flows: number;
		/** Comunas of recipient municipalities (a region's part), or regions (the country's). */
		places?: {
			code: string;
			due: number;
			on_time: number;
			punctuality: number;
			delivered: number;
			/** Of the municipality (null per region). */
			receipts: number | null;
		}[];
	};
}

export const EVALUATED_REQUIREMENTS = ['1.1', '1.2', '1.3', '2.1'] as const;
export type EvaluatedRequirement = (typeof EVALUATED_REQUIREMENTS)[number];

export function isEvaluatedRequirement(code: string): code is EvaluatedRequirement {
	return (EVALUATED_REQUIREMENTS as readonly string[]).includes(code);
}

/** How a figure reads: a count, a share (0–1), or pesos. */
export type FigureFormat = 'count' | 'share' | 'clp';

export interface EvidenceFigure {
	/** Message key of the label (src/lib/i18n/areas/pmg.ts). */
	key: FigureKey;
	format: FigureFormat;
	value: number | null;
	/** The same figure a year earlier, when known. */
	previous: number | null;
	/** Where the data behind it is listed. */
	href?: string;
}

export type FigureKey =
	| 'pmg.fig.agreements'
	| 'pmg.fig.regions'
	| 'pmg.fig.institutions'
	| 'pmg.fig.communesCovered'
	| 'pmg.fig.coverage'
	| 'pmg.fig.formalAgreements'
	| 'pmg.fig.commitmentsScheduled'
	| 'pmg.fig.commitmentsDue'
	| 'pmg.fig.onTimeRate'
	| 'pmg.fig.overdue'
	| 'pmg.fig.estimatedCost'
	| 'pmg.fig.deliveriesDue'
	| 'pmg.fig.punctuality'
	| 'pmg.fig.acknowledgementRate';

type Pick = (e: PmgEvidence) => number | null;

const FIGURES: Record<
	EvaluatedRequirement,
	{ key: FigureKey; format: FigureFormat; pick: Pick; link?: 'agreements' | 'commitments' }[]
> = {
	'1.1': [
		{ key: 'pmg.fig.agreements', format: 'count', pick: (e) => e['1.1'].agreements, link: 'agreements' },
		{ key: 'pmg.fig.regions', format: 'count', pick: (e) => e['1.1'].regions }
	],
	'1.2': [
		{
			key: 'pmg.fig.institutions',
			format: 'count',
			pick: (e) => e['1.2'].institutions,
			link: 'agreements'
		},
		{ key: 'pmg.fig.communesCovered', format: 'count', pick: (e) => e['1.2'].communes_covered },
		{ key: 'pmg.fig.coverage', format: 'share', pick: (e) => e['1.2'].coverage }
	],
	'1.3': [
		{
			key: 'pmg.fig.formalAgreements',
			format: 'count',
			pick: (e) => e['1.3'].formal_agreements,
			link: 'agreements'
		},
		{
			key: 'pmg.fig.commitmentsScheduled',
			format: 'count',
			pick: (e) => e['1.3'].commitments_scheduled,
			link: 'commitments'
		},
		{ key: 'pmg.fig.commitmentsDue', format: 'count', pick: (e) => e['1.3'].commitments_due },
		{ key: 'pmg.fig.onTimeRate', format: 'share', pick: (e) => e['1.3'].on_time_rate },
		{ key: 'pmg.fig.overdue', format: 'count', pick: (e) => e['1.3'].overdue, link: 'commitments' },
		{ key: 'pmg.fig.estimatedCost', format: 'clp', pick: (e) => e['1.3'].estimated_cost_clp }
	],
	'2.1': [
		{ key: 'pmg.fig.deliveriesDue', format: 'count', pick: (e) => e['2.1'].deliveries_due },
		{ key: 'pmg.fig.punctuality', format: 'share', pick: (e) => e['2.1'].punctuality },
		{ key: 'pmg.fig.acknowledgementRate', format: 'share', pick: (e) => e['2.1'].acknowledgement_rate }
	]
};

/** Where a list behind a figure lives, narrowed to the evidence's region. */
function linkFor(target: 'agreements' | 'commitments', regionCode: string | null): string {
	const path = target === 'agreements' ? '/convenios' : '/compromisos';
	return regionCode ? `${path}?region=${regionCode}` : path;
}

/** The figures of one requirement, this year beside the last (null when that year is unknown). */
export function evidenceFigures(
	requirement: EvaluatedRequirement,
	current: PmgEvidence,
	previous: PmgEvidence | null
): EvidenceFigure[] {
	return FIGURES[requirement].map(({ key, format, pick, link }) => ({
		key,
		format,
		value: pick(current),
		previous: previous ? pick(previous) : null,
		...(link ? { href: linkFor(link, current.region_code) } : {})
	}));
}

/** The change of a figure from last year, signed; null when either year is unknown. */
export function figureChange(figure: EvidenceFigure): number | null {
	if (figure.value === null || figure.previous === null) return null;
	return figure.value - figure.previous;
}
