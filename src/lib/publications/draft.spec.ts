import { describe, expect, it } from 'vitest';
import { sameDraft, type DraftFields } from './draft';

const draft: DraftFields = {
	title: 'Informe',
	summary: '',
	body_md: '# Hola',
	kind: 'report',
	communes: ['05101', '05109'],
	projects: [{ id: 3, label: 'Ruta' }],
	commitments: [],
	flow_id: '',
	due_on: '',
	scheduled_at: ''
};

describe('sameDraft', () => {
	it('ignores the order of links', () => {
		expect(sameDraft(draft, { ...draft, communes: ['05109', '05101'] })).toBe(true);
	});

	it('sees a changed body, comuna or schedule', () => {
		expect(sameDraft(draft, { ...draft, body_md: '# Hola!' })).toBe(false);
		expect(sameDraft(draft, { ...draft, communes: ['05101'] })).toBe(false);
		expect(sameDraft(draft, { ...draft, scheduled_at: '2026-12-01T10:00' })).toBe(false);
	});
});
