// Messages of the audit area (answers to requests the app refuses before any page runs). Each area
// keeps its own catalogue so that parallel work does not collide in one file; es.ts and en.ts merge
// them, and the type of en keeps every key translated.
export const es = {
	'error.forbidden': 'Sin acceso a esta página',
	'request.tooLarge':
		'El formulario es demasiado grande (máximo {max} MB). Solo la importación de proyectos recibe archivos.',
	'request.lengthRequired': 'El formulario llegó sin indicar su tamaño; vuelva a enviarlo desde la página.'
};
