// English of the audit area's messages (src/lib/i18n/areas/audit.ts), loaded only when someone reads in English.
import type { es } from './audit.ts';

export const en: Record<keyof typeof es, string> = {
	'error.forbidden': 'No access to this page',
	'request.tooLarge': 'The form is too large (at most {max} MB). Only the project import takes files.',
	'request.lengthRequired': 'The form arrived without its size; send it again from the page.'
};
