// Messages of project import: files, column mapping, preview and errors (issue 11). Each area keeps its own catalogue so that parallel work on the
// areas does not collide in one file; es.ts and en.ts merge them, and the type of en keeps every
// key translated.
export const es = {
	'import.title': 'Importar proyectos',
	'import.intro':
		'Suba una planilla (CSV o Excel), un GeoJSON, un Shapefile comprimido (.zip con .prj) o un paquete OC4IDS. Verá una vista previa con los errores de cada fila; nada se guarda hasta que confirme.',
	'import.file': 'Archivo',
	'import.preview': 'Revisar archivo',
	'import.commit': 'Importar {count} filas válidas',
	'import.committed':
		'Importación completada: {new} nuevos, {updated} actualizados, {unchanged} sin cambios.',
	'import.counts':
		'{new} nuevos · {updated} actualizados (por código BIP) · {unchanged} sin cambios · {rejected} rechazados',
	'import.mapping': 'Columnas del archivo',
	'import.mappingHint':
		'Indique qué columna del archivo corresponde a cada dato. Se reconocen los encabezados habituales.',
	'import.mapping.none': '— ninguna —',
	'import.mapping.apply': 'Aplicar columnas y revisar de nuevo',
	'import.mapping.save': 'Guardar estas columnas como',
	'import.mapping.saveButton': 'Guardar',
	'import.mapping.saved': 'Columnas «{name}» guardadas.',
	'import.mapping.use': 'Usar columnas guardadas',
	'import.mapping.share': 'Compartir con mi región',
	'import.errors': 'Errores',
	'import.errors.more': 'Y {count} errores más (use la línea de comandos para el informe completo).',
	'import.noErrors': 'Sin errores.',
	'import.row': 'Fila',
	'import.column': 'Columna',
	'import.message': 'Error',
	'import.changed':
		'El archivo o las columnas cambiaron desde la vista previa: revíselo de nuevo antes de importar.',
	'import.forbidden': 'Solo la administración y las secretarías técnicas pueden importar proyectos.',
	'import.region': 'Se importan solo proyectos de la región {region}; las filas fuera de ella se rechazan.',
	'import.field.bip_code': 'Código BIP',
	'import.field.name': 'Nombre',
	'import.field.description': 'Descripción',
	'import.field.service': 'Servicio',
	'import.field.stage': 'Etapa',
	'import.field.status': 'Estado',
	'import.field.investment': 'Inversión (CLP)',
	'import.field.start_on': 'Fecha de inicio',
	'import.field.end_on': 'Fecha de término',
	'import.field.commune': 'Comuna(s)',
	'import.field.region': 'Región',
	'import.field.longitude': 'Longitud',
	'import.field.latitude': 'Latitud',
	'import.field.wkt': 'Geometría (WKT o GeoJSON)',
	'import.file.empty': 'El archivo no tiene filas.',
	'import.file.format':
		'No se pueden importar archivos «.{extension}»: use CSV, XLSX, GeoJSON, JSON (OC4IDS) o ZIP (Shapefile).',
	'import.file.xls': 'El formato .xls (Excel 97-2003) no se admite: guarde la planilla como .xlsx o CSV.',
	'import.file.too_large': 'El archivo supera el máximo de {max} MB.',
	'import.file.zip_truncated': 'El archivo comprimido está incompleto o dañado (falta su índice).',
	'import.file.zip_invalid': 'El archivo comprimido está dañado o usa una compresión no admitida.',
	'import.file.zip_bomb': 'El archivo comprimido se expande a un tamaño desproporcionado y no se abre.',
	'import.file.xml_entities': 'La planilla contiene declaraciones XML (DTD/ENTITY) que no se admiten.',
	'import.file.xlsx_invalid': 'El archivo no es una planilla Excel (.xlsx) válida.',
	'import.file.line_too_long':
		'Una línea del archivo supera {max} bytes: el archivo no parece un CSV válido.',
	'import.file.csv_invalid': 'El CSV está mal formado cerca de la línea {line} (comillas sin cerrar).',
	'import.file.too_many_columns': 'El archivo tiene más de {max} columnas.',
	'import.file.json_invalid': 'El archivo no es JSON válido en UTF-8.',
	'import.file.geojson_invalid':
		'El JSON no es un GeoJSON (FeatureCollection o Feature) ni un paquete OC4IDS.',
	'import.file.oc4ids_invalid': 'El paquete OC4IDS no tiene una lista de proyectos válida.',
	'import.file.shapefile_parts': 'El .zip debe contener el Shapefile completo: .shp y .dbf (y su .prj).',
	'import.file.shapefile_invalid': 'El Shapefile está dañado y no se puede leer.',
	'import.file.projection': 'No se reconoce el sistema de coordenadas del .prj.',
	'import.file.missing_field': 'Falta indicar la columna de «{field}».',
	'import.issue.required': 'fila {row}, columna «{column}»: el dato es obligatorio.',
	'import.issue.too_long':
		'fila {row}, columna «{column}»: el texto tiene {length} caracteres (máximo {max}).',
	'import.issue.encoding':
		'fila {row}, columna «{column}»: «{value}» tiene caracteres ilegibles (¿codificación del archivo?).',
	'import.issue.formula':
		'fila {row}, columna «{column}»: «{value}» parece una fórmula de planilla y no se importa.',
	'import.issue.service': 'fila {row}, columna «{column}»: «{value}» no es un servicio del MOP.',
	'import.issue.stage':
		'fila {row}, columna «{column}»: «{value}» no es una etapa (idea, perfil, prefactibilidad, factibilidad, diseño, ejecución, operación).',
	'import.issue.status':
		'fila {row}, columna «{column}»: «{value}» no es un estado (planificado, en curso, paralizado, terminado, cancelado).',
	'import.issue.bip':
		'fila {row}, columna «{column}»: «{value}» no es un código BIP (dígitos, guion y dígito verificador, p. ej. 30123456-0).',
	'import.issue.duplicate_bip':
		'fila {row}, columna «{column}»: el código BIP {value} ya aparece en la fila {first}.',
	'import.issue.amount': 'fila {row}, columna «{column}»: «{value}» no es un monto en pesos.',
	'import.issue.date': 'fila {row}, columna «{column}»: «{value}» no es una fecha (DD-MM-AAAA).',
	'import.issue.end_before_start':
		'fila {row}, columna «{column}»: el término ({end}) es anterior al inicio ({start}).',
	'import.issue.commune':
		'fila {row}, columna «{column}»: «{value}» no es una comuna (código CUT o nombre).',
	'import.issue.region': 'fila {row}, columna «{column}»: «{value}» no es una región.',
	'import.issue.commune_region':
		'fila {row}, columna «{column}»: la comuna «{value}» no pertenece a la región {region}.',
	'import.issue.commune_outside_region':
		'fila {row}, columna «{column}»: la comuna «{value}» está fuera de la región {region}.',
	'import.issue.coordinate': 'fila {row}, columna «{column}»: «{value}» no es una coordenada en grados.',
	'import.issue.geometry_text':
		'fila {row}, columna «{column}»: la geometría no se puede leer (WKT o GeoJSON).',
	'import.issue.geometry_type':
		'fila {row}, columna «{column}»: la geometría debe ser un punto, una línea o un polígono.',
	'import.issue.geometry_size': 'fila {row}, columna «{column}»: la geometría tiene demasiados vértices.',
	'import.issue.utm':
		'fila {row}, columna «{column}»: las coordenadas parecen UTM (metros); use longitud y latitud en grados (EPSG:4326).',
	'import.issue.swapped': 'fila {row}, columna «{column}»: la longitud y la latitud parecen invertidas.',
	'import.issue.outside_chile': 'fila {row}: la ubicación queda fuera de Chile.',
	'import.issue.no_location': 'fila {row}: no tiene geometría, coordenadas ni comuna.',
	'import.issue.unknown_commune': 'fila {row}: la comuna {value} no existe o no tiene límites cargados.',
	'import.issue.geometry_kind':
		'fila {row}: la geometría debe ser un punto, una línea o un polígono no vacío.',
	'import.issue.geometry_invalid': 'fila {row}: la geometría no es válida ({value}).',
	'import.issue.outside_region': 'fila {row}: la obra queda fuera de su región (toca la comuna {value}).',
	'import.issue.match_other_region':
		'fila {row}: el proyecto que coincide (por código BIP o nombre) es de otra región.',
	'import.issue.duplicate_row': 'fila {row}: repite el proyecto de la fila {value}.',
	'import.cli.usage': 'Uso: npm run import -- ARCHIVO [--region RR] [--dry-run]'
} as const;

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
