import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '$lib/i18n';
import { enumLabel } from '$lib/i18n/enums';
import { guessMapping } from './fields';
import { openImport } from './open';
import { stageOf, statusOf } from './reference';
import { describeIssue, fileIssue, runImport, type ImportSink } from './run';
import {
	csvOf,
	pointShapefileZip,
	SIRGAS_UTM_19S_PRJ,
	WGS84_PRJ,
	windows1252,
	xlsxOf
} from './testing/files';
import { TEST_REFERENCE } from './testing/reference';
import { RowValidator, type ImportRow, type SourceRecord } from './validate';
import { parseBip, parseClp, parseDate, parseDecimal, looksLikeFormula } from './values';

async function records(
	name: string,
	bytes: Uint8Array
): Promise<{ headers: string[]; rows: SourceRecord[] }> {
	const source = await openImport({ name, bytes });
	const rows: SourceRecord[] = [];
	for await (const record of source.records) rows.push(record);
	return { headers: source.headers, rows };
}

function validateAll(headers: string[], rows: SourceRecord[], region?: string) {
	const validator = new RowValidator(guessMapping(headers), TEST_REFERENCE, { region });
	return rows.map((row) => validator.validate(row));
}

describe('cell values', () => {
	it('reads pesos as Chilean sheets write them and refuses the rest', () => {
		expect(parseClp('12.500.000')).toBe(12_500_000);
		expect(parseClp('$ 12.500.000')).toBe(12_500_000);
		expect(parseClp('12500000')).toBe(12_500_000);
		expect(parseClp('12,500,000')).toBe(12_500_000);
		expect(parseClp(12_500_000)).toBe(12_500_000);
		for (const bad of [
			'12.5 millones',
			'12.5',
			'-5.000',
			'1,5',
			'mil',
			'12.50.000',
			'99999999999999999999'
		])
			expect(parseClp(bad), bad).toBeNull();
		expect(parseClp(-1)).toBeNull();
	});

	it('reads dates day first, ISO, and spreadsheet dates, refusing impossible days', () => {
		expect(parseDate('31-01-2026')).toBe('2026-01-31');
		expect(parseDate('1/2/2026')).toBe('2026-02-01');
		expect(parseDate('2026-01-31')).toBe('2026-01-31');
		expect(parseDate(new Date(Date.UTC(2026, 0, 31)))).toBe('2026-01-31');
		expect(parseDate(46053)).toBe('2026-01-31');
		for (const bad of ['31-02-2025', '2025-13-01', 'mañana', '01-01-99999'])
			expect(parseDate(bad), bad).toBeNull();
	});

	it('reads decimal commas, BIP codes and spots formulas', () => {
		expect(parseDecimal('-33,45')).toBe(-33.45);
		expect(parseDecimal('-33.45')).toBe(-33.45);
		expect(parseDecimal('-33.450.000')).toBeNull();
		expect(parseBip('30.123.456-K')).toBe('30123456-k');
		expect(parseBip('30123456')).toBeNull();
		expect(looksLikeFormula("=cmd|' /C calc'!A0")).toBe(true);
		expect(looksLikeFormula('@SUM(1)')).toBe(true);
		expect(looksLikeFormula('-12,5')).toBe(false);
		expect(looksLikeFormula('Ruta 5')).toBe(false);
	});
});

