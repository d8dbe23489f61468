import { formatDate } from '$lib/format';
import { translate, translatePlural, type Language } from '$lib/i18n';
import type { EvaluatedRequirement, PmgEvidence } from './evidence';

/**
 * How the executive report shades each area's map from its evidence per place (`places` of
 * `pmg_evidence`: comunas in a region's part, regions in the country's): the legend, which entry
 * each place takes, and a caption dated with the evidence. Pure and translated here, so the page,
 * the PDF printed from it and the .docx's alt text say the same. Definitions in docs/DATA.md.
 */

export interface LegendEntry {
	label: string;
	color: string;
	/** How many places of the map are drawn with it. */
	places: number;
}

export interface MapShading {
	/** The last entry is "nothing to show there". */
	legend: LegendEntry[];
	/** Index into `legend` of each place code of the map. */
	shades: Record<string, number>;
	caption: string;
}

const NONE = '#e6e6e6';
const COVERED = '#0072b2';
/** Sequential blues (ColorBrewer "Blues"), by how many classes a count map needs. */
const BLUES: Record<number, string[]> = {
	1: ['#3182bd'],
	2: ['#9ecae1', '#08519c'],
	3: ['#9ecae1', '#3182bd', '#08306b'],
	4: ['#c6dbef', '#6baed6', '#2171b5', '#08306b']
};
/** Shares: vermillion, orange, blue (Okabe–Ito, readable by colour-blind readers). */
const SHARE_CLASSES = [
	{ below: 0.5, color: '#d55e00', key: 'pmg.map.share.low' },
	{ below: 0.8, color: '#e69f00', key: 'pmg.map.share.mid' },
	{ below: Infinity, color: '#0072b2', key: 'pmg.map.share.high' }
] as const;
const NOT_DUE_YET = '#a0a0a0';

/** Up to four classes of counts 1…max: one per value up to 4, else equal ranges. */
export function countClasses(max: number): [number, number][] {
	if (max <= 0) return [];
	const step = max <= 4 ? 1 : Math.ceil(max / 4);
	const classes: [number, number][] = [];
	for (let from = 1; from <= max; from += step) classes.push([from, Math.min(max, from + step - 1)]);
	return classes;
}

export function shareClass(share: number): number {
	return SHARE_CLASSES.findIndex((c) => share < c.below);
}

interface Classified {
	entries: { label: string; color: string }[];
	/** Legend entry of each place with something to show. */
	classOf: Map<string, number>;
	none: string;
}

function agreementsByPlace(places: { code: string; agreements: number }[], lang: Language): Classified {
	const classes = countClasses(Math.max(0, ...places.map((p) => p.agreements)));
	const colors = BLUES[classes.length] ?? [];
	return {
		entries: classes.map(([from, to], i) => ({
			label:
				from === to
					? translatePlural(lang, 'pmg.map.agreements', from)
					: translate(lang, 'pmg.map.agreementsRange', { from, to }),
			color: colors[i]
		})),
		classOf: new Map(
			places.map((p) => [
				p.code,
				classes.findIndex(([from, to]) => p.agreements >= from && p.agreements <= to)
			])
		),
		none: translate(lang, 'pmg.map.none.1.1')
	};
}

function shares(lang: Language) {
	return SHARE_CLASSES.map((c) => ({ label: translate(lang, c.key), color: c.color }));
}

function classify(area: EvaluatedRequirement, evidence: PmgEvidence, lang: Language): Classified | null {
	const national = evidence.region_code === null;
	switch (area) {
		case '1.1':
			return evidence['1.1'].places ? agreementsByPlace(evidence['1.1'].places, lang) : null;
		case '1.2': {
			// Covered comunas, or in the country's map the regions with one.
			const codes = evidence['1.2'].covered_communes.map((code) =>
				national ? code.slice(0, 2) : code
			);
			return {
				entries: [{ label: translate(lang, 'pmg.report.mapLegendCovered'), color: COVERED }],
				classOf: new Map(codes.map((code) => [code, 0])),
				none: translate(lang, 'pmg.report.mapLegendUncovered')
			};
		}
		case '1.3': {
			const places = evidence['1.3'].places;
			if (!places) return null;
			const pending = SHARE_CLASSES.length;
			return {
				entries: [
					...shares(lang),
					{ label: translate(lang, 'pmg.map.notDueYet'), color: NOT_DUE_YET }
				],
				classOf: new Map(
					places.map((p) => [
						p.code,
						p.on_time_rate === null ? pending : shareClass(p.on_time_rate)
					])
				),
				none: translate(lang, 'pmg.map.none.1.3')
			};
		}
		case '2.1': {
			const places = evidence['2.1'].places;
			if (!places) return null;
			return {
				entries: shares(lang),
				classOf: new Map(places.map((p) => [p.code, shareClass(p.punctuality)])),
				none: translate(lang, national ? 'pmg.map.none.2.1.country' : 'pmg.map.none.2.1.region')
			};
		}
	}
}

function caption(area: EvaluatedRequirement, evidence: PmgEvidence, lang: Language): string {
	const national = evidence.region_code === null;
	const params = {
		places: translate(lang, national ? 'pmg.map.places.regions' : 'pmg.map.places.communes'),
		year: evidence.year,
		date: formatDate(evidence.as_of, lang)
	};
	if (area === '2.1')
		return translate(
			lang,
			national ? 'pmg.map.caption.2.1.country' : 'pmg.map.caption.2.1.region',
			params
		);
	if (area === '1.3')
		return translate(lang, 'pmg.map.caption.1.3', {
			...params,
			leftOut: translate(lang, national ? 'pmg.map.leftOut.country' : 'pmg.map.leftOut.region')
		});
	return translate(lang, area === '1.1' ? 'pmg.map.caption.1.1' : 'pmg.map.caption.1.2', params);
}

/**
 * An area's map shading over `placeCodes` (the comunas or regions the map draws); null when the
 * evidence has no figures per place (a snapshot frozen before they existed).
 */
export function mapShading(
	area: EvaluatedRequirement,
	evidence: PmgEvidence,
	placeCodes: readonly string[],
	lang: Language
): MapShading | null {
	const classified = classify(area, evidence, lang);
	if (!classified) return null;
	const none = classified.entries.length;
	const legend = [...classified.entries, { label: classified.none, color: NONE }].map((entry) => ({
		...entry,
		places: 0
	}));
	const shades: Record<string, number> = {};
	for (const code of placeCodes) {
		const shade = classified.classOf.get(code) ?? none;
		shades[code] = shade;
		legend[shade].places += 1;
	}
	return { legend, shades, caption: caption(area, evidence, lang) };
}

/** The map as words, for the .docx picture's alt text: caption, then each entry and its places. */
export function mapDescription(shading: MapShading, national: boolean, lang: Language): string {
	const entries = shading.legend
		.map((entry) =>
			translate(lang, 'pmg.map.altEntry', {
				label: entry.label,
				places: translatePlural(
					lang,
					national ? 'pmg.map.regionCount' : 'region.communeCount',
					entry.places
				)
			})
		)
		.join('; ');
	return translate(lang, 'pmg.report.mapAlt', { caption: shading.caption, entries });
}
