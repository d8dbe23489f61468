import { LOCALES, type Language } from '$lib/i18n';

// Intl formatters are costly to build and formatting runs per table cell: one per locale and shape.
const cache = new Map<string, Intl.NumberFormat>();
function formatter(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${language}|${JSON.stringify(options)}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(LOCALES[language], options);
		cache.set(key, f);
	}
	return f;
}

/** `1.234`, `12,5` in Spanish; at most `maximumFractionDigits` decimals (0 unless asked). */
export function formatNumber(value: number, language: Language = 'es', maximumFractionDigits = 0): string {
	// es-CL leaves 4-digit numbers ungrouped ("1234"); Chilean practice writes "1.234".
	return formatter(language, { maximumFractionDigits, useGrouping: 'always' }).format(value);
}

/** A share (0.125) as a percentage: `12,5 %` in Spanish, `12.5%` in English. */
export function formatPercent(share: number, language: Language = 'es', maximumFractionDigits = 1): string {
	const text = formatter(language, { maximumFractionDigits, minimumFractionDigits: 0 }).format(share * 100);
	return language === 'es' ? `${text} %` : `${text}%`;
}

/** Chilean pesos, no decimals: `$ 12.500.000`. */
export function formatClp(value: number, language: Language = 'es'): string {
	return `$ ${formatNumber(Math.round(value), language)}`;
}

/**
 * Large sums the way Chilean budget documents write them: `$ 12.500 M` (millions, "MM$" in some
 * offices) from a million up, `$ 1,2 mil M` never — readers compare millions across rows, so the unit
 * stays fixed. Below a million the full figure. Show `formatClp` in a tooltip beside it.
 */
export function formatClpCompact(value: number, language: Language = 'es'): string {
	if (Math.abs(value) < 1_000_000) return formatClp(value, language);
	const millions = value / 1_000_000;
	const digits = Math.abs(millions) < 10 ? 1 : 0;
	return `$ ${formatNumber(millions, language, digits)} M`;
}
