// TEMPORARY, hand-typed: to be REPLACED by types generated from the live schema (the lead adds the
// generation step and a CI check for drift). It mirrors supabase/migrations/*_territory.sql in the
// shape `supabase gen types typescript` emits, so swapping the file needs no change in callers.
// Geometry columns are `unknown`, as the generator types PostGIS columns.

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	public: {
		Tables: {
			regions: {
				Row: {
					code: string;
					name: string;
					roman: string;
					geom: unknown | null;
					centroid: unknown | null;
					bbox: number[] | null;
				};
				Insert: {
					code: string;
					name: string;
					roman: string;
					geom?: unknown | null;
				};
				Update: {
					code?: string;
					name?: string;
					roman?: string;
					geom?: unknown | null;
				};
				Relationships: [];
			};
			provinces: {
				Row: {
					code: string;
					region_code: string;
					name: string;
					geom: unknown | null;
					centroid: unknown | null;
					bbox: number[] | null;
				};
				Insert: {
					code: string;
					region_code: string;
					name: string;
					geom?: unknown | null;
				};
				Update: {
					code?: string;
					region_code?: string;
					name?: string;
					geom?: unknown | null;
				};
				Relationships: [
					{
						foreignKeyName: 'provinces_region_code_fkey';
						columns: ['region_code'];
						isOneToOne: false;
						referencedRelation: 'regions';
						referencedColumns: ['code'];
					}
				];
			};
			communes: {
				Row: {
					code: string;
					province_code: string;
					region_code: string;
					name: string;
					geom: unknown | null;
					centroid: unknown | null;
					bbox: number[] | null;
				};
				Insert: {
					code: string;
					province_code: string;
					region_code: string;
					name: string;
					geom?: unknown | null;
				};
				Update: {
					code?: string;
					province_code?: string;
					region_code?: string;
					name?: string;
					geom?: unknown | null;
				};
				Relationships: [
					{
						foreignKeyName: 'communes_province_code_fkey';
						columns: ['province_code'];
						isOneToOne: false;
						referencedRelation: 'provinces';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'communes_region_code_fkey';
						columns: ['region_code'];
						isOneToOne: false;
						referencedRelation: 'regions';
						referencedColumns: ['code'];
					}
				];
			};
			undemarcated_areas: {
				Row: { id: number; name: string; geom: unknown };
				Insert: { id?: never; name: string; geom: unknown };
				Update: { id?: never; name?: string; geom?: unknown };
				Relationships: [];
			};
		};
		Views: { [_ in never]: never };
		Functions: {
			commune_at: {
				Args: { lon: number; lat: number };
				Returns: { code: string; name: string; province_code: string; region_code: string }[];
			};
		};
		Enums: { [_ in never]: never };
		CompositeTypes: { [_ in never]: never };
	};
};

type PublicSchema = Database['public'];
export type Tables<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Row'];
