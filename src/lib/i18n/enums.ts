import type { Database } from '$lib/database.types';
import type { Language } from './index';

/**
 * What a person reads for each enum code. The database keeps stable English codes; the labels live
 * here, typed against the generated schema so a new or renamed value fails the type-check until it
 * has a label in every language.
 */
type Enums = Database['public']['Enums'];
export type EnumType = keyof Enums;
type Labels = { [K in EnumType]: Record<Enums[K], string> };

const es: Labels = {
	app_role: {
		admin: 'Administración',
		secretariat: 'Secretaría técnica',
		gore: 'Gobierno regional',
		planner: 'Planificación'
	},
	institution_kind: {
		ministry: 'Ministerio',
		service: 'Servicio',
		regional_government: 'Gobierno regional',
		provincial_delegation: 'Delegación presidencial provincial',
		municipality: 'Municipalidad',
		seremi: 'SEREMI',
		council_secretariat: 'Secretaría técnica del Consejo Regional MOP'
	},
	institution_level: {
		national: 'Nacional',
		regional: 'Regional',
		provincial: 'Provincial',
		communal: 'Comunal'
	},
	project_stage: {
		idea: 'Idea',
		profile: 'Perfil',
		prefeasibility: 'Prefactibilidad',
		feasibility: 'Factibilidad',
		design: 'Diseño',
		execution: 'Ejecución',
		operation: 'Operación'
	},
	project_status: {
		planned: 'Planificado',
		in_progress: 'En curso',
		halted: 'Paralizado',
		completed: 'Terminado',
		cancelled: 'Cancelado'
	},
	agreement_kind: {
		cooperation_agreement: 'Convenio',
		memorandum_of_understanding: 'Protocolo de acuerdo',
		working_group: 'Mesa de trabajo'
	},
	agreement_party_role: {
		signatory: 'Firmante',
		coordinator: 'Coordinador',
		implementer: 'Ejecutor',
		funder: 'Financista',
		collaborator: 'Colaborador'
	},
	commitment_status: {
		pending: 'Pendiente',
		in_progress: 'En curso',
		fulfilled: 'Cumplido',
		cancelled: 'Cancelado'
	},
	information_channel: {
		official_letter: 'Oficio',
		email: 'Correo electrónico',
		portal: 'Portal',
		regional_council_session: 'Sesión del Consejo Regional'
	},
	information_periodicity: {
		once: 'Única',
		weekly: 'Semanal',
		fortnightly: 'Quincenal',
		monthly: 'Mensual',
		quarterly: 'Trimestral',
		half_yearly: 'Semestral',
		yearly: 'Anual'
	},
	publication_kind: {
		report: 'Informe',
		bulletin: 'Boletín',
		memo: 'Minuta',
		minutes: 'Acta',
		presentation: 'Presentación'
	},
	publication_status: {
		draft: 'Borrador',
		scheduled: 'Programada',
		published: 'Publicada',
		archived: 'Archivada'
	},
	pmg_evaluation_status: { draft: 'Borrador', submitted: 'Enviada', final: 'Final' },
	council_session_kind: { ordinary: 'Ordinaria', extraordinary: 'Extraordinaria' },
	quality_flag: {
		missing_bip: 'Sin código BIP',
		duplicate_bip: 'Código BIP repetido',
		far_from_declared_commune: 'Lejos de la comuna declarada',
		point_for_linear_work: 'Punto para una obra lineal',
		investment_outlier: 'Inversión atípica',
		stale: 'Sin actualizar en 12 meses',
		commitment_unlocated: 'Compromiso sin proyecto ni comuna'
	},
	email_status: { queued: 'En cola', sent: 'Enviado', failed: 'Fallido' },
	follow_kind: { project: 'Proyecto', agreement: 'Convenio', commune: 'Comuna', region: 'Región' },
	digest_frequency: { daily: 'Diario', weekly: 'Semanal', never: 'Nunca' }
};

