import { addEnumLabels } from './enums';
import { es, type MessageKey } from './es';

export type { MessageKey };
export type Language = 'es' | 'en';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const DEFAULT_LANGUAGE: Language = 'es';
/** The Intl locale behind each interface language: Spanish is Chile's, not Spain's. */
export const LOCALES: Record<Language, string> = { es: 'es-CL', en: 'en-US' };
export const LANGUAGE_COOKIE = 'lang';

// Spanish ships with every page. English (half the catalogue's weight in a first page's JavaScript)
// is loaded by loadLanguage(): the server's handle hook and the root layout's load await it for the
// request's language before anything is rendered; until then a key falls back to Spanish.
const dictionaries: Partial<Record<Language, Record<MessageKey, string>>> = { es };

export async function loadLanguage(language: Language): Promise<void> {
	if (dictionaries[language]) return;
	const [{ en }, { enLabels }] = await Promise.all([import('./en'), import('./enums-en')]);
	addEnumLabels('en', enLabels);
	dictionaries.en = en;
}

export function isLanguage(value: unknown): value is Language {
	return value === 'es' || value === 'en';
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing param is noticed. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
	const template = dictionaries[language]?.[key] ?? es[key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
		name in params ? String(params[name]) : placeholder
	);
}

/** Message families with plural forms: keys `<base>.one`, `<base>.other` (and any CLDR category). */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

/**
 * The plural form for `count` by the language's CLDR rules (Intl.PluralRules), with `{count}`
 * written the Chilean way (`1.234 comunas`). Falls back to `.other` for a category the catalogue
 * does not spell out.
 */
export function translatePlural(
	language: Language,
	base: PluralBase,
	count: number,
	params?: MessageParams
): string {
	const category = new Intl.PluralRules(LOCALES[language]).select(count);
	const key = (
		`${base}.${category}` in (dictionaries[language] ?? es) ? `${base}.${category}` : `${base}.other`
	) as MessageKey;
	const formatted = new Intl.NumberFormat(LOCALES[language], { useGrouping: 'always' }).format(count);
	return translate(language, key, { ...params, count: formatted });
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
