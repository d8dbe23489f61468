import { Constants } from '$lib/database.types';
import type { AreaFilter, CommitmentStatusFilter, DashboardFilter, ProjectQualityFlag } from './filter';
import { replaceControlCharacters } from '$lib/text/control';

/**
 * The filter ⇄ URL. Parameter names are Spanish because people read and share these links
 * (`/region/05?comuna=05109&etapa=execution`); values are the database's stable codes. Parsing never
 * throws: a value that does not validate is dropped and reported as a notice, so a hostile or stale
 * link opens the page with a visible warning instead of an error.
 */
export const FILTER_PARAMS = {
	region: 'region',
	province: 'provincia',
	communes: 'comuna',
	services: 'servicio',
	themes: 'tema',
	stages: 'etapa',
	statuses: 'estado',
	commitmentStatus: 'compromiso',
	years: 'anio',
	investment: 'inversion',
	text: 'q',
	area: 'area',
	delayed: 'atrasado',
	quality: 'calidad'
} as const;

export type FilterParam = (typeof FILTER_PARAMS)[keyof typeof FILTER_PARAMS];

export type NoticeReason = 'invalid' | 'outOfScope' | 'tooMany';

/** A dropped value, for the notice shown above the dashboard. `value` is shown escaped, truncated. */
export interface FilterNotice {
	param: FilterParam;
	value: string;
	reason: NoticeReason;
}

export interface ParsedFilter {
	filter: DashboardFilter;
	notices: FilterNotice[];
}

const MAX_VALUES = 50;
const MAX_TEXT = 100;
const MAX_POLYGON_VERTICES = 200;
const MAX_RADIUS_KM = 500;
// Chile with Easter Island and the Juan Fernández islands, and a margin for drawn areas.
const LON_RANGE = [-110, -65] as const;
const LAT_RANGE = [-57, -17] as const;
const YEAR_RANGE = [1990, 2100] as const;
const CODE = /^[a-z][a-z0-9_]{0,40}$/;
export const PROJECT_QUALITY_FLAGS: readonly ProjectQualityFlag[] =
	Constants.public.Enums.quality_flag.filter(
		(flag): flag is ProjectQualityFlag => flag !== 'commitment_unlocated'
	);
const COMMITMENT_STATUSES: readonly string[] = [...Constants.public.Enums.commitment_status, 'overdue'];

function inRange(value: number, [min, max]: readonly [number, number]): boolean {
	return Number.isFinite(value) && value >= min && value <= max;
}

