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
