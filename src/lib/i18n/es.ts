// Spanish is the product's language; this dictionary is the source of the message keys, and every
// other language must translate all of them (see en.ts).
export const es = {
	'app.name': 'Tablero Territorial',
	'app.owner': 'Dirección General de Obras Públicas',
	'app.skipToContent': 'Saltar al contenido',
	'app.mainNav': 'Navegación principal',
	'app.home': 'Inicio',

	'language.label': 'Idioma',
	'language.switchTo': 'English',
	'language.switchToLang': 'en',

	'auth.signIn': 'Iniciar sesión',
	'auth.signOut': 'Cerrar sesión',
	'auth.signedInAs': 'Sesión iniciada como {email}',

	'login.title': 'Iniciar sesión',
	'login.intro': 'Ingresa con el correo y la contraseña de tu cuenta institucional.',
	'login.email': 'Correo electrónico',
	'login.password': 'Contraseña',
	'login.submit': 'Ingresar',
	'login.submitting': 'Ingresando…',
	'login.emailRequired': 'Escribe tu correo electrónico.',
	'login.emailInvalid': 'El correo no tiene un formato válido (ejemplo: nombre@mop.gob.cl).',
	'login.passwordRequired': 'Escribe tu contraseña.',
	'login.invalidCredentials': 'Correo o contraseña incorrectos.',
	'login.tooManyAttempts':
		'Demasiados intentos de inicio de sesión. Espera unos minutos antes de volver a intentarlo.',
	'login.unexpected': 'No se pudo iniciar sesión por un problema del servidor. Intenta de nuevo.',

	'home.title': 'Regiones de Chile',
	'home.intro': 'Elige una región en el mapa o en la lista para ver sus provincias y comunas.',
	'home.listHeading': 'Regiones, de norte a sur',
	'home.mapLabel': 'Mapa de las 16 regiones de Chile',

	'region.eyebrow': 'Región {roman}',
	'region.mapLabel': 'Mapa de provincias y comunas de la región {name}',
	'region.listHeading': 'Provincias y comunas',
	'region.province': 'Provincia de {name}',
	'region.communeCount.one': '{count} comuna',
	'region.communeCount.other': '{count} comunas',
	'region.summary': '{provinces} provincias y {communes} comunas.',
	'region.notFound': 'No existe una región con el código «{code}».',

	'commune.eyebrow': 'Comuna',
	'commune.mapLabel': 'Mapa de la región {region} con la comuna {name} destacada',
	'commune.facts': 'Datos de la comuna',
	'commune.code': 'Código CUT',
	'commune.province': 'Provincia',
	'commune.region': 'Región',
	'commune.noPolygon':
		'{name} no tiene polígono en la fuente de límites comunales (Biblioteca del Congreso Nacional), por eso no aparece destacada en el mapa.',
	'commune.notFound': 'No existe una comuna con el código «{code}».',
	'commune.otherCommunes': 'Otras comunas de la provincia de {name}',

	'breadcrumb.label': 'Ruta de navegación',
	'breadcrumb.country': 'Chile',

	'map.loading': 'Cargando mapa…',
	'map.loadError':
		'No se pudieron cargar los límites del mapa. Si es una instalación nueva, genera los archivos con «npm run data».',
	'map.unsupported':
		'Este navegador no puede mostrar el mapa (WebGL no disponible). Usa la lista para navegar.',
	'map.hoverHint': 'Pasa el cursor sobre el mapa para ver nombres; haz clic para abrir.',
	'map.attribution': 'Límites: Biblioteca del Congreso Nacional de Chile',
	'map.attributionToggle': 'Mostrar u ocultar la atribución',
	'map.undemarcated': 'Zona sin demarcar (Campo de Hielo Patagónico Sur)',
	'map.zoomIn': 'Acercar',
	'map.zoomOut': 'Alejar',
	'map.resetNorth': 'Orientar al norte',

	'error.title': 'Error {status}',
	'error.notFound': 'Página no encontrada',
	'error.notFoundBody': 'La dirección que buscas no existe o fue movida.',
	'error.unexpected': 'Ocurrió un error inesperado',
	'error.unavailable': 'Servicio no disponible por el momento',
	'error.backHome': 'Volver al inicio',

	'db.unavailable': 'No se pudo conectar con la base de datos. Intenta de nuevo en unos momentos.',
	'db.forbidden': 'No tienes permiso para ver esta información.',
	'db.sessionExpired': 'Tu sesión expiró. Vuelve a iniciar sesión.',
	'db.notFound': 'No se encontró la información solicitada.',
	'db.unexpected': 'Ocurrió un error inesperado al consultar los datos.',
	'db.invalidData':
		'Los datos no cumplen una regla de la base de datos. Revisa los campos e intenta de nuevo.',
	'db.conflict': 'Ya existe un registro con esos datos.',
	'constraint.projects_end_after_start': 'La fecha de término no puede ser anterior a la de inicio.',
	'constraint.projects_bip_code_format': 'El código BIP debe tener el formato 12345678-9.',
	'constraint.projects_bip_code_key': 'Ya existe un proyecto con ese código BIP.',
	'constraint.projects_name_not_blank': 'Escribe el nombre del proyecto.',
	'constraint.projects_investment_not_negative': 'La inversión no puede ser negativa.',
	'constraint.agreements_title_not_blank': 'Escribe el título del convenio.',
	'constraint.agreements_problem_not_blank': 'Describe el problema territorial que aborda el convenio.',
	'constraint.agreements_ends_after_signed': 'La fecha de término no puede ser anterior a la de firma.',
	'constraint.commitments_title_not_blank': 'Escribe el título del compromiso.',
	'constraint.commitments_progress_between_0_and_100': 'El avance debe estar entre 0 y 100 %.',
	'constraint.commitments_fulfilled_means_complete': 'Un compromiso cumplido debe tener 100 % de avance.',
	'constraint.commitments_estimated_cost_not_negative': 'El costo estimado no puede ser negativo.',
	'constraint.publications_title_not_blank': 'Escribe el título de la publicación.',
	'constraint.acknowledgements_once_per_institution': 'Tu institución ya acusó recibo de esta entrega.',
	'constraint.information_flows_information_not_blank': 'Describe la información que entrega el flujo.',
	'constraint.publications_flow_in_region':
		'Elige un flujo de información de la misma región que la publicación.',
	'constraint.publications_status_moves_forward':
		'Lo que ya fue público no vuelve a borrador: archívalo. Un borrador no se archiva, se elimina.',
	'constraint.publications_scheduled_in_future': 'Programa la publicación para una fecha futura.',
	'constraint.publications_published_at_fixed':
		'La fecha de publicación de lo que ya fue público no se puede cambiar.',
	'constraint.acknowledgements_publication_public':
		'Solo se puede acusar recibo de una publicación ya publicada.',
	'constraint.acknowledgements_institution_is_recipient':
		'Tu institución no es destinataria de esta entrega.',
	'constraint.commitments_status_moves_forward':
		'Un compromiso cumplido o cancelado no se reabre, y uno en curso no vuelve a pendiente.',
	'constraint.pmg_evaluations_status_moves_forward':
		'Una evaluación PMG enviada o final no vuelve a un estado anterior.'
} as const;

export type MessageKey = keyof typeof es;
