// npm run stack -- <start|stop|status|reset|env [--output FILE]>: the embedded Supabase-compatible stack.
import { ports } from './lib/stack/config.ts';
import { readStackEnv } from './lib/stack/connection.ts';
import { envLines, resetStack, stackStatus, startStack, stopStack } from './lib/stack/stack.ts';
import { writePrivateFile } from './lib/stack/secrets.ts';
import { StackError } from './lib/stack/system.ts';

const usage = 'Uso: npm run stack -- <start|stop|status|reset|env [--output ARCHIVO]>';

async function main(command: string | undefined): Promise<number> {
	switch (command) {
		case 'start': {
			const env = await startStack();
			console.log(`Pila local lista: ${env.PUBLIC_SUPABASE_URL} (REST /rest/v1, Auth /auth/v1)`);
			return 0;
		}
		case 'stop':
			await stopStack();
			console.log('Pila local detenida.');
			return 0;
		case 'reset': {
			await resetStack();
			console.log('Pila local reconstruida desde supabase/migrations, seed y datos territoriales.');
			return 0;
		}
		case 'status': {
			const s = await stackStatus();
			console.log(
				`PostgreSQL: ${s.postgres ? 'en marcha' : 'detenido'}${s.cluster ? ` (${s.cluster})` : ' (sin clúster)'}`
			);
			console.log(`API (PostgREST + Auth): ${s.api ? 'en marcha' : 'detenida'}`);
			console.log(`Buzón local (SMTP ${ports.smtp}): ${s.mailbox ? 'en marcha' : 'detenido'}`);
			return s.postgres && s.api && s.mailbox ? 0 : 3;
		}
		case 'env': {
			const env = readStackEnv();
			if (!env) {
				console.error('La pila local no se ha creado todavía: ejecute `npm run stack -- start`.');
				return 1;
			}
			const output = process.argv[3] === '--output' ? process.argv[4] : undefined;
			if (process.argv[3] !== undefined && !output) {
				console.error(usage);
				return 2;
			}
			if (!output) {
				console.log(envLines(env));
				return 0;
			}
			// The lines hold the service key and the database password: readable by the owner only,
			// which a shell redirection (umask, usually 644) would not give.
			writePrivateFile(output, envLines(env) + '\n');
			console.log(`Escrito ${output} (solo legible por su dueño).`);
			return 0;
		}
		default:
			console.error(usage);
			return 2;
	}
}

try {
	process.exitCode = await main(process.argv[2]);
} catch (error) {
	console.error(error instanceof StackError ? `Error: ${error.message}` : error);
	process.exitCode = 1;
}
