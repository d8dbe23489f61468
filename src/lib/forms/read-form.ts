import { error } from '@sveltejs/kit';
import { translate, type Language } from '$lib/i18n';

/**
 * The body of a form post. A body that is not a form (malformed multipart, wrong content type,
 * cut short) is the client's mistake: 400 with a sentence, not an unexpected 500.
 */
export async function readForm(request: Request, lang: Language): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, translate(lang, 'form.malformed'));
	}
}
