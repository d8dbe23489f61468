import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { addUser, UserAddError, userAddInput } from './user-add.ts';

describe('userAddInput', () => {
	it('accepts a regional role with its region and normalizes the e-mail', () => {
		expect(
			userAddInput.parse({
				email: ' Ana@MOP.gov.cl ',
				password: 'clave-segura',
				role: 'gore',
				region: '05'
			})
		).toEqual({
			email: 'ana@mop.gov.cl',
			password: 'clave-segura',
			role: 'gore',
			region: '05'
		});
		expect(
			userAddInput.parse({ email: 'a@b.cl', password: '12345678', role: 'admin' }).region
		).toBeUndefined();
	});

	it.each([
		[{ email: 'a@b.cl', password: '12345678', role: 'secretariat' }, 'exige --region'],
		[{ email: 'a@b.cl', password: '12345678', role: 'planner', region: '05' }, 'es nacional'],
		[{ email: 'a@b.cl', password: '12345678', role: 'gore', region: '5' }, 'dos dígitos'],
		[{ email: 'a@b.cl', password: '1234567', role: 'admin' }, 'al menos 8'],
		[{ email: 'a@b.cl', password: 'x'.repeat(73), role: 'admin' }, '72 bytes'],
		[{ email: 'no-es-correo', password: '12345678', role: 'admin' }, 'correo no es válido'],
		[
			{ email: 'a@b.cl', password: '12345678', role: 'superuser' },
			'use admin, secretariat, gore o planner'
		],
		[{ password: '12345678', role: 'admin' }, 'Falta --email'],
		[{ email: 'a@b.cl', password: '12345678', role: 'admin', institution: 'DGOP' }, 'id numérico']
	])('refuses %o with a clear message', (input, message) => {
		const result = userAddInput.safeParse(input);
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((issue) => issue.message).join(' ')).toContain(message);
	});
});

/** Just enough of a service-role supabase-js client, recording what was asked of it. */
function fakeAdmin(options: {
	regions?: string[];
	institutions?: { id: number; name: string; region_code: string | null }[];
	createError?: { code: string; message: string; status: number };
	membershipError?: string;
}) {
	const calls: string[] = [];
	const client = {
		from(table: string) {
			return {
				select: () => ({
					eq: (_column: string, id: number) => ({
						maybeSingle: async () => {
							calls.push(`select ${table} ${id}`);
							return {
								data: (options.institutions ?? []).find((i) => i.id === id) ?? null,
								error: null
							};
						}
					}),
					order: async () => {
						calls.push(`select ${table}`);
						return { data: (options.regions ?? []).map((code) => ({ code })), error: null };
					}
				}),
				upsert: async (row: Record<string, unknown>) => {
					calls.push(`upsert ${table} ${JSON.stringify(row)}`);
					return { error: options.membershipError ? { message: options.membershipError } : null };
				}
			};
		},
		auth: {
			admin: {
				createUser: async (attributes: Record<string, unknown>) => {
					calls.push(`createUser ${JSON.stringify(attributes.app_metadata)}`);
					if (options.createError) return { data: { user: null }, error: options.createError };
					return { data: { user: { id: 'new-user-id' } }, error: null };
				},
				deleteUser: async (id: string) => {
					calls.push(`deleteUser ${id}`);
					return { data: { user: null }, error: null };
				}
			}
		}
	};
	return { client: client as unknown as SupabaseClient, calls };
}

const gore = { email: 'ana@mop.gov.cl', password: 'clave-segura', role: 'gore' as const, region: '05' };

describe('addUser', () => {
	it('creates the account with app_metadata, then the membership', async () => {
		const { client, calls } = fakeAdmin({ regions: ['01', '05', '13'] });
		expect(await addUser(client, gore)).toEqual({ id: 'new-user-id' });
		expect(calls).toEqual([
			'select regions',
			'createUser {"role":"gore","region_code":"05"}',
			'upsert memberships {"user_id":"new-user-id","role":"gore","region_code":"05","institution_id":null}'
		]);
	});

	it('records the institution the user acts for when it exists in the same region', async () => {
		const { client, calls } = fakeAdmin({
			regions: ['05'],
			institutions: [{ id: 42, name: 'Municipalidad de Quilpué', region_code: '05' }]
		});
		await addUser(client, { ...gore, institution: 42 });
		expect(calls.at(-1)).toBe(
			'upsert memberships {"user_id":"new-user-id","role":"gore","region_code":"05","institution_id":42}'
		);
	});

	it('refuses an unknown institution or one of another region before creating anything', async () => {
		const institutions = [{ id: 7, name: 'Municipalidad de Arica', region_code: '15' }];
		const unknown = fakeAdmin({ regions: ['05'], institutions });
		await expect(addUser(unknown.client, { ...gore, institution: 8 })).rejects.toThrow(
			'La institución 8 no existe.'
		);
		const elsewhere = fakeAdmin({ regions: ['05'], institutions });
		await expect(addUser(elsewhere.client, { ...gore, institution: 7 })).rejects.toThrow(
			'Municipalidad de Arica pertenece a la región 15, no a la 05.'
		);
		expect(elsewhere.calls.some((c) => c.startsWith('createUser'))).toBe(false);
	});

	it('refuses a region that is not in public.regions before creating anything', async () => {
		const { client, calls } = fakeAdmin({ regions: ['01', '13'] });
		await expect(addUser(client, gore)).rejects.toThrow(
			'La región 05 no existe. Regiones válidas: 01, 13.'
		);
		expect(calls).toEqual(['select regions']);
	});

	it('deletes the new account when the membership cannot be written', async () => {
		const { client, calls } = fakeAdmin({
			regions: ['05'],
			membershipError: 'violates check constraint'
		});
		await expect(addUser(client, gore)).rejects.toThrow(UserAddError);
		expect(calls.at(-1)).toBe('deleteUser new-user-id');
	});

	it('explains an existing e-mail', async () => {
		const { client } = fakeAdmin({
			regions: ['05'],
			createError: { code: 'email_exists', message: 'exists', status: 422 }
		});
		await expect(addUser(client, gore)).rejects.toThrow(
			'Ya existe un usuario con el correo ana@mop.gov.cl.'
		);
	});
});
