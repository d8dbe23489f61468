-- The PMG evaluation form (Etapa 4) and its workflow: draft → submitted → final.
--
-- An evaluation is one institution's, one year's, one requirement's, and one part of it: national
-- (region_code null) or a region's (the DGOP is evaluated nationally, each region's Technical
-- Secretariat drafts its region's part). An institution with a region is always evaluated in it.
--
-- Who writes at each step (RLS below, refusals proven in 14_pmg_evaluations.test.sql):
--   draft      the region's secretariat (its region's part) and administrators write it;
--   submitted  the secretariat submits its drafts; only administrators still edit it;
--   final      only administrators finalise; nobody changes or deletes a final evaluation again.
-- Finalising freezes the evidence: `evidence` is the snapshot of pmg_evidence(year, region) taken
-- then, so later data changes do not rewrite history. The stamps (submitted_at, finalised_at,
-- evidence) are the database's. Every change is in the audit trail.
-- Refusals, by name: constraint pmg_evaluations_region_of_institution (23514),
-- constraint pmg_evaluations_final_frozen, constraint pmg_evaluations_identity_fixed,
-- constraint pmg_evaluations_stamps_fixed (42501).

alter table public.pmg_requirements add column question text;

update public.pmg_requirements set question = q.question
from (values
  ('1.1', '¿El programa de trabajo se define sobre un territorio en el que se identifica un problema común que uno o más servicios pueden ayudar a resolver en conjunto?'),
  ('1.2', '¿El programa se articula con municipios, delegaciones presidenciales provinciales, el gobierno regional, el gabinete regional y los servicios regionales y provinciales y, en el nivel nacional, con SEA/MMA, SUBDERE, MINVU, MDSF, MINSAL y la Dirección del Trabajo?'),
  ('1.3', '¿Existe un acuerdo formal entre dos o más instituciones (mesa de trabajo, protocolo de acuerdo o convenio) que establece y calendariza los compromisos de cada parte y estima sus costos para el proceso presupuestario?'),
  ('2.1', '¿Se entrega periódicamente a los gobiernos regionales información de interés regional, a tiempo y con acuse de recibo?'),
  ('3', '¿Se informa al Jefe de Servicio de los principales logros por área, las recomendaciones y compromisos futuros para cerrar las brechas, y las recomendaciones a SUBDERE sobre el requisito?')
) as q (code, question)
where pmg_requirements.code = q.code;

alter table public.pmg_evaluations
  add column region_code text references public.regions (code),
  add column background text,
  add column evidence jsonb,
  add column evidence_as_of timestamptz,
  add column submitted_at timestamptz,
  add column finalised_at timestamptz,
  add constraint pmg_evaluations_text_length check (
    coalesce(length(background), 0) <= 20000
    and coalesce(length(development), 0) <= 20000
    and coalesce(length(recommendations), 0) <= 20000
  );

comment on column public.pmg_evaluations.region_code is 'Parte regional de la evaluación (null: parte nacional).';
comment on column public.pmg_evaluations.background is 'Antecedentes (Markdown).';
comment on column public.pmg_evaluations.development is 'Desarrollo alcanzado (Markdown).';
comment on column public.pmg_evaluations.recommendations is 'Recomendaciones para el año siguiente (Markdown).';
comment on column public.pmg_evaluations.evidence is 'Evidencia congelada al finalizar (pmg_evidence).';

create index pmg_evaluations_region_code_idx on public.pmg_evaluations (region_code);

update public.pmg_evaluations e set region_code = i.region_code
from public.institutions i
where i.id = e.institution_id and i.region_code is not null;

alter table public.pmg_evaluations drop constraint pmg_evaluations_once_per_requirement;
alter table public.pmg_evaluations add constraint pmg_evaluations_once_per_requirement
  unique nulls not distinct (institution_id, year, requirement_code, region_code);

