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
 * The user's explicit choice (cookie) wins; otherwise the first supported language of the
 * Accept-Language header in the order of its q-values; Spanish when nothing matches.
 */
export function resolveLanguage(cookieValue: string | undefined, acceptLanguage: string | null): Language {
	if (isLanguage(cookieValue)) return cookieValue;
	if (!acceptLanguage) return DEFAULT_LANGUAGE;
	const ranked = acceptLanguage
		.split(',')
		.map((part, index) => {
			const [tag, ...attributes] = part.trim().split(';');
			const quality = attributes
				.map((attribute) => attribute.trim())
				.find((attribute) => attribute.startsWith('q='));
			const q = quality ? Number.parseFloat(quality.slice(2)) : 1;
			return { primary: tag.trim().toLowerCase().split('-')[0], q: Number.isNaN(q) ? 0 : q, index };
		})
		.filter((entry) => entry.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	return ranked.map((entry) => entry.primary).find(isLanguage) ?? DEFAULT_LANGUAGE;
}
