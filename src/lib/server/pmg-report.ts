import type { SupabaseClient } from '@supabase/supabase-js';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Database } from '$lib/database.types';
import type { Language } from '$lib/i18n';
import { EVALUATED_REQUIREMENTS, type EvaluatedRequirement, type PmgEvidence } from '$lib/pmg/evidence';
import { buildExecutiveReport } from '$lib/pmg/report';
import { mapShading, type MapShading } from '$lib/pmg/report-maps';
import { svgMap, type SvgMap } from '$lib/pmg/svg-map';
import { CHILE_MAINLAND, GEO_FILES } from '$lib/territory/geo-files';
import { renderMarkdown } from '$lib/publications/render';
import { loadEvaluation } from './pmg';

// The executive report of one part (national or a region's): the evaluation, its report model,
// the texts as sanitised HTML and as plain paragraphs (.docx), and each area's map.

type Client = SupabaseClient<Database>;
type Fetch = typeof fetch;
type Boundary = Feature<Geometry, { code: string; name: string; level?: string }>;

/**
 * The outline the report's maps share: the region's comunas, or the regions for the country's
 * part (null when the boundary file cannot be read: the report then goes without maps).
 */
async function reportOutline(fetch: Fetch, regionCode: string | null): Promise<SvgMap | null> {
	const response = await fetch(regionCode ? GEO_FILES.region(regionCode) : GEO_FILES.regions).catch(
		() => null
	);
	if (!response?.ok) return null;
	const file = (await response.json()) as FeatureCollection<Geometry, Boundary['properties']> & {
		bbox?: [number, number, number, number];
	};
	const features = regionCode
		? file.features.filter((f) => f.properties.level === 'comuna')
		: file.features;
	const bbox = regionCode && file.bbox ? file.bbox : CHILE_MAINLAND;
	return svgMap(features, bbox, regionCode ? 200 : 110);
}

/** Each area's shading of the outline, from the evidence (frozen with a final evaluation). */
function areaShadings(
	outline: SvgMap | null,
	evidence: PmgEvidence,
	lang: Language
): Partial<Record<EvaluatedRequirement, MapShading>> {
	if (!outline) return {};
	const codes = outline.areas.map((a) => a.code);
	const shadings: Partial<Record<EvaluatedRequirement, MapShading>> = {};
	for (const area of EVALUATED_REQUIREMENTS) {
		const shading = mapShading(area, evidence, codes, lang);
		if (shading) shadings[area] = shading;
	}
	return shadings;
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
	const outline = await reportOutline(fetch, regionCode);
	return {
		evaluation,
		report,
		outline,
		shadings: areaShadings(outline, evaluation.evidence.evidence, lang)
	};
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
