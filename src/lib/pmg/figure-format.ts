import { formatClp, formatNumber, formatPercent } from '$lib/format';
import type { Language } from '$lib/i18n';
import type { FigureFormat } from './evidence';

/** A figure of the evidence as it reads in Chile: `12`, `48,5 %`, `$ 3.500.000`; `—` when unknown. */
export function formatFigure(value: number | null, format: FigureFormat, lang: Language): string {
	if (value === null) return '—';
	if (format === 'share') return formatPercent(value, lang);
	if (format === 'clp') return formatClp(value, lang);
	return formatNumber(value, lang);
}

/** A change from last year, signed (`+3`, `−2,5 pp`): shares change in percentage points. */
export function formatChange(change: number | null, format: FigureFormat, lang: Language): string {
	if (change === null) return '—';
	const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
	const size = Math.abs(change);
	if (format === 'share') return `${sign}${formatNumber(size * 100, lang, 1)} pp`;
	if (format === 'clp') return `${sign}${formatClp(size, lang)}`;
	return `${sign}${formatNumber(size, lang)}`;
}
