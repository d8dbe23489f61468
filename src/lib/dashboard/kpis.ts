import { formatClp, formatClpCompact, formatNumber, formatPercent } from '$lib/format';
import { translate, translatePlural, type Language } from '$lib/i18n';
import type { DashboardSummary } from './summary';

export interface KpiCard {
	id: 'investment' | 'projects' | 'overdue' | 'punctuality';
	label: string;
	value: string;
	/** The full figure when `value` is abbreviated (shown as a tooltip). */
	valueTitle?: string;
	details: string[];
	/** Only overdue commitments alert, and then with an icon and words as well as red. */
	alert?: string;
}

/**
 * The four cards of a dashboard view, the ones issue 7 names. Executed spending and physical
 * progress do not get cards of their own (the design allows four): they qualify investment and
 * projects, so each rides as a detail line of the card it qualifies, where it is read in context.
 */
export function buildKpis(kpis: DashboardSummary['kpis'], language: Language): KpiCard[] {
	const percent = (share: number) => formatPercent(share, language);

	const investmentDetails =
		kpis.investment_clp > 0
			? [
					translate(language, 'kpi.investmentSpent', {
						amount: formatClpCompact(kpis.spent_clp, language),
						share: percent(kpis.spent_clp / kpis.investment_clp)
					})
				]
			: [];

	const projectDetails = [
		...(kpis.physical_progress !== null
			? [translate(language, 'kpi.projectsProgress', { share: percent(kpis.physical_progress / 100) })]
			: []),
		...(kpis.projects_delayed > 0
			? [translatePlural(language, 'kpi.projectsDelayed', kpis.projects_delayed)]
			: [])
	];

	const overdue = kpis.commitments_overdue;

	return [
		{
			id: 'investment',
			label: translate(language, 'kpi.investment'),
			value: formatClpCompact(kpis.investment_clp, language),
			valueTitle: formatClp(kpis.investment_clp, language),
			details: investmentDetails
		},
		{
			id: 'projects',
			label: translatePlural(language, 'kpi.projects', kpis.projects),
			value: formatNumber(kpis.projects, language),
			details: projectDetails
		},
		{
			id: 'overdue',
			label: translate(language, 'kpi.overdue'),
			value: formatNumber(overdue, language),
			details: [
				translate(language, 'kpi.overdueOfOpen', {
					open: formatNumber(kpis.commitments_open, language)
				})
			],
			...(overdue > 0 ? { alert: translate(language, 'kpi.overdueAlert') } : {})
		},
		{
			id: 'punctuality',
			label: translate(language, 'kpi.punctuality'),
			value:
				kpis.deliveries > 0
					? percent(kpis.deliveries_on_time / kpis.deliveries)
					: translate(language, 'kpi.noValue'),
			details: [
				kpis.deliveries > 0
					? translate(language, 'kpi.punctualityDetail', {
							onTime: formatNumber(kpis.deliveries_on_time, language),
							due: formatNumber(kpis.deliveries, language)
						})
					: translate(language, 'kpi.punctualityNone')
			]
		}
	];
}
