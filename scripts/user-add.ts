// npm run user:add -- --email E --role admin|secretariat|gore|planner [--region CODE] [--institution ID]
// The command line around scripts/lib/auth/user-add.ts. The password is asked for, piped in, or
// taken from TABLERO_USER_PASSWORD (password-input.ts): never an argument, which `ps` shows.
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { PASSWORD_ENV, readNewPassword } from './lib/auth/password-input.ts';
import { addUser, UserAddError, userAddInput } from './lib/auth/user-add.ts';
import { requireSetting, resolveConnection } from './lib/connection.ts';

const USAGE = `Uso: npm run user:add -- --email CORREO --role admin|secretariat|gore|planner [--region CÓDIGO] [--institution ID]

  --email     correo del usuario
  --role      admin y planner son nacionales; secretariat y gore exigen --region
  --region    código de región de dos dígitos (01 a 16), p. ej. 05 para Valparaíso
  --institution  id de public.institutions por la que actúa (p. ej. una municipalidad);
              un usuario gore sin ella actúa por el Gobierno Regional de su región

La clave inicial (8 a 72 bytes) se pide sin mostrarla; sin terminal se lee de la entrada estándar
(printf %s "$CLAVE" | npm run user:add -- …) o de la variable ${PASSWORD_ENV}. Nunca como argumento:
la línea de órdenes queda visible para otros usuarios en ps.

Usa PUBLIC_SUPABASE_URL y SUPABASE_SERVICE_ROLE_KEY del entorno o, si no están, el stack local.`;

function connectionSettings(): { url: string; serviceKey: string } {
	const connection = resolveConnection();
	try {
		return {
			url: requireSetting(connection, 'PUBLIC_SUPABASE_URL'),
			serviceKey: requireSetting(connection, 'SUPABASE_SERVICE_ROLE_KEY')
		};
	} catch (error) {
		throw new UserAddError((error as Error).message);
	}
}

function invalid(issues: { message: string }[]): UserAddError {
	const problems = issues.map((issue) => `  - ${issue.message}`).join('\n');
	return new UserAddError(`Datos no válidos:\n${problems}\n\n${USAGE}`);
}

async function main(): Promise<void> {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				email: { type: 'string' },
				// Only to refuse it with an explanation: see the header comment.
				password: { type: 'string' },
				role: { type: 'string' },
				region: { type: 'string' },
				institution: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		throw new UserAddError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
	}
	if (values.help) {
		console.log(USAGE);
		return;
	}

	if (values.password !== undefined) {
		throw new UserAddError(
			'--password ya no se acepta: la línea de órdenes es visible para otros usuarios (ps) y queda en el historial.\n' +
				`Ejecute sin --password y escriba la clave cuando se pida, o pásela por la entrada estándar o en ${PASSWORD_ENV}.`
		);
	}
	// Validate the rest first, so nobody types a password for a command that will fail anyway.
	const withoutPassword = userAddInput.safeParse({ ...values, password: 'x'.repeat(8) });
	if (!withoutPassword.success) throw invalid(withoutPassword.error.issues);
	const password = await readNewPassword({
		env: process.env,
		input: process.stdin,
		output: process.stderr
	});
	if ('error' in password) throw new UserAddError(password.error);

	const parsed = userAddInput.safeParse({ ...values, password: password.password });
	if (!parsed.success) throw invalid(parsed.error.issues);
	const input = parsed.data;

	const { url, serviceKey } = connectionSettings();
	const admin = createClient(url, serviceKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
	const { id } = await addUser(admin, input);
	const scope = input.region ? `región ${input.region}` : 'nacional';
	console.log(`Usuario creado: ${input.email} (${id}), rol ${input.role}, ${scope}.`);
}

try {
	await main();
} catch (error) {
	if (error instanceof UserAddError) {
		console.error(error.message);
	} else {
		const cause =
			error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
		console.error(`Error inesperado: ${error instanceof Error ? error.message : String(error)}${cause}`);
	}
	process.exitCode = 1;
}
