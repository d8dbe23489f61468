import { en } from './en';
import { es, type MessageKey } from './es';

export type { MessageKey };
export type Language = 'es' | 'en';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const DEFAULT_LANGUAGE: Language = 'es';
export const LANGUAGE_COOKIE = 'lang';

const dictionaries: Record<Language, Record<MessageKey, string>> = { es, en };

export function isLanguage(value: unknown): value is Language {
	return value === 'es' || value === 'en';
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing param is noticed. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
	const template = dictionaries[language][key] ?? dictionaries[DEFAULT_LANGUAGE][key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
		name in params ? String(params[name]) : placeholder
	);
}

export function createTranslator(language: Language): Translate {
	return (key, params) => translate(language, key, params);
}

/**
 * Spanish unless the person chose English (the language switch sets the cookie). The browser's
 * Accept-Language is deliberately not consulted: this is a Chilean public-administration tool and
 * staff on English-configured machines must still get the Spanish interface by default.
 */
export function resolveLanguage(cookieValue: string | undefined): Language {
	return isLanguage(cookieValue) ? cookieValue : DEFAULT_LANGUAGE;
}
