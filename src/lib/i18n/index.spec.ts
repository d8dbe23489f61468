import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { createTranslator, resolveLanguage, translate } from './index';

describe('translate', () => {
	it('fills placeholders in Spanish by default wording', () => {
		expect(translate('es', 'region.notFound', { code: '99' })).toBe(
			'No existe una región con el código «99».'
		);
	});

	it('uses the English dictionary when asked', () => {
		expect(createTranslator('en')('auth.signOut')).toBe('Sign out');
	});

	it('leaves an unknown placeholder visible instead of printing "undefined"', () => {
		expect(translate('es', 'auth.signedInAs')).toBe('Sesión iniciada como {email}');
	});

	it('translates every Spanish key into English with the same placeholders', () => {
		const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(es) as (keyof typeof es)[]) {
			expect(en[key], key).toBeTruthy();
			expect(placeholders(en[key]), key).toEqual(placeholders(es[key]));
		}
	});
});

describe('resolveLanguage', () => {
	it('prefers the cookie over the header', () => {
		expect(resolveLanguage('en', 'es-CL,es;q=0.9')).toBe('en');
	});

	it('ignores an unsupported cookie value', () => {
		expect(resolveLanguage('fr', 'en-US,en;q=0.9')).toBe('en');
	});

	it('follows q-values, not header order', () => {
		expect(resolveLanguage(undefined, 'en;q=0.5, es-CL;q=0.8, de')).toBe('es');
		expect(resolveLanguage(undefined, 'de, en;q=0.7, es;q=0.3')).toBe('en');
	});

	it('falls back to Spanish', () => {
		expect(resolveLanguage(undefined, null)).toBe('es');
		expect(resolveLanguage(undefined, 'de-DE, fr;q=0.9')).toBe('es');
		expect(resolveLanguage(undefined, 'en;q=0')).toBe('es');
	});
});
