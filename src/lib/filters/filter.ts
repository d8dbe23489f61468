import type { Database } from '$lib/database.types';

type Enums = Database['public']['Enums'];

/** A circle of `radiusKm` around a clicked point, or a drawn polygon (one ring, lon/lat, closed). */
export type AreaFilter =
	| { kind: 'circle'; lon: number; lat: number; radiusKm: number }
	| { kind: 'polygon'; ring: [number, number][] };

/** The data-quality flags a project can carry (`commitment_unlocated` belongs to commitments). */
export type ProjectQualityFlag = Exclude<Enums['quality_flag'], 'commitment_unlocated'>;

/** Commitment filter: a stored status, or `overdue` (due before today, neither fulfilled nor cancelled). */
export type CommitmentStatusFilter = Enums['commitment_status'] | 'overdue';

/**
 * The one filter model of the app: every dashboard page, list, map tile, chart and export reads the
 * same value. It lives in the URL (`filterFromSearchParams` / `filterToSearchParams`) and reaches the
 * database as JSON (`filterToRpc`, the `p_filter` argument of the dashboard RPCs). Absent = no filter.
 */
export interface DashboardFilter {
	region?: string; // CUT, 2 digits
	province?: string; // CUT, 3 digits
	communes?: string[]; // CUT, 5 digits, any number
	services?: string[]; // mop_services.code
	themes?: string[]; // themes.code
	stages?: Enums['project_stage'][];
	statuses?: Enums['project_status'][];
	commitmentStatus?: CommitmentStatusFilter;
	yearFrom?: number; // projects whose [start_on, end_on] overlaps the years
	yearTo?: number;
	investmentMin?: number; // CLP, the project's whole investment
	investmentMax?: number;
	text?: string; // accent- and case-insensitive over name, BIP code and comuna names
	area?: AreaFilter;
	delayed?: boolean; // physical progress behind the planned curve
	quality?: ProjectQualityFlag[]; // projects with any of these data-quality flags
}

/** The JSON the dashboard RPCs take as `p_filter` (snake_case, as SQL reads it). */
export interface RpcFilter {
	region?: string;
	province?: string;
	communes?: string[];
	services?: string[];
	themes?: string[];
	stages?: string[];
	statuses?: string[];
	commitment_status?: string;
	year_from?: number;
	year_to?: number;
	investment_min?: number;
	investment_max?: number;
	q?: string;
	area?:
		| { kind: 'circle'; lon: number; lat: number; radius_km: number }
		| { kind: 'polygon'; ring: [number, number][] };
	delayed?: boolean;
	quality?: string[];
}
