import type { Labels } from './enums';

/** The English labels of the database enums (loaded only when someone reads in English). */
export const enLabels: Labels = {
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
