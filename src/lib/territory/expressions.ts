import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { RegionFileLevel } from './geo-files';

/** One level of a region file (its comunas, provinces or label points). */
export function levelFilter(level: RegionFileLevel): FilterSpecification {
	return ['==', ['get', 'level'], level];
}

const flag = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

/** Set by layers with `hoverState` on the feature under the pointer. */
export const isHovered = flag('hover');
/** Set through a FeatureState holder on the selected area(s). */
export const isSelected = flag('selected');

export interface AreaFillColors {
	base: string;
	hover: string;
	dimmed: string;
	selected: string;
}

/**
 * Fill of areas without a choropleth: the selected one stands out and, while something is
 * selected, the rest fade; hover lightens whatever is under the pointer. Selection and hover are
 * feature-state, so changing them repaints without touching the layer.
 */
export function areaFillColor(anySelected: boolean, colors: AreaFillColors): ExpressionSpecification {
	return [
		'case',
		isSelected,
		colors.selected,
		isHovered,
		colors.hover,
		anySelected ? colors.dimmed : colors.base
	];
}

/** Outline that marks the selected and the hovered area above a fill (a choropleth keeps its colours). */
export function highlightLineColor(colors: { selected: string; hover: string }): ExpressionSpecification {
	return ['case', isSelected, colors.selected, colors.hover];
}

export function highlightLineWidth(widths: { selected: number; hover: number }): ExpressionSpecification {
	return ['case', isSelected, widths.selected, isHovered, widths.hover, 0];
}

/** A label property that singles out one area by its code (layout cannot read feature-state). */
export function forCode<T extends string | number>(
	code: string | null,
	ifCode: T,
	otherwise: T
): ExpressionSpecification | T {
	return code ? ['case', ['==', ['get', 'code'], code], ifCode, otherwise] : otherwise;
}
