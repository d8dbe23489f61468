import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge, lintNames, splinterFile, type Finding } from './db-lint.ts';

const finding = (name: string, level: Finding['level'], cacheKey = `${name}_x`): Finding => ({
	name,
	level,
	detail: `${name} detail`,
	cacheKey
});

describe('lintNames', () => {
	it('finds every lint of the vendored splinter query', () => {
		const names = lintNames(readFileSync(splinterFile, 'utf8'));
		expect(names).toContain('multiple_permissive_policies');
		expect(names).toContain('unindexed_foreign_keys');
		expect(names).toContain('authenticated_security_definer_function_executable');
		expect(names.length).toBeGreaterThanOrEqual(25);
	});
});

describe('judge', () => {
	it('passes a lint without findings and fails one with a WARN or an ERROR', () => {
		const results = judge(
			['auth_rls_initplan', 'multiple_permissive_policies', 'security_definer_view'],
			[finding('multiple_permissive_policies', 'WARN'), finding('security_definer_view', 'ERROR')]
		);
		expect(results.map((r) => [r.lint, r.ok])).toEqual([
			['auth_rls_initplan', true],
			['multiple_permissive_policies', false],
			['security_definer_view', false]
		]);
	});

	it('accepts only the documented INFO findings', () => {
		const results = judge(
			['no_primary_key', 'unindexed_foreign_keys', 'unused_index'],
			[
				finding('unused_index', 'INFO'),
				finding('no_primary_key', 'INFO', 'no_primary_key_private_commune_pieces'),
				finding('no_primary_key', 'INFO', 'no_primary_key_public_projects'),
				finding('unindexed_foreign_keys', 'INFO')
			]
		);
		const byLint = Object.fromEntries(results.map((r) => [r.lint, r]));
		expect(byLint.unused_index.ok).toBe(true);
		expect(byLint.no_primary_key.ok).toBe(false);
		expect(byLint.no_primary_key.failures.map((f) => f.cacheKey)).toEqual([
			'no_primary_key_public_projects'
		]);
		expect(byLint.no_primary_key.accepted).toHaveLength(1);
		expect(byLint.unindexed_foreign_keys.ok).toBe(false);
	});

	it('counts a lint the name list misses when it has findings', () => {
		expect(judge([], [finding('new_lint', 'WARN')])).toMatchObject([{ lint: 'new_lint', ok: false }]);
	});
});
