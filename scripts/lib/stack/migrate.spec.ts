import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationFiles } from './migrate.ts';

function folderWith(names: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
	for (const name of names) writeFileSync(join(dir, name), 'select 1;');
	return dir;
}

describe('migrationFiles', () => {
	it('orders migrations by version and splits version from name', () => {
		const dir = folderWith([
			'20261124000200_territory.sql',
			'20261124000100_extensions.sql',
			'README.md'
		]);
		expect(migrationFiles(dir).map(({ version, name }) => [version, name])).toEqual([
			['20261124000100', 'extensions'],
			['20261124000200', 'territory']
		]);
	});

	it('refuses a .sql file that would otherwise never be applied', () => {
		const dir = folderWith(['20261124000100_extensions.sql', 'territory.sql']);
		expect(() => migrationFiles(dir)).toThrow(/territory\.sql/);
	});

	it('accepts every migration in the repository', () => {
		expect(migrationFiles().length).toBeGreaterThan(3);
	});
});
