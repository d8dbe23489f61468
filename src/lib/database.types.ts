export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      acknowledgements: {
        Row: {
          acknowledged_at: string
          id: number
          institution_id: number
          publication_id: number
          user_id: string | null
        }
        Insert: {
          acknowledged_at?: string
          id?: never
          institution_id: number
          publication_id: number
          user_id?: string | null
        }
        Update: {
          acknowledged_at?: string
          id?: never
          institution_id?: number
          publication_id?: number
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "acknowledgements_institution_id_fkey"
            columns: ["institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "acknowledgements_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "flow_deliveries"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "acknowledgements_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "acknowledgements_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "public_publications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "acknowledgements_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "publications"
            referencedColumns: ["id"]
          },
        ]
      }
      agreement_communes: {
        Row: {
          agreement_id: number
          commune_code: string
        }
        Insert: {
          agreement_id: number
          commune_code: string
        }
        Update: {
          agreement_id?: number
          commune_code?: string
        }
        Relationships: [
          {
            foreignKeyName: "agreement_communes_agreement_id_fkey"
            columns: ["agreement_id"]
            isOneToOne: false
            referencedRelation: "agreements"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agreement_communes_commune_code_fkey"
            columns: ["commune_code"]
            isOneToOne: false
            referencedRelation: "communes"
            referencedColumns: ["code"]
          },
        ]
      }
      agreement_parties: {
        Row: {
          agreement_id: number
          institution_id: number
          role: Database["public"]["Enums"]["agreement_party_role"]
        }
        Insert: {
          agreement_id: number
          institution_id: number
          role: Database["public"]["Enums"]["agreement_party_role"]
        }
        Update: {
          agreement_id?: number
          institution_id?: number
          role?: Database["public"]["Enums"]["agreement_party_role"]
        }
        Relationships: [
          {
            foreignKeyName: "agreement_parties_agreement_id_fkey"
            columns: ["agreement_id"]
            isOneToOne: false
            referencedRelation: "agreements"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agreement_parties_institution_id_fkey"
            columns: ["institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
        ]
      }
      agreements: {
        Row: {
          created_at: string
          ends_on: string | null
          id: number
          kind: Database["public"]["Enums"]["agreement_kind"]
          problem: string
          region_code: string | null
          signed_on: string
          title: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          ends_on?: string | null
          id?: never
          kind: Database["public"]["Enums"]["agreement_kind"]
          problem: string
          region_code?: string | null
          signed_on: string
          title: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          ends_on?: string | null
          id?: never
          kind?: Database["public"]["Enums"]["agreement_kind"]
          problem?: string
          region_code?: string | null
          signed_on?: string
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "agreements_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      audit_log: {
        Row: {
          action: string
          actor: string | null
          actor_role: string
          at: string
          id: number
          new_row: Json | null
          old_row: Json | null
          record_id: string | null
          table_name: string
        }
        Insert: {
          action: string
          actor?: string | null
          actor_role: string
          at?: string
          id?: never
          new_row?: Json | null
          old_row?: Json | null
          record_id?: string | null
          table_name: string
        }
        Update: {
          action?: string
          actor?: string | null
          actor_role?: string
          at?: string
          id?: never
          new_row?: Json | null
          old_row?: Json | null
          record_id?: string | null
          table_name?: string
        }
        Relationships: []
      }
      commitment_communes: {
        Row: {
          commitment_id: number
          commune_code: string
        }
        Insert: {
          commitment_id: number
          commune_code: string
        }
        Update: {
          commitment_id?: number
          commune_code?: string
        }
        Relationships: [
          {
            foreignKeyName: "commitment_communes_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_quality_flags"
            referencedColumns: ["commitment_id"]
          },
          {
            foreignKeyName: "commitment_communes_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_communes_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments_with_status"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_communes_commune_code_fkey"
            columns: ["commune_code"]
            isOneToOne: false
            referencedRelation: "communes"
            referencedColumns: ["code"]
          },
        ]
      }
      commitment_progress: {
        Row: {
          changed_at: string
          changed_by: string | null
          commitment_id: number
          id: number
          note: string | null
          progress: number
          status: Database["public"]["Enums"]["commitment_status"]
        }
        Insert: {
          changed_at?: string
          changed_by?: string | null
          commitment_id: number
          id?: never
          note?: string | null
          progress: number
          status: Database["public"]["Enums"]["commitment_status"]
        }
        Update: {
          changed_at?: string
          changed_by?: string | null
          commitment_id?: number
          id?: never
          note?: string | null
          progress?: number
          status?: Database["public"]["Enums"]["commitment_status"]
        }
        Relationships: [
          {
            foreignKeyName: "commitment_progress_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_quality_flags"
            referencedColumns: ["commitment_id"]
          },
          {
            foreignKeyName: "commitment_progress_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_progress_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments_with_status"
            referencedColumns: ["id"]
          },
        ]
      }
      commitment_projects: {
        Row: {
          commitment_id: number
          project_id: number
        }
        Insert: {
          commitment_id: number
          project_id: number
        }
        Update: {
          commitment_id?: number
          project_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "commitment_projects_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_quality_flags"
            referencedColumns: ["commitment_id"]
          },
          {
            foreignKeyName: "commitment_projects_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_projects_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments_with_status"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_projects_project_id_fkey"
            columns: ["project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["id"]
          },
        ]
      }
      commitments: {
        Row: {
          agreement_id: number
          created_at: string
          due_on: string
          estimated_cost_clp: number | null
          id: number
          progress: number
          responsible_institution_id: number
          status: Database["public"]["Enums"]["commitment_status"]
          theme_code: string
          title: string
          updated_at: string
        }
        Insert: {
          agreement_id: number
          created_at?: string
          due_on: string
          estimated_cost_clp?: number | null
          id?: never
          progress?: number
          responsible_institution_id: number
          status?: Database["public"]["Enums"]["commitment_status"]
          theme_code: string
          title: string
          updated_at?: string
        }
        Update: {
          agreement_id?: number
          created_at?: string
          due_on?: string
          estimated_cost_clp?: number | null
          id?: never
          progress?: number
          responsible_institution_id?: number
          status?: Database["public"]["Enums"]["commitment_status"]
          theme_code?: string
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "commitments_agreement_id_fkey"
            columns: ["agreement_id"]
            isOneToOne: false
            referencedRelation: "agreements"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitments_responsible_institution_id_fkey"
            columns: ["responsible_institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitments_theme_code_fkey"
            columns: ["theme_code"]
            isOneToOne: false
            referencedRelation: "themes"
            referencedColumns: ["code"]
          },
        ]
      }
      communes: {
        Row: {
          bbox: number[] | null
          centroid: unknown
          code: string
          geom: unknown
          name: string
          province_code: string
          region_code: string
        }
        Insert: {
          bbox?: never
          centroid?: never
          code: string
          geom?: unknown
          name: string
          province_code: string
          region_code: string
        }
        Update: {
          bbox?: never
          centroid?: never
          code?: string
          geom?: unknown
          name?: string
          province_code?: string
          region_code?: string
        }
        Relationships: [
          {
            foreignKeyName: "communes_province_code_fkey"
            columns: ["province_code"]
            isOneToOne: false
            referencedRelation: "provinces"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "communes_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      contacts: {
        Row: {
          created_at: string
          email: string
          id: number
          institution_id: number
          name: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          email: string
          id?: never
          institution_id: number
          name: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          email?: string
          id?: never
          institution_id?: number
          name?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "contacts_institution_id_fkey"
            columns: ["institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
        ]
      }
      council_sessions: {
        Row: {
          created_at: string
          created_by: string | null
          held_on: string
          id: number
          kind: Database["public"]["Enums"]["council_session_kind"]
          notes: string | null
          place: string
          region_code: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          held_on: string
          id?: never
          kind: Database["public"]["Enums"]["council_session_kind"]
          notes?: string | null
          place: string
          region_code: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          held_on?: string
          id?: never
          kind?: Database["public"]["Enums"]["council_session_kind"]
          notes?: string | null
          place?: string
          region_code?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "council_sessions_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      digest_settings: {
        Row: {
          frequency: Database["public"]["Enums"]["digest_frequency"]
          last_sent_at: string | null
          user_id: string
        }
        Insert: {
          frequency?: Database["public"]["Enums"]["digest_frequency"]
          last_sent_at?: string | null
          user_id?: string
        }
        Update: {
          frequency?: Database["public"]["Enums"]["digest_frequency"]
          last_sent_at?: string | null
          user_id?: string
        }
        Relationships: []
      }
      email_outbox: {
        Row: {
          attempts: number
          contact_id: number | null
          created_at: string
          id: number
          institution_id: number
          last_error: string | null
          next_attempt_at: string
          publication_id: number
          sent_at: string | null
          status: Database["public"]["Enums"]["email_status"]
          to_address: string
        }
        Insert: {
          attempts?: number
          contact_id?: number | null
          created_at?: string
          id?: never
          institution_id: number
          last_error?: string | null
          next_attempt_at?: string
          publication_id: number
          sent_at?: string | null
          status?: Database["public"]["Enums"]["email_status"]
          to_address: string
        }
        Update: {
          attempts?: number
          contact_id?: number | null
          created_at?: string
          id?: never
          institution_id?: number
          last_error?: string | null
          next_attempt_at?: string
          publication_id?: number
          sent_at?: string | null
          status?: Database["public"]["Enums"]["email_status"]
          to_address?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_outbox_contact_id_fkey"
            columns: ["contact_id"]
            isOneToOne: false
            referencedRelation: "contacts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "email_outbox_institution_id_fkey"
            columns: ["institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "email_outbox_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "flow_deliveries"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "email_outbox_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "email_outbox_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "public_publications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "email_outbox_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "publications"
            referencedColumns: ["id"]
          },
        ]
      }
      follows: {
        Row: {
          agreement_id: number | null
          commune_code: string | null
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["follow_kind"]
          project_id: number | null
          region_code: string | null
          user_id: string
        }
        Insert: {
          agreement_id?: number | null
          commune_code?: string | null
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["follow_kind"]
          project_id?: number | null
          region_code?: string | null
          user_id?: string
        }
        Update: {
          agreement_id?: number | null
          commune_code?: string | null
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["follow_kind"]
          project_id?: number | null
          region_code?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "follows_agreement_id_fkey"
            columns: ["agreement_id"]
            isOneToOne: false
            referencedRelation: "agreements"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_commune_code_fkey"
            columns: ["commune_code"]
            isOneToOne: false
            referencedRelation: "communes"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "follows_project_id_fkey"
            columns: ["project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      import_mappings: {
        Row: {
          created_at: string
          id: number
          mapping: NonNullable<Json>
          name: string
          region_code: string | null
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          id?: never
          mapping: NonNullable<Json>
          name: string
          region_code?: string | null
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          id?: never
          mapping?: NonNullable<Json>
          name?: string
          region_code?: string | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "import_mappings_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      information_flow_recipients: {
        Row: {
          flow_id: number
          institution_id: number
        }
        Insert: {
          flow_id: number
          institution_id: number
        }
        Update: {
          flow_id?: number
          institution_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "information_flow_recipients_flow_id_fkey"
            columns: ["flow_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["flow_id"]
          },
          {
            foreignKeyName: "information_flow_recipients_flow_id_fkey"
            columns: ["flow_id"]
            isOneToOne: false
            referencedRelation: "information_flows"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "information_flow_recipients_institution_id_fkey"
            columns: ["institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
        ]
      }
      information_flows: {
        Row: {
          channel: Database["public"]["Enums"]["information_channel"]
          created_at: string
          description: string | null
          first_due_on: string
          id: number
          information: string
          next_due_on: string | null
          periodicity: Database["public"]["Enums"]["information_periodicity"]
          producer_institution_id: number
          region_code: string | null
          updated_at: string
        }
        Insert: {
          channel: Database["public"]["Enums"]["information_channel"]
          created_at?: string
          description?: string | null
          first_due_on?: string
          id?: never
          information: string
          next_due_on?: string | null
          periodicity: Database["public"]["Enums"]["information_periodicity"]
          producer_institution_id: number
          region_code?: string | null
          updated_at?: string
        }
        Update: {
          channel?: Database["public"]["Enums"]["information_channel"]
          created_at?: string
          description?: string | null
          first_due_on?: string
          id?: never
          information?: string
          next_due_on?: string | null
          periodicity?: Database["public"]["Enums"]["information_periodicity"]
          producer_institution_id?: number
          region_code?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "information_flows_producer_institution_id_fkey"
            columns: ["producer_institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "information_flows_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      institutions: {
        Row: {
          acronym: string | null
          commune_code: string | null
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["institution_kind"]
          level: Database["public"]["Enums"]["institution_level"]
          name: string
          province_code: string | null
          region_code: string | null
          updated_at: string
        }
        Insert: {
          acronym?: string | null
          commune_code?: string | null
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["institution_kind"]
          level: Database["public"]["Enums"]["institution_level"]
          name: string
          province_code?: string | null
          region_code?: string | null
          updated_at?: string
        }
        Update: {
          acronym?: string | null
          commune_code?: string | null
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["institution_kind"]
          level?: Database["public"]["Enums"]["institution_level"]
          name?: string
          province_code?: string | null
          region_code?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "institutions_commune_code_fkey"
            columns: ["commune_code"]
            isOneToOne: false
            referencedRelation: "communes"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "institutions_province_code_fkey"
            columns: ["province_code"]
            isOneToOne: false
            referencedRelation: "provinces"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "institutions_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      memberships: {
        Row: {
          created_at: string
          institution_id: number | null
          region_code: string | null
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }
        Insert: {
          created_at?: string
          institution_id?: number | null
          region_code?: string | null
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }
        Update: {
          created_at?: string
          institution_id?: number | null
          region_code?: string | null
          role?: Database["public"]["Enums"]["app_role"]
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "memberships_institution_id_fkey"
            columns: ["institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "memberships_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      mop_services: {
        Row: {
          acronym: string
          code: string
          name: string
        }
        Insert: {
          acronym: string
          code: string
          name: string
        }
        Update: {
          acronym?: string
          code?: string
          name?: string
        }
        Relationships: []
      }
      pmg_evaluations: {
        Row: {
          background: string | null
          created_at: string
          development: string | null
          evidence: Json | null
          evidence_as_of: string | null
          finalised_at: string | null
          id: number
          institution_id: number
          recommendations: string | null
          region_code: string | null
          requirement_code: string
          status: Database["public"]["Enums"]["pmg_evaluation_status"]
          submitted_at: string | null
          updated_at: string
          year: number
        }
        Insert: {
          background?: string | null
          created_at?: string
          development?: string | null
          evidence?: Json | null
          evidence_as_of?: string | null
          finalised_at?: string | null
          id?: never
          institution_id: number
          recommendations?: string | null
          region_code?: string | null
          requirement_code: string
          status?: Database["public"]["Enums"]["pmg_evaluation_status"]
          submitted_at?: string | null
          updated_at?: string
          year: number
        }
        Update: {
          background?: string | null
          created_at?: string
          development?: string | null
          evidence?: Json | null
          evidence_as_of?: string | null
          finalised_at?: string | null
          id?: never
          institution_id?: number
          recommendations?: string | null
          region_code?: string | null
          requirement_code?: string
          status?: Database["public"]["Enums"]["pmg_evaluation_status"]
          submitted_at?: string | null
          updated_at?: string
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "pmg_evaluations_institution_id_fkey"
            columns: ["institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pmg_evaluations_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "pmg_evaluations_requirement_code_fkey"
            columns: ["requirement_code"]
            isOneToOne: false
            referencedRelation: "pmg_requirements"
            referencedColumns: ["code"]
          },
        ]
      }
      pmg_requirements: {
        Row: {
          code: string
          name: string
          question: string | null
          sort_order: number
        }
        Insert: {
          code: string
          name: string
          question?: string | null
          sort_order: number
        }
        Update: {
          code?: string
          name?: string
          question?: string | null
          sort_order?: number
        }
        Relationships: []
      }
      project_communes: {
        Row: {
          commune_code: string
          project_id: number
          province_code: string
          region_code: string
          share: number
        }
        Insert: {
          commune_code: string
          project_id: number
          province_code?: never
          region_code?: never
          share?: number
        }
        Update: {
          commune_code?: string
          project_id?: number
          province_code?: never
          region_code?: never
          share?: number
        }
        Relationships: [
          {
            foreignKeyName: "project_communes_commune_code_fkey"
            columns: ["commune_code"]
            isOneToOne: false
            referencedRelation: "communes"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "project_communes_project_id_fkey"
            columns: ["project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["id"]
          },
        ]
      }
      project_progress: {
        Row: {
          created_at: string
          id: number
          note: string | null
          physical_progress: number
          project_id: number
          reported_by: string | null
          reported_on: string
          spent_clp: number
        }
        Insert: {
          created_at?: string
          id?: never
          note?: string | null
          physical_progress: number
          project_id: number
          reported_by?: string | null
          reported_on: string
          spent_clp: number
        }
        Update: {
          created_at?: string
          id?: never
          note?: string | null
          physical_progress?: number
          project_id?: number
          reported_by?: string | null
          reported_on?: string
          spent_clp?: number
        }
        Relationships: [
          {
            foreignKeyName: "project_progress_project_id_fkey"
            columns: ["project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["id"]
          },
        ]
      }
      project_progress_latest: {
        Row: {
          physical_progress: number
          project_id: number
          reported_on: string
          spent_clp: number
        }
        Insert: {
          physical_progress: number
          project_id: number
          reported_on: string
          spent_clp: number
        }
        Update: {
          physical_progress?: number
          project_id?: number
          reported_on?: string
          spent_clp?: number
        }
        Relationships: [
          {
            foreignKeyName: "project_progress_latest_project_id_fkey"
            columns: ["project_id"]
            isOneToOne: true
            referencedRelation: "projects"
            referencedColumns: ["id"]
          },
        ]
      }
      project_themes: {
        Row: {
          project_id: number
          theme_code: string
        }
        Insert: {
          project_id: number
          theme_code: string
        }
        Update: {
          project_id?: number
          theme_code?: string
        }
        Relationships: [
          {
            foreignKeyName: "project_themes_project_id_fkey"
            columns: ["project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "project_themes_theme_code_fkey"
            columns: ["theme_code"]
            isOneToOne: false
            referencedRelation: "themes"
            referencedColumns: ["code"]
          },
        ]
      }
      projects: {
        Row: {
          anchor_3857: unknown
          bip_code: string | null
          created_at: string
          declared_commune_code: string | null
          description: string | null
          end_on: string | null
          geom: unknown
          id: number
          investment_clp: number | null
          located_by_commune: boolean
          name: string
          service_code: string
          stage: Database["public"]["Enums"]["project_stage"]
          start_on: string | null
          status: Database["public"]["Enums"]["project_status"]
          updated_at: string
        }
        Insert: {
          anchor_3857?: never
          bip_code?: string | null
          created_at?: string
          declared_commune_code?: string | null
          description?: string | null
          end_on?: string | null
          geom: unknown
          id?: never
          investment_clp?: number | null
          located_by_commune?: boolean
          name: string
          service_code: string
          stage: Database["public"]["Enums"]["project_stage"]
          start_on?: string | null
          status: Database["public"]["Enums"]["project_status"]
          updated_at?: string
        }
        Update: {
          anchor_3857?: never
          bip_code?: string | null
          created_at?: string
          declared_commune_code?: string | null
          description?: string | null
          end_on?: string | null
          geom?: unknown
          id?: never
          investment_clp?: number | null
          located_by_commune?: boolean
          name?: string
          service_code?: string
          stage?: Database["public"]["Enums"]["project_stage"]
          start_on?: string | null
          status?: Database["public"]["Enums"]["project_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "projects_declared_commune_code_fkey"
            columns: ["declared_commune_code"]
            isOneToOne: false
            referencedRelation: "communes"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "projects_service_code_fkey"
            columns: ["service_code"]
            isOneToOne: false
            referencedRelation: "mop_services"
            referencedColumns: ["code"]
          },
        ]
      }
      provinces: {
        Row: {
          bbox: number[] | null
          centroid: unknown
          code: string
          geom: unknown
          name: string
          region_code: string
        }
        Insert: {
          bbox?: never
          centroid?: never
          code: string
          geom?: unknown
          name: string
          region_code: string
        }
        Update: {
          bbox?: never
          centroid?: never
          code?: string
          geom?: unknown
          name?: string
          region_code?: string
        }
        Relationships: [
          {
            foreignKeyName: "provinces_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      publication_commitments: {
        Row: {
          commitment_id: number
          publication_id: number
        }
        Insert: {
          commitment_id: number
          publication_id: number
        }
        Update: {
          commitment_id?: number
          publication_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "publication_commitments_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_quality_flags"
            referencedColumns: ["commitment_id"]
          },
          {
            foreignKeyName: "publication_commitments_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publication_commitments_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments_with_status"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publication_commitments_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "flow_deliveries"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "publication_commitments_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "publication_commitments_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "public_publications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publication_commitments_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "publications"
            referencedColumns: ["id"]
          },
        ]
      }
      publication_communes: {
        Row: {
          commune_code: string
          publication_id: number
        }
        Insert: {
          commune_code: string
          publication_id: number
        }
        Update: {
          commune_code?: string
          publication_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "publication_communes_commune_code_fkey"
            columns: ["commune_code"]
            isOneToOne: false
            referencedRelation: "communes"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "publication_communes_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "flow_deliveries"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "publication_communes_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "publication_communes_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "public_publications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publication_communes_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "publications"
            referencedColumns: ["id"]
          },
        ]
      }
      publication_projects: {
        Row: {
          project_id: number
          publication_id: number
        }
        Insert: {
          project_id: number
          publication_id: number
        }
        Update: {
          project_id?: number
          publication_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "publication_projects_project_id_fkey"
            columns: ["project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publication_projects_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "flow_deliveries"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "publication_projects_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "publication_projects_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "public_publications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publication_projects_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "publications"
            referencedColumns: ["id"]
          },
        ]
      }
      publication_versions: {
        Row: {
          body_md: string | null
          id: number
          kind: Database["public"]["Enums"]["publication_kind"]
          publication_id: number
          published_at: string | null
          saved_at: string
          saved_by: string | null
          status: Database["public"]["Enums"]["publication_status"]
          summary: string | null
          title: string
          version: number
        }
        Insert: {
          body_md?: string | null
          id?: never
          kind: Database["public"]["Enums"]["publication_kind"]
          publication_id: number
          published_at?: string | null
          saved_at?: string
          saved_by?: string | null
          status: Database["public"]["Enums"]["publication_status"]
          summary?: string | null
          title: string
          version: number
        }
        Update: {
          body_md?: string | null
          id?: never
          kind?: Database["public"]["Enums"]["publication_kind"]
          publication_id?: number
          published_at?: string | null
          saved_at?: string
          saved_by?: string | null
          status?: Database["public"]["Enums"]["publication_status"]
          summary?: string | null
          title?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "publication_versions_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "flow_deliveries"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "publication_versions_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["publication_id"]
          },
          {
            foreignKeyName: "publication_versions_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "public_publications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publication_versions_publication_id_fkey"
            columns: ["publication_id"]
            isOneToOne: false
            referencedRelation: "publications"
            referencedColumns: ["id"]
          },
        ]
      }
      publications: {
        Row: {
          author_id: string | null
          body_md: string | null
          created_at: string
          due_on: string | null
          flow_id: number | null
          id: number
          kind: Database["public"]["Enums"]["publication_kind"]
          published_at: string | null
          region_code: string | null
          status: Database["public"]["Enums"]["publication_status"]
          summary: string | null
          title: string
          updated_at: string
        }
        Insert: {
          author_id?: string | null
          body_md?: string | null
          created_at?: string
          due_on?: string | null
          flow_id?: number | null
          id?: never
          kind: Database["public"]["Enums"]["publication_kind"]
          published_at?: string | null
          region_code?: string | null
          status?: Database["public"]["Enums"]["publication_status"]
          summary?: string | null
          title: string
          updated_at?: string
        }
        Update: {
          author_id?: string | null
          body_md?: string | null
          created_at?: string
          due_on?: string | null
          flow_id?: number | null
          id?: never
          kind?: Database["public"]["Enums"]["publication_kind"]
          published_at?: string | null
          region_code?: string | null
          status?: Database["public"]["Enums"]["publication_status"]
          summary?: string | null
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "publications_flow_id_fkey"
            columns: ["flow_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["flow_id"]
          },
          {
            foreignKeyName: "publications_flow_id_fkey"
            columns: ["flow_id"]
            isOneToOne: false
            referencedRelation: "information_flows"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publications_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      regions: {
        Row: {
          bbox: number[] | null
          centroid: unknown
          code: string
          geom: unknown
          name: string
          north_to_south: number | null
          roman: string
        }
        Insert: {
          bbox?: never
          centroid?: never
          code: string
          geom?: unknown
          name: string
          north_to_south?: number | null
          roman: string
        }
        Update: {
          bbox?: never
          centroid?: never
          code?: string
          geom?: unknown
          name?: string
          north_to_south?: number | null
          roman?: string
        }
        Relationships: []
      }
      themes: {
        Row: {
          code: string
          name: string
          sort_order: number
        }
        Insert: {
          code: string
          name: string
          sort_order?: number
        }
        Update: {
          code?: string
          name?: string
          sort_order?: number
        }
        Relationships: []
      }
      undemarcated_areas: {
        Row: {
          geom: unknown
          id: number
          name: string
        }
        Insert: {
          geom: unknown
          id?: never
          name: string
        }
        Update: {
          geom?: unknown
          id?: never
          name?: string
        }
        Relationships: []
      }
    }
    Views: {
      commitment_quality_flags: {
        Row: {
          agreement_id: number | null
          commitment_id: number | null
          due_on: string | null
          flag: Database["public"]["Enums"]["quality_flag"] | null
          title: string | null
        }
        Insert: {
          agreement_id?: number | null
          commitment_id?: number | null
          due_on?: string | null
          flag?: never
          title?: string | null
        }
        Update: {
          agreement_id?: number | null
          commitment_id?: number | null
          due_on?: string | null
          flag?: never
          title?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "commitments_agreement_id_fkey"
            columns: ["agreement_id"]
            isOneToOne: false
            referencedRelation: "agreements"
            referencedColumns: ["id"]
          },
        ]
      }
      commitments_with_status: {
        Row: {
          agreement_id: number | null
          created_at: string | null
          due_on: string | null
          estimated_cost_clp: number | null
          id: number | null
          overdue: boolean | null
          progress: number | null
          region_code: string | null
          responsible_institution_id: number | null
          status: Database["public"]["Enums"]["commitment_status"] | null
          theme_code: string | null
          title: string | null
          updated_at: string | null
        }
        Relationships: [
          {
            foreignKeyName: "agreements_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "commitments_agreement_id_fkey"
            columns: ["agreement_id"]
            isOneToOne: false
            referencedRelation: "agreements"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitments_responsible_institution_id_fkey"
            columns: ["responsible_institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitments_theme_code_fkey"
            columns: ["theme_code"]
            isOneToOne: false
            referencedRelation: "themes"
            referencedColumns: ["code"]
          },
        ]
      }
      flow_deliveries: {
        Row: {
          days_late: number | null
          delivered: boolean | null
          delivered_on: string | null
          delivered_on_time: boolean | null
          due_on: string | null
          flow_id: number | null
          publication_id: number | null
          published_at: string | null
          recipients_acknowledged: number | null
          recipients_expected: number | null
          region_code: string | null
          status: Database["public"]["Enums"]["publication_status"] | null
          title: string | null
        }
        Relationships: [
          {
            foreignKeyName: "publications_flow_id_fkey"
            columns: ["flow_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["flow_id"]
          },
          {
            foreignKeyName: "publications_flow_id_fkey"
            columns: ["flow_id"]
            isOneToOne: false
            referencedRelation: "information_flows"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publications_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      inbox: {
        Row: {
          acknowledged: boolean | null
          acknowledged_at: string | null
          due_on: string | null
          flow_id: number | null
          flow_information: string | null
          institution_id: number | null
          kind: Database["public"]["Enums"]["publication_kind"] | null
          publication_id: number | null
          published_at: string | null
          region_code: string | null
          summary: string | null
          title: string | null
        }
        Relationships: [
          {
            foreignKeyName: "information_flow_recipients_institution_id_fkey"
            columns: ["institution_id"]
            isOneToOne: false
            referencedRelation: "institutions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publications_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      project_quality_flags: {
        Row: {
          detail: Json | null
          flag: Database["public"]["Enums"]["quality_flag"] | null
          project_id: number | null
        }
        Relationships: []
      }
      public_publications: {
        Row: {
          body_md: string | null
          due_on: string | null
          flow_id: number | null
          id: number | null
          kind: Database["public"]["Enums"]["publication_kind"] | null
          published_at: string | null
          region_code: string | null
          search_text: string | null
          summary: string | null
          title: string | null
          updated_at: string | null
        }
        Insert: {
          body_md?: string | null
          due_on?: string | null
          flow_id?: number | null
          id?: number | null
          kind?: Database["public"]["Enums"]["publication_kind"] | null
          published_at?: string | null
          region_code?: string | null
          search_text?: never
          summary?: string | null
          title?: string | null
          updated_at?: string | null
        }
        Update: {
          body_md?: string | null
          due_on?: string | null
          flow_id?: number | null
          id?: number | null
          kind?: Database["public"]["Enums"]["publication_kind"] | null
          published_at?: string | null
          region_code?: string | null
          search_text?: never
          summary?: string | null
          title?: string | null
          updated_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "publications_flow_id_fkey"
            columns: ["flow_id"]
            isOneToOne: false
            referencedRelation: "inbox"
            referencedColumns: ["flow_id"]
          },
          {
            foreignKeyName: "publications_flow_id_fkey"
            columns: ["flow_id"]
            isOneToOne: false
            referencedRelation: "information_flows"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "publications_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
    }
    Functions: {
      change_counts: {
        Args: {
          p_commune_code?: string
          p_from: string
          p_region_code?: string
          p_to: string
        }
        Returns: {
          changes: number
          kind: string
        }[]
      }
      changes_between: {
        Args: {
          p_commune_code?: string
          p_from: string
          p_region_code?: string
          p_to: string
        }
        Returns: {
          happened_on: string
          kind: string
          new_value: string
          old_value: string
          region_code: string
          subject: string
          subject_id: number
          subject_type: string
        }[]
      }
      claim_due_emails: {
        Args: { batch_size?: number; lease?: string }
        Returns: {
          attempts: number
          due_on: string
          flow_information: string
          id: number
          kind: Database["public"]["Enums"]["publication_kind"]
          publication_id: number
          published_at: string
          region_code: string
          summary: string
          title: string
          to_address: string
        }[]
      }
      commune_at: {
        Args: { lat: number; lon: number }
        Returns: {
          code: string
          name: string
          province_code: string
          region_code: string
        }[]
      }
      commune_metrics: {
        Args: { p_filter?: Json }
        Returns: {
          commitments_open: number
          commitments_overdue: number
          commune_code: string
          deliveries_late: number
          investment_clp: number
          projects: number
        }[]
      }
      dashboard_summary: { Args: { p_filter?: Json }; Returns: Json }
      data_version: { Args: Record<PropertyKey, never>; Returns: number }
      delay_threshold_points: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      digest_for: {
        Args: { follower: string; since: string }
        Returns: {
          at: string
          change: string
          new_value: string
          old_value: string
          reason: Database["public"]["Enums"]["follow_kind"]
          subject: string
          subject_id: number
          title: string
        }[]
      }
      digests_due: {
        Args: Record<PropertyKey, never>
        Returns: {
          email: string
          frequency: Database["public"]["Enums"]["digest_frequency"]
          since: string
          user_id: string
        }[]
      }
      filtered_projects: {
        Args: { p_filter: Json }
        Returns: {
          anchor_3857: unknown
          bip_code: string | null
          created_at: string
          declared_commune_code: string | null
          description: string | null
          end_on: string | null
          geom: unknown
          id: number
          investment_clp: number | null
          located_by_commune: boolean
          name: string
          service_code: string
          stage: Database["public"]["Enums"]["project_stage"]
          start_on: string | null
          status: Database["public"]["Enums"]["project_status"]
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "projects"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      flow_due_dates: {
        Args: {
          first_due_on: string
          periodicity: Database["public"]["Enums"]["information_periodicity"]
          until: string
        }
        Returns: string[]
      }
      flow_periods: {
        Args: { from_date: string; until_date: string }
        Returns: {
          channel: Database["public"]["Enums"]["information_channel"]
          days_late: number
          delivered_on: string
          due_on: string
          flow_id: number
          information: string
          periodicity: Database["public"]["Enums"]["information_periodicity"]
          publication_id: number
          publication_status: Database["public"]["Enums"]["publication_status"]
          recipients_acknowledged: number
          recipients_expected: number
          region_code: string
          state: string
        }[]
      }
      import_projects: {
        Args: { p_commit?: boolean; p_rows: Json }
        Returns: Json
      }
      is_delayed: {
        Args: {
          end_on: string
          on_date: string
          physical_progress: number
          start_on: string
          status: Database["public"]["Enums"]["project_status"]
        }
        Returns: boolean
      }
      mark_digest_sent: {
        Args: { follower: string; sent_at: string }
        Returns: undefined
      }
      my_followed_changes: {
        Args: { since: string }
        Returns: {
          at: string
          change: string
          new_value: string
          old_value: string
          reason: Database["public"]["Enums"]["follow_kind"]
          subject: string
          subject_id: number
          title: string
        }[]
      }
      planned_progress: {
        Args: { end_on: string; on_date: string; start_on: string }
        Returns: number
      }
      pmg_evidence: {
        Args: { p_region_code?: string; p_year: number }
        Returns: Json
      }
      project_tile: {
        Args: { p_filter?: Json; x: number; y: number; z: number }
        Returns: unknown
      }
      quality_summary: {
        Args: Record<PropertyKey, never>
        Returns: {
          flag: Database["public"]["Enums"]["quality_flag"]
          items: number
          region_code: string
        }[]
      }
      record_email_attempt: {
        Args: {
          error?: string
          max_attempts?: number
          message_id: number
          retry_in?: string
          succeeded: boolean
        }
        Returns: Database["public"]["Enums"]["email_status"]
      }
      save_agreement: {
        Args: {
          p_communes: string[]
          p_ends_on: string
          p_id: number
          p_kind: Database["public"]["Enums"]["agreement_kind"]
          p_parties: Json
          p_problem: string
          p_region_code: string
          p_signed_on: string
          p_title: string
        }
        Returns: number
      }
      save_commitment: {
        Args: {
          p_agreement_id: number
          p_communes: string[]
          p_due_on: string
          p_estimated_cost_clp: number
          p_id: number
          p_projects: number[]
          p_responsible_institution_id: number
          p_theme_code: string
          p_title: string
        }
        Returns: number
      }
      save_publication: {
        Args: {
          p_body_md: string
          p_commitments: number[]
          p_communes: string[]
          p_due_on: string
          p_expected_updated_at: string
          p_flow_id: number
          p_id: number
          p_kind: Database["public"]["Enums"]["publication_kind"]
          p_projects: number[]
          p_region_code: string
          p_scheduled_at: string
          p_status: Database["public"]["Enums"]["publication_status"]
          p_summary: string
          p_title: string
        }
        Returns: {
          id: number
          updated_at: string
        }[]
      }
      search_projects: {
        Args: { max_rows?: number; p_region?: string; q: string }
        Returns: {
          bip_code: string
          communes: string
          id: number
          name: string
        }[]
      }
      update_commitment_progress: {
        Args: {
          commitment_id: number
          note?: string
          progress: number
          status?: Database["public"]["Enums"]["commitment_status"]
        }
        Returns: {
          agreement_id: number
          created_at: string
          due_on: string
          estimated_cost_clp: number | null
          id: number
          progress: number
          responsible_institution_id: number
          status: Database["public"]["Enums"]["commitment_status"]
          theme_code: string
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "commitments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
    }
    Enums: {
      agreement_kind:
        | "cooperation_agreement"
        | "memorandum_of_understanding"
        | "working_group"
      agreement_party_role:
        | "signatory"
        | "coordinator"
        | "implementer"
        | "funder"
        | "collaborator"
      app_role: "admin" | "secretariat" | "gore" | "planner"
      commitment_status: "pending" | "in_progress" | "fulfilled" | "cancelled"
      council_session_kind: "ordinary" | "extraordinary"
      digest_frequency: "daily" | "weekly" | "never"
      email_status: "queued" | "sent" | "failed"
      follow_kind: "project" | "agreement" | "commune" | "region"
      information_channel:
        | "official_letter"
        | "email"
        | "portal"
        | "regional_council_session"
      information_periodicity:
        | "once"
        | "weekly"
        | "fortnightly"
        | "monthly"
        | "quarterly"
        | "half_yearly"
        | "yearly"
      institution_kind:
        | "ministry"
        | "service"
        | "regional_government"
        | "provincial_delegation"
        | "municipality"
        | "seremi"
        | "council_secretariat"
      institution_level: "national" | "regional" | "provincial" | "communal"
      pmg_evaluation_status: "draft" | "submitted" | "final"
      project_stage:
        | "idea"
        | "profile"
        | "prefeasibility"
        | "feasibility"
        | "design"
        | "execution"
        | "operation"
      project_status:
        | "planned"
        | "in_progress"
        | "halted"
        | "completed"
        | "cancelled"
      publication_kind:
        | "report"
        | "bulletin"
        | "memo"
        | "minutes"
        | "presentation"
      publication_status: "draft" | "scheduled" | "published" | "archived"
      quality_flag:
        | "missing_bip"
        | "duplicate_bip"
        | "far_from_declared_commune"
        | "point_for_linear_work"
        | "investment_outlier"
        | "stale"
        | "commitment_unlocated"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      agreement_kind: [
        "cooperation_agreement",
        "memorandum_of_understanding",
        "working_group",
      ],
      agreement_party_role: [
        "signatory",
        "coordinator",
        "implementer",
        "funder",
        "collaborator",
      ],
      app_role: ["admin", "secretariat", "gore", "planner"],
      commitment_status: ["pending", "in_progress", "fulfilled", "cancelled"],
      council_session_kind: ["ordinary", "extraordinary"],
      digest_frequency: ["daily", "weekly", "never"],
      email_status: ["queued", "sent", "failed"],
      follow_kind: ["project", "agreement", "commune", "region"],
      information_channel: [
        "official_letter",
        "email",
        "portal",
        "regional_council_session",
      ],
      information_periodicity: [
        "once",
        "weekly",
        "fortnightly",
        "monthly",
        "quarterly",
        "half_yearly",
        "yearly",
      ],
      institution_kind: [
        "ministry",
        "service",
        "regional_government",
        "provincial_delegation",
        "municipality",
        "seremi",
        "council_secretariat",
      ],
      institution_level: ["national", "regional", "provincial", "communal"],
      pmg_evaluation_status: ["draft", "submitted", "final"],
      project_stage: [
        "idea",
        "profile",
        "prefeasibility",
        "feasibility",
        "design",
        "execution",
        "operation",
      ],
      project_status: [
        "planned",
        "in_progress",
        "halted",
        "completed",
        "cancelled",
      ],
      publication_kind: [
        "report",
        "bulletin",
        "memo",
        "minutes",
        "presentation",
      ],
      publication_status: ["draft", "scheduled", "published", "archived"],
      quality_flag: [
        "missing_bip",
        "duplicate_bip",
        "far_from_declared_commune",
        "point_for_linear_work",
        "investment_outlier",
        "stale",
        "commitment_unlocated",
      ],
    },
  },
} as const