/** A shown value: no control characters, at most 60 characters. */
function shown(value: string): string {
	const clean = replaceControlCharacters(value, '');
	return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

function parseNumber(text: string): number {
	return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
}

function parseArea(value: string): AreaFilter | null {
	const [kind, body = ''] = value.split(':', 2);
	if (kind === 'c') {
		const [lon, lat, km] = body.split(',').map(parseNumber);
		if (!inRange(lon, LON_RANGE) || !inRange(lat, LAT_RANGE)) return null;
		if (!(km > 0 && km <= MAX_RADIUS_KM)) return null;
		return { kind: 'circle', lon, lat, radiusKm: km };
	}
	if (kind === 'p') {
		const points = body.split(';');
		if (points.length < 3 || points.length > MAX_POLYGON_VERTICES) return null;
		const ring: [number, number][] = [];
		for (const point of points) {
			const [lon, lat, extra] = point.split(',').map(parseNumber);
			if (extra !== undefined || !inRange(lon, LON_RANGE) || !inRange(lat, LAT_RANGE)) return null;
			ring.push([lon, lat]);
		}
		const [first, last] = [ring[0], ring[ring.length - 1]];
		if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
		if (ring.length < 4) return null;
		return { kind: 'polygon', ring };
	}
	return null;
}

function formatArea(area: AreaFilter): string {
	const n = (v: number) => String(Math.round(v * 1e5) / 1e5);
	if (area.kind === 'circle') return `c:${n(area.lon)},${n(area.lat)},${n(area.radiusKm)}`;
	return `p:${area.ring
		.slice(0, -1)
		.map(([lon, lat]) => `${n(lon)},${n(lat)}`)
		.join(';')}`;
}

/** `2020-2024`, `2020-`, `-2024` or `2022` (that year only). */
function parseRange(
	value: string,
	parse: (s: string) => number
): [number | undefined, number | undefined] | null {
	const parts = value.split('-');
	if (parts.length === 1) {
		const single = parse(parts[0]);
		return Number.isNaN(single) ? null : [single, single];
	}
	if (parts.length !== 2 || (parts[0] === '' && parts[1] === '')) return null;
	const from = parts[0] === '' ? undefined : parse(parts[0]);
	const to = parts[1] === '' ? undefined : parse(parts[1]);
	if (Number.isNaN(from) || Number.isNaN(to)) return null;
	if (from !== undefined && to !== undefined && from > to) return null;
	return [from, to];
}

const parseYear = (s: string) =>
	/^\d{4}$/.test(s) && inRange(Number(s), YEAR_RANGE) ? Number(s) : Number.NaN;
const parseAmount = (s: string) => (/^\d{1,15}$/.test(s) ? Number(s) : Number.NaN);

export function filterFromSearchParams(params: URLSearchParams): ParsedFilter {
	const filter: DashboardFilter = {};
	const notices: FilterNotice[] = [];
	const drop = (param: FilterParam, value: string, reason: NoticeReason = 'invalid') =>
		notices.push({ param, value: shown(value), reason });

	/** Every value of a repeatable parameter (also comma-separated), valid ones kept in order, deduplicated. */
	const list = <T extends string>(param: FilterParam, valid: (v: string) => boolean): T[] | undefined => {
		const values = params.getAll(param).flatMap((v) => v.split(','));
		const kept: T[] = [];
		for (const raw of values) {
			const value = raw.trim();
			if (value === '') continue;
			if (!valid(value)) drop(param, value);
			else if (kept.length >= MAX_VALUES) drop(param, value, 'tooMany');
			else if (!kept.includes(value as T)) kept.push(value as T);
		}
		return kept.length ? kept : undefined;
	};
	/** The single value of a parameter; extra copies are dropped. */
	const single = (param: FilterParam): string | undefined => {
		const [first, ...rest] = params.getAll(param);
		for (const extra of rest) drop(param, extra, 'tooMany');
		return first === undefined || first.trim() === '' ? undefined : first.trim();
	};

	const region = single(FILTER_PARAMS.region);
	if (region !== undefined) {
		if (/^\d{2}$/.test(region)) filter.region = region;
		else drop(FILTER_PARAMS.region, region);
	}
	const province = single(FILTER_PARAMS.province);
	if (province !== undefined) {
		if (!/^\d{3}$/.test(province)) drop(FILTER_PARAMS.province, province);
		else if (filter.region && !province.startsWith(filter.region))
			drop(FILTER_PARAMS.province, province, 'outOfScope');
		else filter.province = province;
	}
	const scope = filter.province ?? filter.region ?? '';
	const communes = list<string>(FILTER_PARAMS.communes, (v) => /^\d{5}$/.test(v))?.filter((code) => {
		if (code.startsWith(scope)) return true;
		drop(FILTER_PARAMS.communes, code, 'outOfScope');
		return false;
	});
	if (communes?.length) filter.communes = communes;

	const services = list<string>(FILTER_PARAMS.services, (v) => CODE.test(v));
	if (services) filter.services = services;
	const themes = list<string>(FILTER_PARAMS.themes, (v) => CODE.test(v));
	if (themes) filter.themes = themes;
	const stages = list<NonNullable<DashboardFilter['stages']>[number]>(FILTER_PARAMS.stages, (v) =>
		(Constants.public.Enums.project_stage as readonly string[]).includes(v)
	);
	if (stages) filter.stages = stages;
	const statuses = list<NonNullable<DashboardFilter['statuses']>[number]>(FILTER_PARAMS.statuses, (v) =>
		(Constants.public.Enums.project_status as readonly string[]).includes(v)
	);
	if (statuses) filter.statuses = statuses;

	const commitment = single(FILTER_PARAMS.commitmentStatus);
	if (commitment !== undefined) {
		if (COMMITMENT_STATUSES.includes(commitment))
			filter.commitmentStatus = commitment as CommitmentStatusFilter;
		else drop(FILTER_PARAMS.commitmentStatus, commitment);
	}

	const years = single(FILTER_PARAMS.years);
	if (years !== undefined) {
		const range = parseRange(years, parseYear);
		if (!range) drop(FILTER_PARAMS.years, years);
		else [filter.yearFrom, filter.yearTo] = range;
	}
	const investment = single(FILTER_PARAMS.investment);
	if (investment !== undefined) {
		const range = parseRange(investment, parseAmount);
		if (!range) drop(FILTER_PARAMS.investment, investment);
		else [filter.investmentMin, filter.investmentMax] = range;
	}

	const text = single(FILTER_PARAMS.text);
	if (text !== undefined) {
		const clean = replaceControlCharacters(text, ' ').replace(/\s+/g, ' ').trim();
		if (clean.length > MAX_TEXT) drop(FILTER_PARAMS.text, text, 'tooMany');
		else if (clean) filter.text = clean;
	}

	const area = single(FILTER_PARAMS.area);
	if (area !== undefined) {
		const parsed = parseArea(area);
		if (parsed) filter.area = parsed;
		else drop(FILTER_PARAMS.area, area);
	}

	const delayed = single(FILTER_PARAMS.delayed);
	if (delayed !== undefined) {
		if (delayed === '1' || delayed === 'si') filter.delayed = true;
		else if (delayed !== '0' && delayed !== 'no') drop(FILTER_PARAMS.delayed, delayed);
	}

	const quality = list<ProjectQualityFlag>(FILTER_PARAMS.quality, (v) =>
		(PROJECT_QUALITY_FLAGS as readonly string[]).includes(v)
	);
	if (quality) filter.quality = quality;

	// Drop the undefined halves of ranges so equal filters compare equal.
	for (const key of Object.keys(filter) as (keyof DashboardFilter)[]) {
		if (filter[key] === undefined) delete filter[key];
	}
	return { filter, notices };
}

/** Canonical URL parameters: a fixed order, so equal filters make equal links. */
export function filterToSearchParams(filter: DashboardFilter): URLSearchParams {
	const params = new URLSearchParams();
	const range = (from?: number, to?: number) =>
		from !== undefined && from === to ? String(from) : `${from ?? ''}-${to ?? ''}`;
	if (filter.region) params.set(FILTER_PARAMS.region, filter.region);
	if (filter.province) params.set(FILTER_PARAMS.province, filter.province);
	for (const code of filter.communes ?? []) params.append(FILTER_PARAMS.communes, code);
	for (const code of filter.services ?? []) params.append(FILTER_PARAMS.services, code);
	for (const code of filter.themes ?? []) params.append(FILTER_PARAMS.themes, code);
	for (const code of filter.stages ?? []) params.append(FILTER_PARAMS.stages, code);
	for (const code of filter.statuses ?? []) params.append(FILTER_PARAMS.statuses, code);
	if (filter.commitmentStatus) params.set(FILTER_PARAMS.commitmentStatus, filter.commitmentStatus);
	if (filter.yearFrom !== undefined || filter.yearTo !== undefined)
		params.set(FILTER_PARAMS.years, range(filter.yearFrom, filter.yearTo));
	if (filter.investmentMin !== undefined || filter.investmentMax !== undefined)
		params.set(FILTER_PARAMS.investment, range(filter.investmentMin, filter.investmentMax));
	if (filter.text) params.set(FILTER_PARAMS.text, filter.text);
	if (filter.area) params.set(FILTER_PARAMS.area, formatArea(filter.area));
	if (filter.delayed) params.set(FILTER_PARAMS.delayed, '1');
	for (const flag of filter.quality ?? []) params.append(FILTER_PARAMS.quality, flag);
	return params;
}

/** `?…` for a link (empty string when there is no filter). */
export function filterQuery(filter: DashboardFilter): string {
	const query = filterToSearchParams(filter).toString();
	return query ? `?${query}` : '';
}

/** Every URL parameter the filter model owns (other parameters, e.g. a list's sort, are left alone). */
export const OWNED_PARAMS: readonly string[] = Object.values(FILTER_PARAMS);
