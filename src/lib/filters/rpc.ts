import type { DashboardFilter, RpcFilter } from './filter';

/** The filter as the dashboard RPCs take it (`p_filter jsonb`): snake_case, absent fields left out. */
export function filterToRpc(filter: DashboardFilter): RpcFilter {
	const rpc: RpcFilter = {
		region: filter.region,
		province: filter.province,
		communes: filter.communes,
		services: filter.services,
		themes: filter.themes,
		stages: filter.stages,
		statuses: filter.statuses,
		commitment_status: filter.commitmentStatus,
		year_from: filter.yearFrom,
		year_to: filter.yearTo,
		investment_min: filter.investmentMin,
		investment_max: filter.investmentMax,
		q: filter.text,
		area:
			filter.area?.kind === 'circle'
				? {
						kind: 'circle',
						lon: filter.area.lon,
						lat: filter.area.lat,
						radius_km: filter.area.radiusKm
					}
				: filter.area,
		delayed: filter.delayed,
		quality: filter.quality
	};
	for (const key of Object.keys(rpc) as (keyof RpcFilter)[]) if (rpc[key] === undefined) delete rpc[key];
	return rpc;
}
