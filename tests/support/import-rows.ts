import type { ImportRow } from '../../src/lib/import/validate.ts';

/**
 * One validated import row as the import RPCs receive it: a planned Vialidad design of $ 1.000.000
 * for 2026, without geometry or comuna, whatever the test overrides.
 */
export function importRow(rowNumber: number, name: string, overrides: Partial<ImportRow> = {}): ImportRow {
	return {
		row_number: rowNumber,
		bip_code: null,
		name,
		description: null,
		service_code: 'vialidad',
		stage: 'design',
		status: 'planned',
		investment_clp: 1_000_000,
		start_on: '2026-01-01',
		end_on: '2026-12-31',
		geometry: null,
		commune_codes: [],
		...overrides
	};
}
