// The examples of the developers' page, written once here so that the page shows and the
// integration test (tests/integration/developers.test.ts) runs the very same text: a
// municipality pulling its comuna's projects with curl and with supabase-js.

export interface ExampleSettings {
	/** The Supabase API (PUBLIC_SUPABASE_URL). */
	apiUrl: string;
	/** The public anon key: it is in every visitor's browser anyway; RLS decides what it reads. */
	anonKey: string;
	/** The tablero's own origin, for the export endpoints. */
	siteUrl: string;
	/** The comuna of the example (CUT code). */
	commune: string;
}

const COLUMNS = 'id,name,bip_code,service_code,stage,status,investment_clp,start_on,end_on';

/** Shell-quoted for POSIX sh. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlExamples({ apiUrl, anonKey, siteUrl, commune }: ExampleSettings) {
	return {
		/** The comuna's projects with the share of each in it (table embedding). */
		table: [
			'curl --silent --get',
			`  ${quote(`${apiUrl}/rest/v1/project_communes`)}`,
			`  --data-urlencode ${quote(`commune_code=eq.${commune}`)}`,
			`  --data-urlencode ${quote(`select=share,projects(${COLUMNS})`)}`,
			`  --header ${quote(`apikey: ${anonKey}`)}`
		].join(' \\\n'),
		/** The same filter as the tablero's pages (public.filtered_projects), any of its keys. */
		rpc: [
			'curl --silent',
			`  ${quote(`${apiUrl}/rest/v1/rpc/filtered_projects?select=${COLUMNS}&order=id`)}`,
			`  --header ${quote(`apikey: ${anonKey}`)}`,
			`  --header ${quote('Content-Type: application/json')}`,
			`  --data ${quote(JSON.stringify({ p_filter: { communes: [commune] } }))}`
		].join(' \\\n'),
		/** The OC4IDS package of the comuna from the tablero itself. */
		oc4ids: [
			'curl --silent --output proyectos.oc4ids.json',
			`  ${quote(`${siteUrl}/api/export/proyectos.oc4ids.json?comuna=${commune}`)}`
		].join(' \\\n')
	};
}

export function supabaseJsExample({ apiUrl, anonKey, commune }: ExampleSettings): string {
	return `import { createClient } from '@supabase/supabase-js';

const supabase = createClient(${JSON.stringify(apiUrl)}, ${JSON.stringify(anonKey)});

// The projects of the comuna, with the same filter the tablero's pages use.
const { data, error } = await supabase
	.rpc('filtered_projects', { p_filter: { communes: [${JSON.stringify(commune)}] } })
	.select(${JSON.stringify(COLUMNS)})
	.order('id');
if (error) throw error;
console.log(JSON.stringify(data));
`;
}
