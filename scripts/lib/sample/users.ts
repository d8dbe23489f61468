import { createHash } from 'node:crypto';
import type { SampleTerritory } from './territory.ts';

/**
 * Sample users, only so that publications have an author and progress reports and acknowledgements
 * a person behind them: a Technical Secretariat user and a Gobierno Regional user per region.
 *
 * They are marked twice so that replacing the sample can never touch a real account: the reserved
 * domain `ejemplo.gob.cl` and `{"sample": true}` in raw_app_meta_data. They have no password, so
 * nobody can sign in as them (give one a password with the Auth admin API if a demo needs it).
 */
export const SAMPLE_EMAIL_DOMAIN = 'ejemplo.gob.cl';

export interface SampleUser {
	key: string;
	id: string;
	email: string;
	full_name: string;
	role: 'secretariat' | 'gore';
	region_code: string;
}

/** A name-based (version 5 style) UUID: the same user gets the same id on every load. */
export function stableUuid(name: string): string {
	const hex = createHash('sha1')
		.update(`tablero-territorial/sample/${name}`)
		.digest('hex')
		.slice(0, 32)
		.split('');
	hex[12] = '5';
	hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	const h = hex.join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const userKey = {
	secretariat: (region: string) => `secretariat:${region}`,
	gore: (region: string) => `gore:${region}`
};

const slug = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

export function sampleUsers(territory: SampleTerritory): SampleUser[] {
	return territory.regions.flatMap((region) => {
		const place = slug(region.name);
		return [
			{
				key: userKey.secretariat(region.code),
				id: stableUuid(userKey.secretariat(region.code)),
				email: `secretaria.${region.code}.${place}@${SAMPLE_EMAIL_DOMAIN}`,
				full_name: `Secretaría Técnica ${region.name} (ejemplo)`,
				role: 'secretariat' as const,
				region_code: region.code
			},
			{
				key: userKey.gore(region.code),
				id: stableUuid(userKey.gore(region.code)),
				email: `gore.${region.code}.${place}@${SAMPLE_EMAIL_DOMAIN}`,
				full_name: `Gobierno Regional ${region.name} (ejemplo)`,
				role: 'gore' as const,
				region_code: region.code
			}
		];
	});
}
