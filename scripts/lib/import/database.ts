// The CLI import's side of the database (npm run import, npm run bench:import): the reference
// lists the validator checks names against, and the sink that stages rows in one transaction.
import type pg from 'pg';
import type { ImportReference } from '../../../src/lib/import/reference.ts';
import type { DatabaseOutcome, ImportSink } from '../../../src/lib/import/run.ts';

export async function importReference(client: pg.ClientBase): Promise<ImportReference> {
	// One query at a time: a pg client does not pipeline.
	const services = await client.query('select code, name, acronym from public.mop_services');
	const communes = await client.query('select code, name, region_code from public.communes');
	const regions = await client.query('select code, name from public.regions');
	return { services: services.rows, communes: communes.rows, regions: regions.rows };
}

export interface TransactionHooks {
	/** Runs right after `begin`, before anything is staged. */
	afterBegin?: () => Promise<void>;
	/** Runs after the database checks (and writes), before the transaction ends. */
	beforeEnd?: () => Promise<void>;
	/** Ends the transaction with a rollback even after a commit was asked for (benchmarks). */
	rollbackAlways?: boolean;
}

/** Rows staged batch by batch inside one transaction; committed only by finish(true). */
export function transactionSink(
	client: pg.ClientBase,
	region: string | null,
	hooks: TransactionHooks = {}
): ImportSink {
	let open = false;
	const begin = async () => {
		if (open) return;
		await client.query('begin');
		await hooks.afterBegin?.();
		await client.query('select private.stage_import_rows()');
		open = true;
	};
	return {
		async add(rows) {
			await begin();
			await client.query('select private.stage_import_batch($1::jsonb)', [JSON.stringify(rows)]);
		},
		async finish(commit) {
			await begin();
			// The API's entry point does the same between staging and judging (a declared comuna of
			// another region is outside the region even when the geometry is not).
			await client.query('select private.reject_declared_communes_outside($1)', [region]);
			const { rows } = await client.query('select private.import_staged_rows($1, $2) as outcome', [
				region,
				commit
			]);
			await hooks.beforeEnd?.();
			await client.query(commit && !hooks.rollbackAlways ? 'commit' : 'rollback');
			open = false;
			return rows[0].outcome as DatabaseOutcome;
		}
	};
}
