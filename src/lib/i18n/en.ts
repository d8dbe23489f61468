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
	'login.invalidCharacters': 'Contains characters that are not allowed.',
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
	'region.communeCount': '{count} communes',
	'region.communeCountOne': '1 commune',
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

	'form.malformed': 'The form arrived incomplete or damaged. Reload the page and try again.'
};
