// English of the import area's messages (src/lib/i18n/areas/import.ts), loaded only when someone reads in English.
import type { es } from './import.ts';

export const en: Record<keyof typeof es, string> = {
	'import.title': 'Import projects',
	'import.intro':
		'Upload a spreadsheet (CSV or Excel), a GeoJSON file, a zipped Shapefile (.zip with .prj) or an OC4IDS package. You will see a preview with every row’s errors; nothing is saved until you confirm.',
	'import.file': 'File',
	'import.preview': 'Check file',
	'import.commit': 'Import {count} valid rows',
	'import.committed': 'Import complete: {new} new, {updated} updated, {unchanged} unchanged.',
	'import.counts':
		'{new} new · {updated} updated (by BIP code) · {unchanged} unchanged · {rejected} rejected',
	'import.mapping': 'File columns',
	'import.mappingHint': 'Say which column of the file holds each field. Usual headers are recognised.',
	'import.mapping.none': '— none —',
	'import.mapping.apply': 'Apply columns and check again',
	'import.mapping.save': 'Save these columns as',
	'import.mapping.saveButton': 'Save',
	'import.mapping.saved': 'Columns “{name}” saved.',
	'import.mapping.use': 'Use saved columns',
	'import.mapping.share': 'Share with my region',
	'import.errors': 'Errors',
	'import.errors.more': 'And {count} more errors (use the command line for the full report).',
	'import.noErrors': 'No errors.',
	'import.row': 'Row',
	'import.column': 'Column',
	'import.message': 'Error',
	'import.changed': 'The file or the columns changed since the preview: check it again before importing.',
	'import.forbidden': 'Only administrators and technical secretariats can import projects.',
	'import.region': 'Only projects of region {region} are imported; rows outside it are rejected.',
	'import.field.bip_code': 'BIP code',
	'import.field.name': 'Name',
	'import.field.description': 'Description',
	'import.field.service': 'Service',
	'import.field.stage': 'Stage',
	'import.field.status': 'Status',
	'import.field.investment': 'Investment (CLP)',
	'import.field.start_on': 'Start date',
	'import.field.end_on': 'End date',
	'import.field.commune': 'Comuna(s)',
	'import.field.region': 'Region',
	'import.field.longitude': 'Longitude',
	'import.field.latitude': 'Latitude',
	'import.field.wkt': 'Geometry (WKT or GeoJSON)',
	'import.file.empty': 'The file has no rows.',
	'import.file.format':
		'“.{extension}” files cannot be imported: use CSV, XLSX, GeoJSON, JSON (OC4IDS) or ZIP (Shapefile).',
	'import.file.xls': 'The .xls format (Excel 97-2003) is not supported: save the sheet as .xlsx or CSV.',
	'import.file.too_large': 'The file is larger than {max} MB.',
	'import.file.zip_truncated': 'The compressed file is incomplete or damaged (its index is missing).',
	'import.file.zip_invalid': 'The compressed file is damaged or uses an unsupported compression.',
	'import.file.zip_bomb': 'The compressed file expands to a disproportionate size and is not opened.',
	'import.file.xml_entities':
		'The spreadsheet contains XML declarations (DTD/ENTITY), which are not accepted.',
	'import.file.xlsx_invalid': 'The file is not a valid Excel (.xlsx) spreadsheet.',
	'import.file.line_too_long':
		'A line of the file is longer than {max} bytes: the file does not look like a valid CSV.',
	'import.file.csv_invalid': 'The CSV is malformed near line {line} (unclosed quotes).',
	'import.file.too_many_columns': 'The file has more than {max} columns.',
	'import.file.json_invalid': 'The file is not valid UTF-8 JSON.',
	'import.file.geojson_invalid':
		'The JSON is neither GeoJSON (FeatureCollection or Feature) nor an OC4IDS package.',
	'import.file.oc4ids_invalid': 'The OC4IDS package has no valid list of projects.',
	'import.file.shapefile_parts': 'The .zip must hold the whole Shapefile: .shp and .dbf (and its .prj).',
	'import.file.shapefile_invalid': 'The Shapefile is damaged and cannot be read.',
	'import.file.projection': 'The coordinate system of the .prj is not recognised.',
	'import.file.missing_field': 'Say which column holds “{field}”.',
	'import.issue.required': 'row {row}, column “{column}”: the value is required.',
	'import.issue.too_long':
		'row {row}, column “{column}”: the text has {length} characters (at most {max}).',
	'import.issue.encoding':
		'row {row}, column “{column}”: “{value}” has unreadable characters (file encoding?).',
	'import.issue.formula':
		'row {row}, column “{column}”: “{value}” looks like a spreadsheet formula and is not imported.',
	'import.issue.service': 'row {row}, column “{column}”: “{value}” is not a MOP service.',
	'import.issue.stage':
		'row {row}, column “{column}”: “{value}” is not a stage (idea, profile, pre-feasibility, feasibility, design, execution, operation).',
	'import.issue.status':
		'row {row}, column “{column}”: “{value}” is not a status (planned, in progress, halted, completed, cancelled).',
	'import.issue.bip':
		'row {row}, column “{column}”: “{value}” is not a BIP code (digits, hyphen and check digit, e.g. 30123456-0).',
	'import.issue.duplicate_bip':
		'row {row}, column “{column}”: BIP code {value} already appears in row {first}.',
	'import.issue.amount': 'row {row}, column “{column}”: “{value}” is not an amount in pesos.',
	'import.issue.date': 'row {row}, column “{column}”: “{value}” is not a date (DD-MM-YYYY).',
	'import.issue.end_before_start':
		'row {row}, column “{column}”: the end ({end}) is before the start ({start}).',
	'import.issue.commune': 'row {row}, column “{column}”: “{value}” is not a comuna (CUT code or name).',
	'import.issue.region': 'row {row}, column “{column}”: “{value}” is not a region.',
	'import.issue.commune_region':
		'row {row}, column “{column}”: comuna “{value}” is not in region {region}.',
	'import.issue.commune_outside_region':
		'row {row}, column “{column}”: comuna “{value}” is outside region {region}.',
	'import.issue.coordinate': 'row {row}, column “{column}”: “{value}” is not a coordinate in degrees.',
	'import.issue.geometry_text':
		'row {row}, column “{column}”: the geometry cannot be read (WKT or GeoJSON).',
	'import.issue.geometry_type':
		'row {row}, column “{column}”: the geometry must be a point, a line or a polygon.',
	'import.issue.geometry_size': 'row {row}, column “{column}”: the geometry has too many vertices.',
	'import.issue.utm':
		'row {row}, column “{column}”: the coordinates look like UTM (metres); use longitude and latitude in degrees (EPSG:4326).',
	'import.issue.swapped': 'row {row}, column “{column}”: longitude and latitude look swapped.',
	'import.issue.outside_chile': 'row {row}: the location is outside Chile.',
	'import.issue.no_location': 'row {row}: it has no geometry, coordinates or comuna.',
	'import.issue.unknown_commune': 'row {row}: comuna {value} does not exist or has no boundary loaded.',
	'import.issue.geometry_kind': 'row {row}: the geometry must be a non-empty point, line or polygon.',
	'import.issue.geometry_invalid': 'row {row}: the geometry is not valid ({value}).',
	'import.issue.outside_region': 'row {row}: the work lies outside its region (it touches comuna {value}).',
	'import.issue.match_other_region':
		'row {row}: the matching project (by BIP code or name) belongs to another region.',
	'import.issue.duplicate_row': 'row {row}: it repeats the project of row {value}.',
	'import.cli.usage': 'Usage: npm run import -- FILE [--region RR] [--dry-run]'
};
