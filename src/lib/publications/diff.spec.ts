import { describe, expect, it } from 'vitest';
import { diffVersions, type VersionContent } from './diff';

const base: VersionContent = {
	title: 'Informe de avance de marzo',
	summary: 'Avance de la cartera regional.',
	body_md: '# Resumen\n\nLínea uno.\nLínea dos.\n',
	kind: 'report',
	status: 'draft'
};

describe('diffVersions', () => {
	it('reports no change between equal versions', () => {
		expect(diffVersions(base, { ...base }).every((field) => !field.changed)).toBe(true);
	});

	it('marks the changed words of the title and keeps the rest', () => {
		const title = diffVersions(base, { ...base, title: 'Informe de avance de abril' }).find(
			(field) => field.field === 'title'
		)!;
		expect(title.changed).toBe(true);
		expect(title.parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['marzo']);
		expect(title.parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['abril']);
		expect(
			title.parts
				.filter((p) => p.kind === 'same')
				.map((p) => p.text)
				.join('')
		).toBe('Informe de avance de ');
	});

	it('compares the body line by line', () => {
		const body = diffVersions(base, {
			...base,
			body_md: '# Resumen\n\nLínea uno.\nLínea 2 corregida.\n'
		}).find((field) => field.field === 'body_md')!;
		expect(body.parts).toEqual([
			{ kind: 'same', text: '# Resumen\n\nLínea uno.\n' },
			{ kind: 'removed', text: 'Línea dos.\n' },
			{ kind: 'added', text: 'Línea 2 corregida.\n' }
		]);
	});

	it('treats a missing summary or body as empty and the status as a field', () => {
		const fields = diffVersions(
			{ ...base, summary: null, body_md: null },
			{ ...base, status: 'published' }
		);
		expect(fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['summary', 'status', 'body_md']);
	});
});
