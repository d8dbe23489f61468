// Estimated costs of commitments grouped the way the budget process asks for them: by theme, by
// responsible institution and by the year they fall due. Cancelled commitments cost nothing and are
// left out; commitments without an estimate are counted apart, so a total never looks complete
// when it is not.

export interface CostedCommitment {
	theme_code: string;
	responsible: { id: number; name: string } | null;
	due_on: string;
	status: string;
	estimated_cost_clp: number | null;
}

export interface CostGroup {
	key: string;
	label: string;
	total: number;
	count: number;
	/** Of those, how many carry an estimate: none means the total is unknown, not zero. */
	estimated: number;
}

export interface CostBreakdown {
	total: number;
	/** Commitments counted (not cancelled). */
	count: number;
	/** Of those, how many carry no estimate. */
	withoutEstimate: number;
	byTheme: CostGroup[];
	byInstitution: CostGroup[];
	byYear: CostGroup[];
}

function add(groups: Map<string, CostGroup>, key: string, label: string, cost: number | null) {
	const group = groups.get(key) ?? { key, label, total: 0, count: 0, estimated: 0 };
	group.total += cost ?? 0;
	group.count += 1;
	if (cost !== null) group.estimated += 1;
	groups.set(key, group);
}

const byTotal = (a: CostGroup, b: CostGroup) => b.total - a.total || a.label.localeCompare(b.label, 'es');

export function costBreakdown(
	commitments: readonly CostedCommitment[],
	themeName: (code: string) => string
): CostBreakdown {
	const themes = new Map<string, CostGroup>();
	const institutions = new Map<string, CostGroup>();
	const years = new Map<string, CostGroup>();
	let total = 0;
	let count = 0;
	let withoutEstimate = 0;
	for (const c of commitments) {
		if (c.status === 'cancelled') continue;
		const cost = c.estimated_cost_clp ?? 0;
		count += 1;
		if (c.estimated_cost_clp === null) withoutEstimate += 1;
		total += cost;
		add(themes, c.theme_code, themeName(c.theme_code), c.estimated_cost_clp);
		add(institutions, String(c.responsible?.id ?? ''), c.responsible?.name ?? '—', c.estimated_cost_clp);
		const year = c.due_on.slice(0, 4);
		add(years, year, year, c.estimated_cost_clp);
	}
	return {
		total,
		count,
		withoutEstimate,
		byTheme: [...themes.values()].sort(byTotal),
		byInstitution: [...institutions.values()].sort(byTotal),
		byYear: [...years.values()].sort((a, b) => a.key.localeCompare(b.key))
	};
}

/**
 * The part of a national commitment's cost that falls to each region: in proportion to how many
 * of its comunas lie in each (the region is the first two digits of a comuna's CUT code), in whole
 * pesos by the largest remainder (ties: the lower region code), so the parts add up to the cost.
 * A commitment without comunas has no regional part (it counts under "nacional").
 */
export function costByRegion(cost: number, communeCodes: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const code of new Set(communeCodes))
		counts.set(code.slice(0, 2), (counts.get(code.slice(0, 2)) ?? 0) + 1);
	const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
	const parts = [...counts].map(([region, n]) => {
		const exact = (cost * n) / total;
		return { region, whole: Math.floor(exact), remainder: exact - Math.floor(exact) };
	});
	let left = cost - parts.reduce((sum, p) => sum + p.whole, 0);
	for (const part of [...parts].sort(
		(a, b) => b.remainder - a.remainder || a.region.localeCompare(b.region)
	)) {
		if (left <= 0) break;
		part.whole += 1;
		left -= 1;
	}
	return new Map(parts.map((p) => [p.region, p.whole]));
}
