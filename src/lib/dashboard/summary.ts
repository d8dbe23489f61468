import type { Database } from '$lib/database.types';

type Enums = Database['public']['Enums'];

/**
 * What `public.dashboard_summary(p_filter jsonb)` returns: every KPI and chart of a dashboard view in
 * one round trip, so a filter change costs one query. Money is CLP; a project touching several
 * comunas contributes to each only its share (length for lines, area for polygons, the containing
 * comuna for points), so the parts add up to the whole.
 */
export interface DashboardSummary {
	data_version: number;
	kpis: {
		investment_clp: number; // apportioned to the filtered territory
		spent_clp: number; // executed spending, apportioned alike
		physical_progress: number | null; // investment-weighted avance físico, 0–100
		projects: number; // projects touching the filtered territory
		projects_delayed: number;
		commitments_open: number; // pending + in_progress
		commitments_overdue: number;
		deliveries: number; // flow deliveries due in the view
		deliveries_on_time: number;
	};
	by_stage: { stage: Enums['project_stage']; projects: number; investment_clp: number }[];
	by_status: { status: Enums['project_status']; projects: number; investment_clp: number }[];
	/** The level below the view: regions nationally, provinces in a region, comunas in a province or comuna. */
	by_area: {
		level: 'region' | 'province' | 'commune';
		code: string;
		name: string;
		projects: number;
		investment_clp: number;
	}[];
	/** Commitments by due month: how many of each status, and how many of them are overdue. */
	commitments_by_month: {
		month: string; // YYYY-MM
		pending: number;
		in_progress: number;
		fulfilled: number;
		cancelled: number;
		overdue: number;
	}[];
	/** Flow deliveries by due month. */
	deliveries_by_month: { month: string; on_time: number; late: number; missing: number }[];
}

/** One row of `public.commune_metrics(p_filter jsonb)`: the numbers a comuna choropleth can show. */
export interface CommuneMetrics {
	commune_code: string;
	projects: number;
	investment_clp: number;
	commitments_open: number;
	commitments_overdue: number;
	deliveries_late: number;
}

export type ChoroplethMetric = Exclude<keyof CommuneMetrics, 'commune_code'>;
