// Requirement 1.2 (articulación territorial): which institutions take part in which agreements,
// as a matrix, and how many of each type are articulated.

export interface ArticulationAgreement {
	id: number;
	title: string;
}

export interface ArticulationParty {
	agreement_id: number;
	role: string;
	institution: { id: number; name: string; acronym: string | null; kind: string } | null;
}

export interface ArticulationRow {
	id: number;
	name: string;
	acronym: string | null;
	kind: string;
	/** The institution's role in each agreement it takes part in, by agreement id. */
	roles: Map<number, string>;
}

export interface KindSummary {
	kind: string;
	institutions: number;
	agreements: number;
}

export function articulationMatrix(parties: readonly ArticulationParty[]): ArticulationRow[] {
	const rows = new Map<number, ArticulationRow>();
	for (const party of parties) {
		if (!party.institution) continue;
		const { id, name, acronym, kind } = party.institution;
		const row = rows.get(id) ?? { id, name, acronym, kind, roles: new Map() };
		row.roles.set(party.agreement_id, party.role);
		rows.set(id, row);
	}
	return [...rows.values()].sort(
		(a, b) => b.roles.size - a.roles.size || a.name.localeCompare(b.name, 'es')
	);
}

/** Per institution kind: how many institutions are articulated and through how many agreements. */
export function articulationByKind(
	rows: readonly ArticulationRow[],
	kindOrder: readonly string[]
): KindSummary[] {
	const kinds = new Map<string, { institutions: number; agreements: Set<number> }>();
	for (const row of rows) {
		const entry = kinds.get(row.kind) ?? { institutions: 0, agreements: new Set<number>() };
		entry.institutions += 1;
		for (const agreement of row.roles.keys()) entry.agreements.add(agreement);
		kinds.set(row.kind, entry);
	}
	return kindOrder.flatMap((kind) => {
		const entry = kinds.get(kind);
		return entry ? [{ kind, institutions: entry.institutions, agreements: entry.agreements.size }] : [];
	});
}

/** Share of the region's comunas that at least one agreement covers. */
export function coverage(communeCodes: readonly string[], covered: ReadonlySet<string>) {
	const count = communeCodes.filter((code) => covered.has(code)).length;
	return {
		covered: count,
		total: communeCodes.length,
		share: communeCodes.length ? count / communeCodes.length : 0
	};
}
