import type { Database } from '$lib/database.types';

type Enums = Database['public']['Enums'];

/** A project as lists and the dashboard show it (the columns of the list query). */
export interface ProjectRow {
	id: number;
	name: string;
	bip_code: string | null;
	service_code: string;
	stage: Enums['project_stage'];
	status: Enums['project_status'];
	investment_clp: number | null;
	start_on: string | null;
	end_on: string | null;
	project_progress_latest: { physical_progress: number; spent_clp: number; reported_on: string } | null;
}
