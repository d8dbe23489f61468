// The sample's vocabulary comes from the generated database types, so the types drift check in
// `npm test` also covers the generator: a renamed or removed enum value stops it compiling.
import type { Database } from '../../../src/lib/database.types.ts';

type Enums = Database['public']['Enums'];

export type InstitutionKind = Enums['institution_kind'];
export type InstitutionLevel = Enums['institution_level'];
export type ProjectStage = Enums['project_stage'];
export type ProjectStatus = Enums['project_status'];
export type AgreementKind = Enums['agreement_kind'];
export type PartyRole = Enums['agreement_party_role'];
export type CommitmentStatus = Enums['commitment_status'];
export type Channel = Enums['information_channel'];
/** The sample's flows use the periodicities the secretariats actually run. */
export type Periodicity = Extract<Enums['information_periodicity'], 'monthly' | 'quarterly' | 'yearly'>;
export type PublicationKind = Enums['publication_kind'];
export type PublicationStatus = Enums['publication_status'];
export type PmgStatus = Enums['pmg_evaluation_status'];
