// npm run user:add -- --email E --password P --role admin|secretariat|gore|planner [--region CODE] [--institution ID]
// The command line around scripts/lib/auth/user-add.ts.
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { addUser, UserAddError, userAddInput } from './lib/auth/user-add.ts';
import { requireSetting, resolveConnection } from './lib/connection.ts';

const USAGE = `Uso: npm run user:add -- --email CORREO --password CLAVE --role admin|secretariat|gore|planner [--region CÓDIGO] [--institution ID]

  --email     correo del usuario
  --password  clave inicial (8 a 72 caracteres)
  --role      admin y planner son nacionales; secretariat y gore exigen --region
  --region    código de región de dos dígitos (01 a 16), p. ej. 05 para Valparaíso
  --institution  id de public.institutions por la que actúa (p. ej. una municipalidad);
              un usuario gore sin ella actúa por el Gobierno Regional de su región

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

async function main(): Promise<void> {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				email: { type: 'string' },
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

	const parsed = userAddInput.safeParse(values);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `  - ${issue.message}`).join('\n');
		throw new UserAddError(`Datos no válidos:\n${problems}\n\n${USAGE}`);
	}
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