const en: Labels = {
	app_role: {
		admin: 'Administration',
		secretariat: 'Technical secretariat',
		gore: 'Regional government',
		planner: 'Planning'
	},
	institution_kind: {
		ministry: 'Ministry',
		service: 'Service',
		regional_government: 'Regional government',
		provincial_delegation: 'Provincial presidential delegation',
		municipality: 'Municipality',
		seremi: 'Regional ministerial office (SEREMI)',
		council_secretariat: 'Technical secretariat of the MOP Regional Council'
	},
	institution_level: {
		national: 'National',
		regional: 'Regional',
		provincial: 'Provincial',
		communal: 'Municipal'
	},
	project_stage: {
		idea: 'Idea',
		profile: 'Profile',
		prefeasibility: 'Pre-feasibility',
		feasibility: 'Feasibility',
		design: 'Design',
		execution: 'Execution',
		operation: 'Operation'
	},
	project_status: {
		planned: 'Planned',
		in_progress: 'In progress',
		halted: 'Halted',
		completed: 'Completed',
		cancelled: 'Cancelled'
	},
	agreement_kind: {
		cooperation_agreement: 'Cooperation agreement (convenio)',
		memorandum_of_understanding: 'Memorandum of understanding',
		working_group: 'Working group (mesa de trabajo)'
	},
	agreement_party_role: {
		signatory: 'Signatory',
		coordinator: 'Coordinator',
		implementer: 'Implementer',
		funder: 'Funder',
		collaborator: 'Collaborator'
	},
	commitment_status: {
		pending: 'Pending',
		in_progress: 'In progress',
		fulfilled: 'Fulfilled',
		cancelled: 'Cancelled'
	},
	information_channel: {
		official_letter: 'Official letter (oficio)',
		email: 'E-mail',
		portal: 'Portal',
		regional_council_session: 'Regional Council session'
	},
	information_periodicity: {
		once: 'Once',
		weekly: 'Weekly',
		fortnightly: 'Fortnightly',
		monthly: 'Monthly',
		quarterly: 'Quarterly',
		half_yearly: 'Half-yearly',
		yearly: 'Yearly'
	},
	publication_kind: {
		report: 'Report',
		bulletin: 'Bulletin',
		memo: 'Memo',
		minutes: 'Minutes',
		presentation: 'Presentation'
	},
	publication_status: {
		draft: 'Draft',
		scheduled: 'Scheduled',
		published: 'Published',
		archived: 'Archived'
	},
	pmg_evaluation_status: { draft: 'Draft', submitted: 'Submitted', final: 'Final' },
	council_session_kind: { ordinary: 'Ordinary', extraordinary: 'Extraordinary' },
	quality_flag: {
		missing_bip: 'No BIP code',
		duplicate_bip: 'Repeated BIP code',
		far_from_declared_commune: 'Far from the declared comuna',
		point_for_linear_work: 'Point for a linear work',
		investment_outlier: 'Unusual investment',
		stale: 'Not updated in 12 months',
		commitment_unlocated: 'Commitment without project or comuna'
	},
	email_status: { queued: 'Queued', sent: 'Sent', failed: 'Failed' },
	follow_kind: { project: 'Project', agreement: 'Agreement', commune: 'Comuna', region: 'Region' },
	digest_frequency: { daily: 'Daily', weekly: 'Weekly', never: 'Never' }
};

const catalogues: Record<Language, Labels> = { es, en };

/** The label of an enum code; an unknown code (a value newer than this build) shows as itself. */
export function enumLabel<K extends EnumType>(language: Language, type: K, code: Enums[K] | string): string {
	const labels = catalogues[language][type] as Record<string, string>;
	return labels[code] ?? code;
}

/** Every code of a type with its label, in the schema's order (for selects and legends). */
export function enumOptions<K extends EnumType>(
	language: Language,
	type: K
): { code: Enums[K]; label: string }[] {
	return Object.entries(catalogues[language][type] as Record<string, string>).map(([code, label]) => ({
		code: code as Enums[K],
		label
	}));
}