describe('column mapping', () => {
	it('recognises the usual Spanish headers', () => {
		expect(
			guessMapping([
				'Cód. BIP',
				'NOMBRE DEL PROYECTO',
				'Servicio',
				'Etapa',
				'Estado',
				'Monto',
				'Fecha Inicio',
				'Fecha Término',
				'Comuna',
				'Región',
				'Lat',
				'Lon'
			])
		).toEqual({
			bip_code: 'Cód. BIP',
			name: 'NOMBRE DEL PROYECTO',
			service: 'Servicio',
			stage: 'Etapa',
			status: 'Estado',
			investment: 'Monto',
			start_on: 'Fecha Inicio',
			end_on: 'Fecha Término',
			commune: 'Comuna',
			region: 'Región',
			latitude: 'Lat',
			longitude: 'Lon'
		});
	});

	it("recognises the tablero's own CSV export headers in both languages", () => {
		const keys: MessageKey[] = [
			'export.bipCode',
			'export.name',
			'export.service',
			'export.stage',
			'export.status',
			'export.investment',
			'export.startOn',
			'export.endOn',
			'export.communes'
		];
		for (const language of ['es', 'en'] as const) {
			const mapping = guessMapping(keys.map((key) => translate(language, key)));
			expect(Object.keys(mapping).sort(), language).toEqual([
				'bip_code',
				'commune',
				'end_on',
				'investment',
				'name',
				'service',
				'stage',
				'start_on',
				'status'
			]);
		}
	});

	it('knows every stage and status label the tablero shows', () => {
		for (const language of ['es', 'en'] as const) {
			for (const stage of [
				'idea',
				'profile',
				'prefeasibility',
				'feasibility',
				'design',
				'execution',
				'operation'
			] as const)
				expect(stageOf(enumLabel(language, 'project_stage', stage))).toBe(stage);
			for (const status of ['planned', 'in_progress', 'halted', 'completed', 'cancelled'] as const)
				expect(statusOf(enumLabel(language, 'project_status', status))).toBe(status);
		}
	});
});

describe('row errors', () => {
	it('say row, column and value in Spanish', async () => {
		const csv = csvOf([
			['Código BIP', 'Nombre', 'Servicio', 'Etapa', 'Estado', 'Inversión', 'Comuna'],
			...Array.from({ length: 15 }, (_, i) => [
				`3012345${i % 10}-${i % 10}`,
				`Obra ${i}`,
				'Vialidad',
				'Diseño',
				'En curso',
				'1.000',
				'Iquique'
			]),
			['', 'Obra 17', 'Vialidad', 'Diseño', 'En curso', '12.5 millones', 'Iquique']
		]);
		const { headers, rows } = await records('cartera.csv', new TextEncoder().encode(csv));
		const results = validateAll(headers, rows);
		expect(results.at(-1)!.issues.map((issue) => describeIssue(issue))).toEqual([
			'fila 17, columna «Inversión»: «12.5 millones» no es un monto en pesos.'
		]);
	});

	it('refuse a comuna outside the region being imported, and a comuna of another region than the row says', async () => {
		const csv = csvOf([
			['Nombre', 'Servicio', 'Etapa', 'Estado', 'Comuna', 'Región'],
			['Obra', 'DV', 'Ejecución', 'En curso', 'Santiago', ''],
			['Obra 2', 'DV', 'Ejecución', 'En curso', 'Valparaiso', '13'],
			['Obra 3', 'DV', 'Ejecución', 'En curso', '1101', '']
		]);
		const { headers, rows } = await records('a.csv', new TextEncoder().encode(csv));
		const [outside, mismatch, inside] = validateAll(headers, rows, '01');
		expect(outside.issues.map((i) => i.code)).toEqual(['commune_outside_region']);
		expect(mismatch.issues.map((i) => i.code)).toEqual(['commune_region', 'commune_outside_region']);
		expect(inside.row?.commune_codes).toEqual(['01101']);
	});
});

