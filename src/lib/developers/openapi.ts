// The PostgREST OpenAPI document (Swagger 2.0, what GET /rest/v1/ answers with
// `Accept: application/openapi+json`) as the developers' page lists it: tables and views with
// their columns, functions (RPCs) with their parameters. PostgREST describes only what the
// requesting role may use, so read with the anon key it is the public API.

export interface ApiColumn {
	name: string;
	/** The Postgres type (PostgREST's `format`), e.g. `bigint`, `date`, `public.project_stage`. */
	type: string;
	required: boolean;
	primaryKey: boolean;
	/** `table.column` this column refers to. */
	references: string | null;
	values: string[] | null;
	description: string | null;
}

export interface ApiTable {
	name: string;
	path: string;
	description: string | null;
	columns: ApiColumn[];
}

export interface ApiFunction {
	name: string;
	path: string;
	description: string | null;
	params: { name: string; type: string; required: boolean }[];
}

export interface ApiDescription {
	version: string;
	tables: ApiTable[];
	functions: ApiFunction[];
}

interface SwaggerProperty {
	type?: string;
	format?: string;
	description?: string;
	enum?: string[];
}
interface SwaggerOperation {
	summary?: string;
	description?: string;
	parameters?: {
		in?: string;
		name?: string;
		schema?: { properties?: Record<string, SwaggerProperty>; required?: string[] };
	}[];
}
interface Swagger {
	info?: { version?: string };
	paths?: Record<string, Record<string, SwaggerOperation>>;
	definitions?: Record<
		string,
		{ description?: string; required?: string[]; properties?: Record<string, SwaggerProperty> }
	>;
}

const PK = /<pk\/>/;
const FK = /<fk table='([^']+)' column='([^']+)'\/>/;

/** PostgREST appends "Note: This is a Primary/Foreign Key…" with markers; keep only the comment. */
function cleanDescription(text: string | undefined): string | null {
	if (!text) return null;
	const clean = text
		.replace(/Note:\nThis is a (Primary|Foreign) Key[^<]*<[^>]*\/>/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return clean || null;
}

export function describeApi(spec: Swagger): ApiDescription {
	const tables: ApiTable[] = [];
	const functions: ApiFunction[] = [];
	for (const [path, operations] of Object.entries(spec.paths ?? {})) {
		if (path === '/') continue;
		if (path.startsWith('/rpc/')) {
			const operation = operations.post ?? operations.get ?? {};
			const body = operation.parameters?.find((p) => p.in === 'body')?.schema;
			const required = new Set(body?.required ?? []);
			functions.push({
				name: path.slice('/rpc/'.length),
				path,
				description: cleanDescription(operation.summary),
				params: Object.entries(body?.properties ?? {}).map(([name, property]) => ({
					name,
					type: property.format ?? property.type ?? '',
					required: required.has(name)
				}))
			});
			continue;
		}
		const name = path.slice(1);
		const definition = spec.definitions?.[name] ?? {};
		const required = new Set(definition.required ?? []);
		tables.push({
			name,
			path,
			description: cleanDescription(definition.description),
			columns: Object.entries(definition.properties ?? {}).map(([column, property]) => {
				const fk = property.description?.match(FK);
				return {
					name: column,
					type: property.format ?? property.type ?? '',
					required: required.has(column),
					primaryKey: PK.test(property.description ?? ''),
					references: fk ? `${fk[1]}.${fk[2]}` : null,
					values: property.enum ?? null,
					description: cleanDescription(property.description)
				};
			})
		});
	}
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
	return {
		version: spec.info?.version ?? '',
		tables: tables.sort(byName),
		functions: functions.sort(byName)
	};
}
