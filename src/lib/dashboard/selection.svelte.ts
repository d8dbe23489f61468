import { getContext, setContext } from 'svelte';

/**
 * What the reader is pointing at and has picked on one dashboard page, shared by the map, the list
 * and the charts so they highlight together. One instance per page, handed down by context: never
 * module state, which SSR would share across requests.
 */
export class DashboardSelection {
	hovered = $state<number | null>(null);
	selected = $state<number | null>(null);
	hoveredCommune = $state<string | null>(null);

	select(id: number | null) {
		this.selected = this.selected === id ? null : id;
	}
}

const KEY = Symbol('dashboard-selection');

export function provideDashboardSelection(): DashboardSelection {
	return setContext(KEY, new DashboardSelection());
}

export function useDashboardSelection(): DashboardSelection {
	const selection = getContext<DashboardSelection | undefined>(KEY);
	if (!selection) throw new Error('useDashboardSelection() needs provideDashboardSelection() in a parent');
	return selection;
}