-- Row by row, before the policies' WITH CHECK sees the row: the region part defaults to the
-- institution's region, and the stamps are set here whatever the caller sent. The trigger's name
-- makes it fire after the created_at triggers (same event: alphabetical order), so their
-- refusal wins on a row that is both frozen and touched there.
create function private.guard_pmg_evaluation()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  institution_region text;
begin
  select i.region_code into institution_region from public.institutions i where i.id = new.institution_id;
  if institution_region is not null then
    if new.region_code is null then
      new.region_code := institution_region;
    elsif new.region_code <> institution_region then
      raise exception using
        errcode = 'check_violation',
        message = 'Una institución regional se evalúa en su propia región.',
        detail = 'violates constraint "pmg_evaluations_region_of_institution"',
        constraint = 'pmg_evaluations_region_of_institution';
    end if;
  end if;

  -- The service role and the database owner (imports, the sample) are trusted with history.
  if not private.is_api_request() then
    return new;
  end if;

  if tg_op = 'UPDATE' then
    if old.status = 'final' then
      raise exception using
        errcode = 'insufficient_privilege',
        message = 'Una evaluación final está cerrada y no se puede modificar.',
        detail = 'violates constraint "pmg_evaluations_final_frozen"',
        constraint = 'pmg_evaluations_final_frozen';
    end if;
    if (new.institution_id, new.year, new.requirement_code, new.region_code)
       is distinct from (old.institution_id, old.year, old.requirement_code, old.region_code) then
      raise exception using
        errcode = 'insufficient_privilege',
        message = 'La institución, el año, el requisito y la región de una evaluación no se cambian.',
        detail = 'violates constraint "pmg_evaluations_identity_fixed"',
        constraint = 'pmg_evaluations_identity_fixed';
    end if;
  end if;

  -- On insert there is nothing yet to keep: the stamps must come empty.
  if (new.evidence, new.evidence_as_of, new.submitted_at, new.finalised_at) is distinct from (
       case when tg_op = 'UPDATE' then old.evidence end, case when tg_op = 'UPDATE' then old.evidence_as_of end,
       case when tg_op = 'UPDATE' then old.submitted_at end, case when tg_op = 'UPDATE' then old.finalised_at end) then
    raise exception using
      errcode = 'insufficient_privilege',
      message = 'La evidencia congelada y las fechas de envío y cierre las registra la base de datos.',
      detail = 'violates constraint "pmg_evaluations_stamps_fixed"',
      constraint = 'pmg_evaluations_stamps_fixed';
  end if;

  if new.status >= 'submitted' and new.submitted_at is null then
    new.submitted_at := now();
  end if;
  if new.status = 'final' then
    new.finalised_at := now();
    new.evidence := public.pmg_evidence(new.year, new.region_code);
    new.evidence_as_of := now();
  end if;
  return new;
end;
$$;

create trigger pmg_evaluations_workflow before insert or update on public.pmg_evaluations
  for each row execute function private.guard_pmg_evaluation();

revoke execute on function private.guard_pmg_evaluation() from public;

-- The audit trail records evaluations as it does projects, agreements, commitments and publications.
create trigger pmg_evaluations_audit_inserts after insert on public.pmg_evaluations
  referencing new table as new_rows for each statement execute function private.audit_statement();
create trigger pmg_evaluations_audit_updates after update on public.pmg_evaluations
  referencing old table as old_rows new table as new_rows for each statement execute function private.audit_statement();
create trigger pmg_evaluations_audit_deletes after delete on public.pmg_evaluations
  referencing old table as old_rows for each statement execute function private.audit_statement();
create trigger pmg_evaluations_audit_truncates after truncate on public.pmg_evaluations
  for each statement execute function private.audit_statement();

drop policy "evaluations: admins all, planners and the region's not in draft" on public.pmg_evaluations;
drop policy "admins add evaluations" on public.pmg_evaluations;
drop policy "admins change evaluations" on public.pmg_evaluations;
drop policy "admins delete evaluations" on public.pmg_evaluations;

create policy "evaluations: admins all, the secretariat its region's, others not in draft" on public.pmg_evaluations
  for select to authenticated
  using (
    (select private.is_admin())
    or region_code = (select private.my_secretariat_region())
    or (status <> 'draft' and (select private.my_role()) = 'planner')
    or (status <> 'draft' and region_code = (select private.my_regional_region()))
  );
create policy "admins and the region's secretariat draft evaluations" on public.pmg_evaluations
  for insert to authenticated
  with check (
    (select private.is_admin())
    or (status = 'draft' and region_code = (select private.my_secretariat_region()))
  );
create policy "the secretariat edits and submits its drafts, admins finalise" on public.pmg_evaluations
  for update to authenticated
  using (
    (select private.is_admin())
    or (status = 'draft' and region_code = (select private.my_secretariat_region()))
  )
  with check (
    (select private.is_admin())
    or (status in ('draft', 'submitted') and region_code = (select private.my_secretariat_region()))
  );
create policy "admins delete evaluations not final, the secretariat its drafts" on public.pmg_evaluations
  for delete to authenticated
  using (
    ((select private.is_admin()) and status <> 'final')
    or (status = 'draft' and region_code = (select private.my_secretariat_region()))
  );
