import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';

// Builders of the files the importer reads, for tests and the fuzz corpus: generated here, so the
// repository holds no binary fixtures.

export type Cell = string | number | Date | null;

export async function xlsxOf(rows: Cell[][]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Proyectos');
	for (const row of rows) sheet.addRow(row);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function csvOf(rows: Cell[][], separator = ';'): string {
	const cell = (value: Cell) => {
		const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
		return /[";\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return rows.map((row) => row.map(cell).join(separator)).join('\r\n') + '\r\n';
}

/** The same text in Windows-1252, as Excel in Spanish saves a CSV (only Latin-1 letters are used). */
export function windows1252(text: string): Uint8Array {
	return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

export const SIRGAS_UTM_19S_PRJ =
	'PROJCS["SIRGAS-Chile_UTM_Zone_19S",GEOGCS["GCS_SIRGAS-Chile",DATUM["D_SIRGAS-Chile",SPHEROID["GRS_1980",6378137.0,298.257222101]],' +
	'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
	'PARAMETER["False_Northing",10000000.0],PARAMETER["Central_Meridian",-69.0],PARAMETER["Scale_Factor",0.9996],' +
	'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

export const WGS84_PRJ =
	'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** A point shapefile (.shp + .dbf, character fields only) zipped with the given .prj. */
export function pointShapefileZip(
	points: { x: number; y: number; fields: Record<string, string> }[],
	prj: string | null
): Uint8Array {
	const names = Object.keys(points[0]?.fields ?? {});
	const width = 100;
	// .shp: 100-byte header, then one 28-byte record (8 header + 20 content) per point.
	const shp = new DataView(new ArrayBuffer(100 + points.length * 28));
	shp.setInt32(0, 9994);
	shp.setInt32(24, (100 + points.length * 28) / 2);
	shp.setInt32(28, 1000, true);
	shp.setInt32(32, 1, true);
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	[Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) =>
		shp.setFloat64(36 + i * 8, v, true)
	);
	points.forEach((p, i) => {
		const at = 100 + i * 28;
		shp.setInt32(at, i + 1);
		shp.setInt32(at + 4, 10);
		shp.setInt32(at + 8, 1, true);
		shp.setFloat64(at + 12, p.x, true);
		shp.setFloat64(at + 20, p.y, true);
	});
	// .dbf (dBASE III): header, one 32-byte descriptor per field, 0x0D, records of ' ' + fields.
	const headerLength = 32 + names.length * 32 + 1;
	const recordLength = 1 + names.length * width;
	const dbf = new Uint8Array(headerLength + points.length * recordLength + 1);
	const view = new DataView(dbf.buffer);
	dbf[0] = 0x03;
	view.setUint32(4, points.length, true);
	view.setUint16(8, headerLength, true);
	view.setUint16(10, recordLength, true);
	const encoder = new TextEncoder();
	names.forEach((name, i) => {
		dbf.set(encoder.encode(name.slice(0, 10)), 32 + i * 32);
		dbf[32 + i * 32 + 11] = 'C'.charCodeAt(0);
		dbf[32 + i * 32 + 16] = width;
	});
	dbf[headerLength - 1] = 0x0d;
	points.forEach((p, r) => {
		const at = headerLength + r * recordLength;
		dbf[at] = 0x20;
		names.forEach((name, i) => {
			const bytes = encoder.encode(p.fields[name].padEnd(width, ' ')).subarray(0, width);
			dbf.set(bytes, at + 1 + i * width);
		});
	});
	dbf[dbf.length - 1] = 0x1a;
	const files: Record<string, Uint8Array> = {
		'obras.shp': new Uint8Array(shp.buffer),
		'obras.dbf': dbf,
		'obras.cpg': encoder.encode('UTF-8')
	};
	if (prj) files['obras.prj'] = encoder.encode(prj);
	return zipSync(files);
}
