-- Enum values are stable codes in English, like every identifier; what a person reads comes from
-- the app's i18n catalogue (keys enum.<type>.<code>). Renaming keeps stored rows, defaults, check
-- constraints and views valid: they reference the value by its OID, not by its label.

alter type public.project_stage rename value 'perfil' to 'profile';
alter type public.project_stage rename value 'prefactibilidad' to 'prefeasibility';
alter type public.project_stage rename value 'factibilidad' to 'feasibility';
alter type public.project_stage rename value 'diseno' to 'design';
alter type public.project_stage rename value 'ejecucion' to 'execution';
alter type public.project_stage rename value 'operacion' to 'operation';

alter type public.project_status rename value 'planificado' to 'planned';
alter type public.project_status rename value 'en_curso' to 'in_progress';
alter type public.project_status rename value 'paralizado' to 'halted';
alter type public.project_status rename value 'terminado' to 'completed';
alter type public.project_status rename value 'cancelado' to 'cancelled';

alter type public.agreement_kind rename value 'convenio' to 'cooperation_agreement';
alter type public.agreement_kind rename value 'protocolo_de_acuerdo' to 'memorandum_of_understanding';
alter type public.agreement_kind rename value 'mesa_de_trabajo' to 'working_group';

alter type public.agreement_party_role rename value 'firmante' to 'signatory';
alter type public.agreement_party_role rename value 'coordinador' to 'coordinator';
alter type public.agreement_party_role rename value 'ejecutor' to 'implementer';
alter type public.agreement_party_role rename value 'financista' to 'funder';
alter type public.agreement_party_role rename value 'colaborador' to 'collaborator';

alter type public.commitment_status rename value 'pendiente' to 'pending';
alter type public.commitment_status rename value 'en_curso' to 'in_progress';
alter type public.commitment_status rename value 'cumplido' to 'fulfilled';
alter type public.commitment_status rename value 'cancelado' to 'cancelled';

alter type public.information_channel rename value 'oficio' to 'official_letter';
alter type public.information_channel rename value 'correo' to 'email';
alter type public.information_channel rename value 'sesion_consejo_regional' to 'regional_council_session';

alter type public.information_periodicity rename value 'unica' to 'once';
alter type public.information_periodicity rename value 'semanal' to 'weekly';
alter type public.information_periodicity rename value 'quincenal' to 'fortnightly';
alter type public.information_periodicity rename value 'mensual' to 'monthly';
alter type public.information_periodicity rename value 'trimestral' to 'quarterly';
alter type public.information_periodicity rename value 'semestral' to 'half_yearly';
alter type public.information_periodicity rename value 'anual' to 'yearly';

alter type public.publication_kind rename value 'informe' to 'report';
alter type public.publication_kind rename value 'boletin' to 'bulletin';
alter type public.publication_kind rename value 'minuta' to 'memo';
alter type public.publication_kind rename value 'acta' to 'minutes';
alter type public.publication_kind rename value 'presentacion' to 'presentation';
