import { describe, expect, it } from 'vitest';
import {
	chileLocalToIso,
	composeErrors,
	composeInput,
	composeSchema,
	isoToChileLocal,
	statusFor
} from './compose';

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	return data;
}

describe('composeSchema', () => {
	it('reads a draft with two comunas, cleaning control characters but keeping lines', () => {
		const parsed = composeSchema.parse(
			composeInput(
				form({
					intent: 'draft',
					title: '  Informe\u0000 de marzo ',
					summary: 'Resumen',
					body_md: '# Título\r\n\r\nTexto\u0007',
					kind: 'report',
					communes: ['05101', '05109'],
					projects: ['12'],
					flow_id: '',
					scheduled_at: ''
				})
			)
		);
		expect(parsed.title).toBe('Informe de marzo');
		expect(parsed.body_md).toBe('# Título\n\nTexto');
		expect(parsed.communes).toEqual(['05101', '05109']);
		expect(parsed.projects).toEqual([12]);
		expect(parsed.commitments).toEqual([]);
		expect(parsed.flow_id).toBeNull();
	});

	it('says which field is wrong, as message keys', () => {
		const result = composeSchema.safeParse(
			composeInput(form({ intent: 'draft', title: '   ', kind: 'novela' }))
		);
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(composeErrors(result.error)).toEqual({ title: 'desk.error.title', kind: 'desk.error.kind' });
	});

	it('asks for the time to schedule and the period a delivery delivers', () => {
		const result = composeSchema.safeParse(
			composeInput(form({ intent: 'schedule', title: 'Informe', kind: 'report', flow_id: '3' }))
		);
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(composeErrors(result.error)).toEqual({
			scheduled_at: 'desk.error.scheduledAt',
			due_on: 'desk.error.period'
		});
	});

	it('refuses a hostile comuna code and an unknown intent', () => {
		expect(
			composeSchema.safeParse(
				composeInput(form({ intent: 'draft', title: 'x', kind: 'memo', communes: ["05101' or 1=1"] }))
			).success
		).toBe(false);
		expect(
			composeSchema.safeParse(composeInput(form({ intent: 'delete', title: 'x', kind: 'memo' })))
				.success
		).toBe(false);
	});
});

describe('times on a clock in Chile', () => {
	it('reads summer (UTC-3) and winter (UTC-4) wall times', () => {
		expect(chileLocalToIso('2026-12-01T10:00')).toBe('2026-12-01T13:00:00.000Z');
		expect(chileLocalToIso('2026-07-01T10:00')).toBe('2026-07-01T14:00:00.000Z');
	});

	it('round-trips through the datetime-local value', () => {
		for (const local of ['2026-12-01T10:00', '2026-07-15T23:30', '2027-01-01T00:00'])
			expect(isoToChileLocal(chileLocalToIso(local))).toBe(local);
	});
});

describe('statusFor', () => {
	it('maps the buttons to statuses and keeps the current one on a plain save', () => {
		expect(statusFor('schedule', 'draft')).toBe('scheduled');
		expect(statusFor('publish', 'scheduled')).toBe('published');
		expect(statusFor('save', 'published')).toBe('published');
		expect(statusFor('save', null)).toBe('draft');
	});
});
