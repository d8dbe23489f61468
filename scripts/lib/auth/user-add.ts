// What `npm run user:add` does, apart from reading the command line: validate the input and create
// a confirmed password account plus its membership through supabase-js with the service key, so it
// works the same against the local stack and a hosted Supabase. Either both the account and the
// membership exist afterwards, or neither does.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';

const REGIONAL_ROLES = ['secretariat', 'gore'] as const;

export const userAddInput = z
	.object({
		email: z
			.string({ error: 'Falta --email.' })
			.trim()
			.toLowerCase()
			.pipe(z.email({ error: 'El correo no es válido.' })),
		password: z
			.string({ error: 'Falta la clave.' })
			.min(8, { error: 'La clave debe tener al menos 8 caracteres.' })
			.refine((value) => Buffer.byteLength(value, 'utf8') <= 72, {
				error: 'La clave no puede superar 72 bytes.'
			}),
		role: z.enum(['admin', 'secretariat', 'gore', 'planner'], {
			error: 'Falta --role o no es válido: use admin, secretariat, gore o planner.'
		}),
		region: z
			.string()
			.regex(/^\d{2}$/, { error: 'La región debe ser un código de dos dígitos, p. ej. 05.' })
			.optional(),
		// The institution the user acts for (e.g. a municipality that acknowledges deliveries); gore
		// users without one get their region's Gobierno Regional from the database.
		institution: z
			.string()
			.regex(/^[1-9]\d*$/, { error: 'La institución es el id numérico de public.institutions.' })
			.transform(Number)
			.optional()
	})
	.superRefine((input, ctx) => {
		const regional = (REGIONAL_ROLES as readonly string[]).includes(input.role);
		if (regional && !input.region) {
			ctx.addIssue({
				code: 'custom',
				path: ['region'],
				message: `El rol ${input.role} exige --region.`
			});
		}
		if (!regional && input.region) {
			ctx.addIssue({
				code: 'custom',
				path: ['region'],
				message: `El rol ${input.role} es nacional: no lleve --region.`
			});
		}
	});

export type UserAddInput = z.infer<typeof userAddInput>;

/** A failure explained in plain words for the person running the command. */
export class UserAddError extends Error {}

/** supabase-js reports an unreachable server as a failed fetch; say what to do about it. */
function unreachable(message: string): boolean {
	return /fetch failed|ECONNREFUSED|ENOTFOUND/i.test(message);
}

const unreachableError = () =>
	new UserAddError('No se pudo conectar con Supabase: ¿está en marcha? (local: `npm run stack -- start`).');

async function assertRegionExists(admin: SupabaseClient, code: string): Promise<void> {
	const { data, error } = await admin.from('regions').select('code').order('code');
	if (error) {
		if (unreachable(`${error.message} ${error.details ?? ''}`)) throw unreachableError();
		throw new UserAddError(`No se pudo leer public.regions: ${error.message}`);
	}
	const codes = (data ?? []).map((row: { code: string }) => row.code);
	if (codes.length === 0)
		throw new UserAddError('public.regions está vacía: cargue el territorio (`npm run data`).');
	if (!codes.includes(code))
		throw new UserAddError(`La región ${code} no existe. Regiones válidas: ${codes.join(', ')}.`);
}

async function assertInstitutionFits(
	admin: SupabaseClient,
	id: number,
	region: string | undefined
): Promise<void> {
	const { data, error } = await admin
		.from('institutions')
		.select('id, name, region_code')
		.eq('id', id)
		.maybeSingle();
	if (error) {
		if (unreachable(`${error.message} ${error.details ?? ''}`)) throw unreachableError();
		throw new UserAddError(`No se pudo leer public.institutions: ${error.message}`);
	}
	if (!data) throw new UserAddError(`La institución ${id} no existe.`);
	if (region && data.region_code && data.region_code !== region) {
		throw new UserAddError(`${data.name} pertenece a la región ${data.region_code}, no a la ${region}.`);
	}
}

export async function addUser(admin: SupabaseClient, input: UserAddInput): Promise<{ id: string }> {
	if (input.region) await assertRegionExists(admin, input.region);
	if (input.institution) await assertInstitutionFits(admin, input.institution, input.region);

	const { data, error } = await admin.auth.admin.createUser({
		email: input.email,
		password: input.password,
		email_confirm: true,
		app_metadata: { role: input.role, region_code: input.region }
	});
	if (error || !data.user) {
		if (error?.code === 'email_exists')
			throw new UserAddError(`Ya existe un usuario con el correo ${input.email}.`);
		if (error?.code === 'weak_password')
			throw new UserAddError(`La clave es demasiado débil: ${error.message}`);
		if (error && error.status === 0 && unreachable(error.message)) throw unreachableError();
		throw new UserAddError(`No se pudo crear el usuario: ${error?.message ?? 'respuesta vacía'}`);
	}
	const userId = data.user.id;

	const { error: membershipError } = await admin.from('memberships').upsert(
		{
			user_id: userId,
			role: input.role,
			region_code: input.region ?? null,
			institution_id: input.institution ?? null
		},
		{ onConflict: 'user_id' }
	);
	if (membershipError) {
		// Nothing half-written: an account without a membership would sign in to an empty app.
		const { error: rollbackError } = await admin.auth.admin.deleteUser(userId);
		const rollback = rollbackError
			? ` Además no se pudo borrar el usuario ${userId} recién creado (${rollbackError.message}); bórrelo a mano.`
			: ' El usuario recién creado fue eliminado.';
		throw new UserAddError(`No se pudo registrar la membresía: ${membershipError.message}.${rollback}`);
	}
	return { id: userId };
}
