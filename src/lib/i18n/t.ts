import { page } from '$app/state';
import type { Database } from '$lib/database.types';
import { enumLabel, type EnumType } from './enums';
import {
	DEFAULT_LANGUAGE,
	isLanguage,
	translate,
	translatePlural,
	type Language,
	type MessageKey,
	type MessageParams,
	type PluralBase
} from './index';

/**
 * The translators for components. They read the language from the root layout's data through
 * `$app/state`, which is bound to the current request during SSR (no state shared between users)
 * and reactive in the browser, so switching language re-renders every string.
 */
export function currentLanguage(): Language {
	const language = page.data?.lang;
	return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export function t(key: MessageKey, params?: MessageParams): string {
	return translate(currentLanguage(), key, params);
}

/** A message with plural forms: `tp('region.communeCount', 3)` → "3 comunas". */
export function tp(base: PluralBase, count: number, params?: MessageParams): string {
	return translatePlural(currentLanguage(), base, count, params);
}

/** The label of a database enum code: `te('project_status', 'in_progress')` → "En curso". */
export function te<K extends EnumType>(type: K, code: Database['public']['Enums'][K]): string {
	return enumLabel(currentLanguage(), type, code);
}
