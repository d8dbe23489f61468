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

	it('leaves a placeholder without its param visible instead of printing "undefined"', () => {
		expect(translate('es', 'auth.signedInAs', { name: 'Ana' })).toBe('Sesión iniciada como {email}');
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
	it('uses the language the person chose', () => {
		expect(resolveLanguage('en')).toBe('en');
		expect(resolveLanguage('es')).toBe('es');
	});

	it('is Spanish without a choice or with an unsupported one', () => {
		expect(resolveLanguage(undefined)).toBe('es');
		expect(resolveLanguage('fr')).toBe('es');
		expect(resolveLanguage('')).toBe('es');
	});
});
