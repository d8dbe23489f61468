import { describe, expect, it } from 'vitest';
import { Constants } from '$lib/database.types';
import { enumLabel, enumOptions, type EnumType } from './enums';

describe('enum labels', () => {
	it('labels every code of every database enum in both languages, in schema order', () => {
		for (const [type, codes] of Object.entries(Constants.public.Enums) as [
			EnumType,
			readonly string[]
		][]) {
			for (const language of ['es', 'en'] as const) {
				const options = enumOptions(language, type);
				expect(
					options.map((o) => o.code),
					`${language} ${type}`
				).toEqual([...codes]);
				for (const option of options)
					expect(option.label, `${type}.${option.code}`).not.toBe(option.code);
			}
		}
	});
	it('reads Spanish labels for the stable English codes', () => {
		expect(enumLabel('es', 'project_status', 'in_progress')).toBe('En curso');
		expect(enumLabel('es', 'agreement_kind', 'working_group')).toBe('Mesa de trabajo');
		expect(enumLabel('en', 'publication_kind', 'minutes')).toBe('Minutes');
	});
	it('shows an unknown code as itself rather than nothing', () => {
		expect(enumLabel('es', 'project_status', 'reopened')).toBe('reopened');
	});
});
