// Messages of the audit area (answers to requests the app refuses before any page runs). Each area
// keeps its own catalogue so that parallel work does not collide in one file; es.ts and en.ts merge
// them, and the type of en keeps every key translated.
export const es = {
	'error.forbidden': 'Sin acceso a esta página',
	'constraint.agreements_title_length': 'El título del acuerdo admite hasta 300 caracteres.',
	'constraint.agreements_problem_length': 'El problema territorial admite hasta 4.000 caracteres.',
	'constraint.commitments_title_length': 'El título del compromiso admite hasta 300 caracteres.',
	'constraint.commitment_progress_note_length': 'La nota del avance admite hasta 2.000 caracteres.',
	'constraint.projects_name_length': 'El nombre del proyecto admite hasta 500 caracteres.',
	'constraint.publications_title_length': 'El título de la publicación admite hasta 1.000 caracteres.',
	'constraint.publications_summary_length': 'El resumen de la publicación admite hasta 10.000 caracteres.',
	'constraint.publications_body_length': 'El cuerpo de la publicación admite hasta 200.000 caracteres.',
	'constraint.projects_description_length': 'La descripción del proyecto admite hasta 4.000 caracteres.',
	'request.tooLarge':
		'El formulario es demasiado grande (máximo {max} MB). Solo la importación de proyectos recibe archivos.',
	'request.lengthRequired': 'El formulario llegó sin indicar su tamaño; vuelva a enviarlo desde la página.'
};
