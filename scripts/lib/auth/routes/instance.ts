// What the instance says about itself (settings, health, keys), and the sign-up it refuses.
import type { AuthContext, Route } from '../context.ts';
import { unprocessable } from '../errors.ts';

export function instanceRoutes({ sendOk }: AuthContext): Route[] {
	return [
		{
			method: 'POST',
			pattern: /^\/signup$/,
			handler: () => {
				// Accounts are created by an administrator (`npm run user:add` or the admin API).
				throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
			}
		},
		{
			method: 'GET',
			pattern: /^\/settings$/,
			handler: (req, res) =>
				sendOk(req, res, 200, {
					external: { anonymous_users: false, email: true, phone: false },
					disable_signup: true,
					mailer_autoconfirm: false,
					phone_autoconfirm: false,
					sms_provider: '',
					saml_enabled: false
				})
		},
		{
			method: 'GET',
			pattern: /^\/health$/,
			handler: (req, res) =>
				sendOk(req, res, 200, {
					version: 'local',
					name: 'GoTrue',
					description: 'GoTrue is a user registration and authentication API'
				})
		},
		{
			method: 'GET',
			pattern: /^\/\.well-known\/jwks\.json$/,
			// HS256 keys are secret, so none are published; supabase-js then verifies through /user.
			handler: (req, res) => sendOk(req, res, 200, { keys: [] })
		}
	];
}
