import type { SupabaseClient } from '@supabase/supabase-js';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Database } from '$lib/database.types';
import type { Language } from '$lib/i18n';
import { buildExecutiveReport } from '$lib/pmg/report';
import { svgMap, type SvgMap } from '$lib/pmg/svg-map';
import { CHILE_MAINLAND, GEO_FILES } from '$lib/territory/geo-files';
import { renderMarkdown } from '$lib/publications/render';
import { loadEvaluation } from './pmg';

// The executive report of one part (national or a region's): the evaluation, its report model,
// the texts as sanitised HTML and as plain paragraphs (.docx), and the coverage map.

type Client = SupabaseClient<Database>;
type Fetch = typeof fetch;
type Boundary = Feature<Geometry, { code: string; name: string; level?: string }>;

/** Comunas (a region) or regions (the country) with a commitment of the year's agreements. */
async function coverageMap(
	fetch: Fetch,
	regionCode: string | null,
	covered: string[]
): Promise<SvgMap | null> {
	const response = await fetch(regionCode ? GEO_FILES.region(regionCode) : GEO_FILES.regions).catch(
		() => null
	);
	if (!response?.ok) return null;
	const file = (await response.json()) as FeatureCollection<Geometry, Boundary['properties']> & {
		bbox?: [number, number, number, number];
	};
	const coveredSet = new Set(regionCode ? covered : covered.map((code) => code.slice(0, 2)));
	const features = regionCode
		? file.features.filter((f) => f.properties.level === 'comuna')
		: file.features;
	const bbox = regionCode && file.bbox ? file.bbox : CHILE_MAINLAND;
	return svgMap(features, bbox, (code) => coveredSet.has(code), regionCode ? 260 : 90);
}

export async function loadReport(
	supabase: Client,
	fetch: Fetch,
	year: number,
	regionCode: string | null,
	lang: Language
) {
	const evaluation = await loadEvaluation(supabase, year, regionCode, lang);
	const report = buildExecutiveReport({
		year,
		requirements: evaluation.requirements,
		evaluations: evaluation.evaluations,
		evidence: evaluation.evidence.evidence,
		previous: evaluation.previousEvidence.evidence,
		frozen: evaluation.evidence.frozen
	});
	const map = await coverageMap(fetch, regionCode, evaluation.evidence.evidence['1.2'].covered_communes);
	return { evaluation, report, map };
}

export type LoadedReport = Awaited<ReturnType<typeof loadReport>>;

/** The report's Markdown texts as sanitised HTML, keyed `<requirement>.<field>`. */
export function reportHtml(report: LoadedReport['report']): Record<string, string> {
	const html: Record<string, string> = {};
	for (const area of report.areas) {
		html[`${area.code}.development`] = renderMarkdown(area.development);
		html[`${area.code}.recommendations`] = renderMarkdown(area.recommendations);
	}
	html['3.development'] = renderMarkdown(report.toSubdere.development);
	html['3.recommendations'] = renderMarkdown(report.toSubdere.recommendations);
	return html;
}
