import type { Session, SupabaseClient, User } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { Language } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** One per request, carrying the user's session cookies: RLS sees the real user. */
			supabase: SupabaseClient<Database>;
			/** Session only when the Auth server vouches for its user; never a bare cookie read. */
			safeGetSession(): Promise<{ session: Session | null; user: User | null }>;
			session: Session | null;
			user: User | null;
			lang: Language;
		}
		interface PageData {
			lang: Language;
			user: { id: string; email: string | null } | null;
		}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
