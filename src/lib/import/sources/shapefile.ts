import type { Feature, Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import * as shapefile from 'shapefile';
import { ImportFileError } from '../errors.ts';
import { readZip } from '../zip.ts';
import { featuresSource } from './geojson.ts';
import type { ImportSource } from './source.ts';

// A zipped shapefile: .shp + .dbf, and the .prj that says its coordinate system (SIRGAS-Chile /
// UTM 19S and the like are reprojected to EPSG:4326). Without a .prj the coordinates must already
// be degrees, which the validator checks.

function reproject(geometry: Geometry, convert: (p: Position) => Position): Geometry {
	const map = (value: unknown): unknown =>
		Array.isArray(value) && typeof value[0] === 'number'
			? convert(value as Position)
			: (value as unknown[]).map(map);
	if (!('coordinates' in geometry)) return geometry;
	return { ...geometry, coordinates: map(geometry.coordinates) } as Geometry;
}

const isWgs84 = (wkt: string) => /^GEOGCS\[[^\]]*(WGS[ _]?84|WGS_1984)/i.test(wkt.trim());

export async function openShapefile(bytes: Uint8Array): Promise<ImportSource> {
	const entries = readZip(
		bytes,
		(name) => /\.(shp|dbf|prj|cpg)$/i.test(name) && !name.startsWith('__MACOSX/')
	);
	const find = (ext: string) =>
		[...entries.entries()].find(([name]) => name.toLowerCase().endsWith(ext))?.[1];
	const shp = find('.shp');
	const dbf = find('.dbf');
	if (!shp || !dbf) throw new ImportFileError('shapefile_parts');
	const prj = find('.prj');
	const cpg = find('.cpg');
	const encoding = cpg ? new TextDecoder().decode(cpg).trim().toLowerCase() : 'utf-8';

	let convert: ((p: Position) => Position) | null = null;
	if (prj) {
		const wkt = new TextDecoder().decode(prj);
		if (!isWgs84(wkt)) {
			try {
				const projection = proj4(wkt, 'EPSG:4326');
				convert = (p) => projection.forward([p[0], p[1]]);
			} catch {
				throw new ImportFileError('projection');
			}
		}
	}

	let features: Feature[];
	try {
		const collection = await shapefile.read(shp, dbf, {
			encoding: /1252|latin/.test(encoding) ? 'windows-1252' : 'utf-8'
		});
		features = collection.features;
	} catch {
		throw new ImportFileError('shapefile_invalid');
	}
	if (features.length === 0) throw new ImportFileError('empty');
	if (convert) {
		const to4326 = convert;
		features = features.map((f) => (f.geometry ? { ...f, geometry: reproject(f.geometry, to4326) } : f));
	}
	return featuresSource('shapefile', features);
}
