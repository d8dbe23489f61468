import { describe, expect, it } from 'vitest';
import { describeApi } from './openapi';

// A trimmed answer of PostgREST 12's GET /rest/v1/ (Accept: application/openapi+json).
const spec = {
	info: { version: '12.0.2' },
	paths: {
		'/': { get: {} },
		'/projects': { get: {}, post: {} },
		'/rpc/filtered_projects': {
			get: {},
			post: {
				summary: 'Proyectos que cumplen el filtro del tablero.',
				parameters: [
					{
						in: 'body',
						name: 'args',
						schema: { properties: { p_filter: { format: 'jsonb' } }, required: ['p_filter'] }
					}
				]
			}
		},
		'/rpc/data_version': {
			post: { parameters: [{ in: 'body', name: 'args', schema: { properties: {} } }] }
		}
	},
	definitions: {
		projects: {
			description: 'Proyectos del MOP.',
			required: ['id', 'service_code'],
			properties: {
				id: { description: 'Note:\nThis is a Primary Key.<pk/>', format: 'bigint', type: 'integer' },
				service_code: {
					description:
						"Servicio.\n\nNote:\nThis is a Foreign Key to `mop_services.code`.<fk table='mop_services' column='code'/>",
					format: 'text',
					type: 'string'
				},
				stage: { enum: ['idea', 'profile'], format: 'public.project_stage', type: 'string' }
			}
		}
	}
};

describe('describeApi', () => {
	it('lists tables with their columns, keys, references and values, and functions with their parameters', () => {
		const api = describeApi(spec);
		expect(api.version).toBe('12.0.2');
		expect(api.tables).toEqual([
			{
				name: 'projects',
				path: '/projects',
				description: 'Proyectos del MOP.',
				columns: [
					{
						name: 'id',
						type: 'bigint',
						required: true,
						primaryKey: true,
						references: null,
						values: null,
						description: null
					},
					{
						name: 'service_code',
						type: 'text',
						required: true,
						primaryKey: false,
						references: 'mop_services.code',
						values: null,
						description: 'Servicio.'
					},
					{
						name: 'stage',
						type: 'public.project_stage',
						required: false,
						primaryKey: false,
						references: null,
						values: ['idea', 'profile'],
						description: null
					}
				]
			}
		]);
		expect(api.functions).toEqual([
			{ name: 'data_version', path: '/rpc/data_version', description: null, params: [] },
			{
				name: 'filtered_projects',
				path: '/rpc/filtered_projects',
				description: 'Proyectos que cumplen el filtro del tablero.',
				params: [{ name: 'p_filter', type: 'jsonb', required: true }]
			}
		]);
	});

	it('is empty for an empty document', () => {
		expect(describeApi({})).toEqual({ version: '', tables: [], functions: [] });
	});
});
