import type { Database } from '$lib/database.types';
import { toggleInList, withFilter, withPlace } from '$lib/filters/edit';
import type { CommitmentStatusFilter, DashboardFilter } from '$lib/filters/filter';

type Enums = Database['public']['Enums'];

/**
 * What a bar stands for in the filter model, so clicking it (or its row in the table) narrows the
 * dashboard to it. Charts never edit the filter themselves: they hand this to the page.
 */
export type ChartSelection =
	| { field: 'stages'; value: Enums['project_stage'] }
	| { field: 'statuses'; value: Enums['project_status'] }
	| { field: 'commitmentStatus'; value: CommitmentStatusFilter }
	| { field: 'place'; level: 'region' | 'province' | 'commune'; code: string };

/**
 * The filter after a click: list fields toggle the value (a second click on "Ejecución" removes it),
 * a commitment status replaces or clears the single one, a place narrows the view to it.
 */
export function applySelection(filter: DashboardFilter, selection: ChartSelection): DashboardFilter {
	switch (selection.field) {
		case 'stages':
			return toggleInList(filter, 'stages', selection.value);
		case 'statuses':
			return toggleInList(filter, 'statuses', selection.value);
		case 'commitmentStatus':
			return withFilter(filter, {
				commitmentStatus: filter.commitmentStatus === selection.value ? undefined : selection.value
			});
		case 'place':
			return withPlace(filter, selection);
	}
}
