import { page } from '$app/state';
import { DEFAULT_LANGUAGE, isLanguage, translate, type MessageKey, type MessageParams } from './index';

/**
 * The translator for components. It reads the language from the root layout's data through
 * `$app/state`, which is bound to the current request during SSR (no state shared between users)
 * and reactive in the browser, so switching language re-renders every string.
 */
export function t(key: MessageKey, params?: MessageParams): string {
	const language = page.data?.lang;
	return translate(isLanguage(language) ? language : DEFAULT_LANGUAGE, key, params);
}
