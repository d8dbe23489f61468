import type { MessageKey } from './es';

export const en: Record<MessageKey, string> = {
	'app.name': 'Territorial Dashboard',
	'app.owner': 'Directorate General of Public Works',
	'app.skipToContent': 'Skip to content',
	'app.mainNav': 'Main navigation',
	'app.home': 'Home',

	'language.label': 'Language',
	'language.switchTo': 'Español',
	'language.switchToLang': 'es',

	'auth.signIn': 'Sign in',
	'auth.signOut': 'Sign out',
	'auth.signedInAs': 'Signed in as {email}',

	'login.title': 'Sign in',
	'login.intro': 'Sign in with the e-mail and password of your institutional account.',
	'login.email': 'E-mail',
	'login.password': 'Password',
	'login.submit': 'Sign in',
	'login.submitting': 'Signing in…',
	'login.emailRequired': 'Enter your e-mail address.',
	'login.emailInvalid': 'This is not a valid e-mail address (example: name@mop.gob.cl).',
	'login.passwordRequired': 'Enter your password.',
	'login.invalidCredentials': 'Wrong e-mail or password.',
	'login.tooManyAttempts': 'Too many sign-in attempts. Wait a few minutes before trying again.',
	'login.unexpected': 'Could not sign in because of a server problem. Please try again.',

	'home.title': 'Regions of Chile',
	'home.intro': 'Pick a region on the map or in the list to see its provinces and communes.',
	'home.listHeading': 'Regions, north to south',
	'home.mapLabel': 'Map of the 16 regions of Chile',

	'region.eyebrow': 'Region {roman}',
	'region.mapLabel': 'Map of the provinces and communes of the {name} region',
	'region.listHeading': 'Provinces and communes',
	'region.province': 'Province of {name}',
	'region.communeCount.one': '{count} commune',
	'region.communeCount.other': '{count} communes',
	'region.summary': '{provinces} provinces and {communes} communes.',
	'region.notFound': 'There is no region with code “{code}”.',

	'commune.eyebrow': 'Commune',
	'commune.mapLabel': 'Map of the {region} region with the commune {name} highlighted',
	'commune.facts': 'Commune facts',
	'commune.code': 'CUT code',
	'commune.province': 'Province',
	'commune.region': 'Region',
	'commune.noPolygon':
		'{name} has no polygon in the communal boundary source (Library of the National Congress), so it is not highlighted on the map.',
	'commune.notFound': 'There is no commune with code “{code}”.',
	'commune.otherCommunes': 'Other communes of the province of {name}',

	'breadcrumb.label': 'Breadcrumb',
	'breadcrumb.country': 'Chile',

	'map.loading': 'Loading map…',
	'map.loadError':
		'The map boundaries could not be loaded. On a fresh install, build them with “npm run data”.',
	'map.unsupported': 'This browser cannot show the map (no WebGL). Use the list to navigate.',
	'map.hoverHint': 'Hover over the map to see names; click to open.',
	'map.attribution': 'Boundaries: Library of the National Congress of Chile',
	'map.attributionToggle': 'Toggle attribution',
	'map.undemarcated': 'Undemarcated area (Southern Patagonian Ice Field)',
	'map.zoomIn': 'Zoom in',
	'map.zoomOut': 'Zoom out',
	'map.resetNorth': 'Reset bearing to north',

	'error.title': 'Error {status}',
	'error.notFound': 'Page not found',
	'error.notFoundBody': 'The address you are looking for does not exist or has moved.',
	'error.unexpected': 'An unexpected error occurred',
	'error.unavailable': 'Service temporarily unavailable',
	'error.backHome': 'Back to the home page',

	'db.unavailable': 'Could not reach the database. Please try again in a moment.',
	'db.forbidden': 'You are not allowed to see this information.',
	'db.sessionExpired': 'Your session has expired. Please sign in again.',
	'db.notFound': 'The requested information was not found.',
	'db.unexpected': 'An unexpected error occurred while reading the data.',
	'db.invalidData': 'The data breaks a database rule. Check the fields and try again.',
	'db.conflict': 'A record with that data already exists.',
	'constraint.projects_end_after_start': 'The end date cannot be before the start date.',
	'constraint.projects_bip_code_format': 'The BIP code must look like 12345678-9.',
	'constraint.projects_bip_code_key': 'A project with that BIP code already exists.',
	'constraint.projects_name_not_blank': 'Enter the project name.',
	'constraint.projects_investment_not_negative': 'The investment cannot be negative.',
	'constraint.agreements_title_not_blank': 'Enter the agreement title.',
	'constraint.agreements_problem_not_blank': 'Describe the territorial problem the agreement addresses.',
	'constraint.agreements_ends_after_signed': 'The end date cannot be before the signing date.',
	'constraint.commitments_title_not_blank': 'Enter the commitment title.',
	'constraint.commitments_progress_between_0_and_100': 'Progress must be between 0 and 100%.',
	'constraint.commitments_fulfilled_means_complete': 'A fulfilled commitment must be 100% complete.',
	'constraint.commitments_estimated_cost_not_negative': 'The estimated cost cannot be negative.',
	'constraint.publications_title_not_blank': 'Enter the publication title.',
	'constraint.acknowledgements_once_per_institution':
		'Your institution already acknowledged this delivery.',
	'constraint.information_flows_information_not_blank': 'Describe the information the flow delivers.',
	'constraint.publications_flow_in_region':
		'Choose an information flow of the same region as the publication.',
	'constraint.publications_status_moves_forward':
		'What has been public does not go back to draft: archive it. A draft is deleted, not archived.',
	'constraint.publications_scheduled_in_future': 'Schedule the publication for a future date.',
	'constraint.publications_published_at_fixed':
		'The publication date of what has been public cannot be changed.',
	'constraint.acknowledgements_publication_public': 'Only a published publication can be acknowledged.',
	'constraint.acknowledgements_institution_is_recipient':
		'Your institution is not a recipient of this delivery.',
	'constraint.commitments_status_moves_forward':
		'A fulfilled or cancelled commitment does not reopen, and one in progress does not go back to pending.',
	'constraint.pmg_evaluations_status_moves_forward':
		'A submitted or final PMG evaluation does not go back to an earlier status.'
};