describe('sources', () => {
	const header = [
		'Código BIP',
		'Nombre',
		'Servicio',
		'Etapa',
		'Estado',
		'Inversión',
		'Comuna',
		'Latitud',
		'Longitud'
	];
	const row = [
		'30123456-0',
		'Reposición puente Añihue',
		'Dirección de Vialidad',
		'Ejecución',
		'En curso',
		'1.500.000.000',
		'Iquique',
		'-20,21',
		'-70,15'
	];

	it('reads CSV in Windows-1252 with `;` and in UTF-8 with `,`, with or without BOM', async () => {
		for (const [label, bytes] of [
			['windows-1252', windows1252(csvOf([header, row]))],
			['utf-8 ,', new TextEncoder().encode(csvOf([header, row], ','))],
			['utf-8 BOM', new TextEncoder().encode('\uFEFF' + csvOf([header, row]))]
		] as const) {
			const { headers, rows } = await records('cartera.csv', bytes);
			const [result] = validateAll(headers, rows);
			expect(result.issues, label).toEqual([]);
			expect(result.row, label).toMatchObject({
				name: 'Reposición puente Añihue',
				service_code: 'vialidad',
				stage: 'execution',
				investment_clp: 1_500_000_000,
				geometry: { type: 'Point', coordinates: [-70.15, -20.21] },
				commune_codes: ['01101']
			});
		}
	});

	it('reads an Excel workbook with real dates and numbers', async () => {
		const bytes = await xlsxOf([
			[...header, 'Fecha inicio'],
			[...row.slice(0, 5), 1_500_000_000, 'Iquique', -20.21, -70.15, new Date(Date.UTC(2026, 2, 1))]
		]);
		const { headers, rows } = await records('cartera.xlsx', bytes);
		const [result] = validateAll(headers, rows);
		expect(result.issues).toEqual([]);
		expect(result.row).toMatchObject({
			investment_clp: 1_500_000_000,
			start_on: '2026-03-01',
			row_number: 2
		});
	});

	it('reprojects a shapefile in SIRGAS-Chile / UTM 19S to longitude and latitude', async () => {
		const fields = { NOMBRE: 'Obra', SERVICIO: 'DOH', ETAPA: 'Diseño', ESTADO: 'Planificado' };
		// Plaza de Armas de Santiago: about 346 400 E, 6 298 000 N in UTM 19S.
		const { headers, rows } = await records(
			'obras.zip',
			pointShapefileZip([{ x: 346_400, y: 6_298_000, fields }], SIRGAS_UTM_19S_PRJ)
		);
		const [result] = validateAll(headers, rows);
		expect(result.issues).toEqual([]);
		const [lon, lat] = (result.row!.geometry as { coordinates: number[] }).coordinates;
		expect(lon).toBeCloseTo(-70.65, 1);
		expect(lat).toBeCloseTo(-33.44, 1);
		const wgs = await records(
			'obras.zip',
			pointShapefileZip([{ x: -70.65, y: -33.44, fields }], WGS84_PRJ)
		);
		expect(validateAll(wgs.headers, wgs.rows)[0].row!.geometry).toEqual({
			type: 'Point',
			coordinates: [-70.65, -33.44]
		});
	});

	it("reads the tablero's GeoJSON export, comunas included", async () => {
		const geojson = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					id: 7,
					geometry: {
						type: 'LineString',
						coordinates: [
							[-70.1, -20.2],
							[-70.0, -20.3]
						]
					},
					properties: {
						id: 7,
						bip_code: '30123456-0',
						name: 'Ruta',
						service_code: 'vialidad',
						service: 'Dirección de Vialidad',
						stage: 'design',
						status: 'planned',
						investment_clp: 1000,
						start_on: '2026-01-01',
						end_on: null,
						communes: [
							{ code: '01101', share: 0.5 },
							{ code: '01107', share: 0.5 }
						]
					}
				}
			]
		};
		const { headers, rows } = await records(
			'proyectos.geojson',
			new TextEncoder().encode(JSON.stringify(geojson))
		);
		const [result] = validateAll(headers, rows);
		expect(result.issues).toEqual([]);
		expect(result.row).toMatchObject({
			bip_code: '30123456-0',
			stage: 'design',
			commune_codes: ['01101', '01107'],
			geometry: geojson.features[0].geometry
		});
	});

	it('reads an OC4IDS project package', async () => {
		const pkg = {
			version: '0.9',
			uri: 'https://ejemplo.invalid/paquete.json',
			publishedDate: '2026-11-30T00:00:00Z',
			publisher: { name: 'DGOP' },
			projects: [
				{
					id: 'cl-1',
					title: 'Embalse',
					status: 'implementation',
					identifiers: [{ id: '30123456-0', scheme: 'CL-BIP' }],
					publicAuthority: { name: 'Dirección de Obras Hidráulicas' },
					budget: { amount: { amount: 5e9, currency: 'CLP' } },
					period: { startDate: '2025-01-01T00:00:00Z', endDate: '2027-12-31T00:00:00Z' },
					locations: [
						{
							geometry: { type: 'Point', coordinates: [-70.6, -33.4] },
							gazetteer: { scheme: 'CL-CUT', identifiers: ['13101'] }
						}
					]
				}
			]
		};
		const { headers, rows } = await records(
			'paquete.json',
			new TextEncoder().encode(JSON.stringify(pkg))
		);
		const [result] = validateAll(headers, rows);
		expect(result.issues).toEqual([]);
		expect(result.row).toMatchObject({
			bip_code: '30123456-0',
			service_code: 'obras_hidraulicas',
			stage: 'execution',
			status: 'in_progress',
			investment_clp: 5e9,
			start_on: '2025-01-01',
			end_on: '2027-12-31',
			commune_codes: ['13101']
		});
	});

	it('refuses a DTD inside a workbook before the spreadsheet library parses it', async () => {
		const { zipSync, strToU8, unzipSync } = await import('fflate');
		const good = unzipSync(await xlsxOf([header, row]));
		good['xl/sharedStrings.xml'] = strToU8(
			'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><sst>&b;</sst>'
		);
		await expect(openImport({ name: 'a.xlsx', bytes: zipSync(good) })).rejects.toMatchObject({
			code: 'xml_entities'
		});
	});
});

