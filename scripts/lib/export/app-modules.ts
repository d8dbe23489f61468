// Lets a script import the app's own modules (src/lib) with Node's type stripping, so the export
// CLI runs the very code the /api/export endpoints run. SvelteKit code says `$lib/…` and leaves out
// the `.ts` of relative imports (Vite resolves both); these resolve hooks do the same, for
// specifiers inside src/ only. Nothing here may load a module that needs Vite ($app, $env, .svelte).
import { existsSync, statSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from '../stack/config.ts';

const src = join(repoRoot, 'src');
const lib = join(src, 'lib');

/** The module file a SvelteKit-style path names: itself, with `.ts`, or its `index.ts`. */
function moduleFile(path: string): string | null {
	for (const candidate of [path, `${path}.ts`, join(path, 'index.ts')])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return null;
}

let registered = false;

export function registerAppModules(): void {
	if (registered) return;
	registered = true;
	registerHooks({
		resolve(specifier, context, nextResolve) {
			let path: string | null = null;
			if (specifier.startsWith('$lib/')) path = join(lib, specifier.slice('$lib/'.length));
			else if (
				/^\.\.?\//.test(specifier) &&
				context.parentURL?.startsWith(pathToFileURL(src).href + '/')
			)
				path = resolve(dirname(fileURLToPath(context.parentURL)), specifier);
			const file = path && moduleFile(path);
			return nextResolve(file ? pathToFileURL(file).href : specifier, context);
		}
	});
}

/** Imports a module of src/lib by its path there (e.g. `server/export.ts`). */
export async function importAppModule<T>(pathInLib: string): Promise<T> {
	registerAppModules();
	return (await import(pathToFileURL(join(lib, pathInLib)).href)) as T;
}
