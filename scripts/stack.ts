// npm run stack -- <start|stop|status|reset|env>: the embedded Supabase-compatible stack.
import { readStackEnv } from './lib/stack/connection.ts';
import { envLines, resetStack, stackStatus, startStack, stopStack } from './lib/stack/stack.ts';
import { StackError } from './lib/stack/system.ts';

const usage = 'Uso: npm run stack -- <start|stop|status|reset|env>';

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
			return s.postgres && s.api ? 0 : 3;
		}
		case 'env': {
			const env = readStackEnv();
			if (!env) {
				console.error('La pila local no se ha creado todavía: ejecute `npm run stack -- start`.');
				return 1;
			}
			console.log(envLines(env));
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