describe('runImport', () => {
	it('sends only valid rows, counts rejected ones and reports the database refusals by row', async () => {
		const csv = csvOf([
			['Nombre', 'Servicio', 'Etapa', 'Estado', 'Comuna'],
			['Obra', 'DV', 'Ejecución', 'En curso', 'Iquique'],
			['Obra', 'DV', 'x', 'En curso', 'Iquique'],
			['Obra 3', 'DV', 'Ejecución', 'En curso', 'Santiago']
		]);
		const sent: ImportRow[] = [];
		const sink: ImportSink = {
			add: (rows) => Promise.resolve(void sent.push(...rows)),
			finish: (commit) =>
				Promise.resolve({
					new: 1,
					updated: 0,
					unchanged: 0,
					rejected: 1,
					committed: commit,
					rejections: [{ row: 4, reason: 'outside_region', detail: '13101' }]
				})
		};
		const source = await openImport({ name: 'a.csv', bytes: new TextEncoder().encode(csv) });
		const report = await runImport(source, guessMapping(source.headers), TEST_REFERENCE, sink, {
			commit: false
		});
		expect(sent.map((r) => r.row_number)).toEqual([2, 4]);
		expect(report).toMatchObject({ rows: 3, new: 1, rejected: 2, committed: false, issueCount: 2 });
		expect(report.issues.map((issue) => describeIssue(issue))).toEqual([
			'fila 3, columna «Etapa»: «x» no es una etapa (idea, perfil, prefactibilidad, factibilidad, diseño, ejecución, operación).',
			'fila 4: la obra queda fuera de su región (toca la comuna 13101).'
		]);
		expect(
			describeIssue(
				fileIssue(
					await openImport({ name: 'a.pdf', bytes: new Uint8Array(1) }).catch((e: unknown) => e)
				),
				'en'
			)
		).toBe('“.pdf” files cannot be imported: use CSV, XLSX, GeoJSON, JSON (OC4IDS) or ZIP (Shapefile).');
	});
});
