import { describe, expect, it } from 'vitest';
import {
	agreementSchema,
	commitmentSchema,
	fieldErrors,
	nextStatuses,
	partyRows,
	progressSchema
} from './form-schemas';

const agreement = {
	kind: 'working_group',
	title: ' Mesa hídrica ',
	problem: 'Escasez hídrica',
	signed_on: '2026-06-01',
	ends_on: '',
	region_code: '08',
	parties: [{ institution_id: '4', role: 'coordinator' }],
	communes: ['08106']
};

describe('the agreement form', () => {
	it('reads a valid agreement: trimmed, empty end date as none, ids as numbers', () => {
		expect(agreementSchema.parse(agreement)).toEqual({
			...agreement,
			title: 'Mesa hídrica',
			ends_on: null,
			parties: [{ institution_id: 4, role: 'coordinator' }]
		});
		expect(agreementSchema.parse({ ...agreement, region_code: '' }).region_code).toBeNull();
	});

	it('names the field of each problem', () => {
		const result = agreementSchema.safeParse({
			...agreement,
			title: '  ',
			ends_on: '2026-01-01',
			parties: [
				{ institution_id: '4', role: 'signatory' },
				{ institution_id: '4', role: 'funder' }
			],
			communes: ['8106']
		});
		expect(result.success).toBe(false);
		expect(fieldErrors(result.error!)).toEqual({
			title: 'workspace.error.title',
			parties: 'workspace.error.partyTwice',
			communes: 'workspace.error.commune',
			ends_on: 'constraint.agreements_ends_after_signed'
		});
	});

	it('pairs party rows by position and drops blank ones', () => {
		const form = new FormData();
		for (const [institution, role] of [
			['4', 'coordinator'],
			['', 'signatory'],
			['9', 'funder']
		]) {
			form.append('party_institution', institution);
			form.append('party_role', role);
		}
		expect(partyRows(form)).toEqual([
			{ institution_id: '4', role: 'coordinator' },
			{ institution_id: '9', role: 'funder' }
		]);
	});
});

describe('the commitment and progress forms', () => {
	const commitment = {
		title: 'Catastro de pozos',
		responsible_institution_id: '7',
		theme_code: 'medio_ambiente',
		due_on: '2027-03-31',
		estimated_cost_clp: '$ 12.500.000',
		communes: ['08106'],
		projects: ['12', '15', '12']
	};

	it('reads pesos as typed in Chile and the chosen projects as a list', () => {
		expect(commitmentSchema.parse(commitment)).toMatchObject({
			estimated_cost_clp: 12_500_000,
			projects: [12, 15]
		});
		expect(commitmentSchema.parse({ ...commitment, estimated_cost_clp: '', projects: [] })).toMatchObject(
			{
				estimated_cost_clp: null,
				projects: []
			}
		);
	});

	it('refuses decimals, negative costs and stray text', () => {
		for (const cost of ['12,5', '-3', '1e6', 'doce']) {
			const result = commitmentSchema.safeParse({ ...commitment, estimated_cost_clp: cost });
			expect(result.success, cost).toBe(false);
			expect(fieldErrors(result.error!).estimated_cost_clp).toBe('workspace.error.cost');
		}
		// Without script the picker is one field of numbers separated by commas.
		expect(commitmentSchema.parse({ ...commitment, projects: ['12, 15', '', '15'] }).projects).toEqual([
			12, 15
		]);
		expect(
			fieldErrors(commitmentSchema.safeParse({ ...commitment, projects: ['12; 13'] }).error!)
		).toEqual({
			projects: 'workspace.error.projects'
		});
	});

	it('keeps progress within 0–100 and offers only forward statuses', () => {
		expect(progressSchema.parse({ progress: '40', status: 'in_progress', note: ' ' })).toEqual({
			progress: 40,
			status: 'in_progress',
			note: null
		});
		expect(progressSchema.safeParse({ progress: '101', status: 'pending', note: '' }).success).toBe(
			false
		);
		expect(nextStatuses('in_progress')).toEqual(['in_progress', 'fulfilled', 'cancelled']);
		expect(nextStatuses('fulfilled')).toEqual(['fulfilled']);
	});
});
