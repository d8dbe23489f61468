-- The agreements workspace (issue 10 §1): the Technical Secretariat of a region records and
-- maintains its region's agreements and everything under them; administrators do so for every
-- agreement, national ones included.
--
--   * Who writes: the secretariat of region R inserts, changes and deletes agreements whose
--     region_code is R (it can neither create a national agreement nor move one to another region:
--     the policies check the row before and after), and the parties, covered comunas, commitments,
--     commitment comunas and commitment projects of those agreements. It now edits every column of
--     its region's commitments (it used to report progress and status only).
--   * References stay in the agreement's territory. An agreement of region R is an agreement of
--     R's institutions and comunas: its parties and the institutions responsible for its
--     commitments are national bodies (ministries, central services) or bodies of R; the comunas it
--     covers and its commitments concern are R's; the projects its commitments link touch R. An
--     agreement that spans regions is a national one (region_code null) and may reference anything.
--     The rule binds every API caller, administrators included (as the other integrity rules do);
--     the service role and the owner (imports, the sample) are not bound. A refused reference gets
--     the same error whether the row is missing or out of territory (the reference data is public,
--     so the error reveals nothing).
--   * Who and when stay the database's: created_at/updated_at are stamped (integrity rules), the
--     progress history is written by trigger only; statuses move forward
--     (commitments_status_moves_forward).
--   * Saving is atomic: save_agreement and save_commitment write a row and its links in one
--     transaction under the caller's RLS, so a refused link leaves nothing half-written.
--
-- Errors (the constraint name also in the detail, `violates constraint "…"`, which the app maps):
--   23503 constraint agreement_parties_institution_in_territory, constraint agreement_communes_in_territory,
--         constraint agreements_references_in_territory, constraint commitments_institution_in_territory,
--         constraint commitments_references_in_territory, constraint commitment_communes_in_territory,
--         constraint commitment_projects_in_territory
--   23514 constraint commitments_due_after_agreement (already raised; now also named in the detail,
--         so the workspace's forms can word it)

-- ── The comunas an agreement covers ─────────────────────────────────────────────────────────────
create table public.agreement_communes (
  agreement_id bigint not null references public.agreements (id) on delete cascade,
  commune_code text not null references public.communes (code),
  primary key (agreement_id, commune_code)
);

create index agreement_communes_commune_code_idx on public.agreement_communes (commune_code);

-- What an agreement covered until now is what its commitments concerned.
insert into public.agreement_communes (agreement_id, commune_code)
select distinct c.agreement_id, cc.commune_code
from public.commitment_communes cc
join public.commitments c on c.id = cc.commitment_id;

alter table public.agreement_communes enable row level security;

-- ── Who writes: admins everywhere, the secretariat in its region ───────────────────────────────
create function private.agreement_is_mine(agreement_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select (select private.is_admin())
    or exists (
      select 1 from public.agreements a
      where a.id = agreement_is_mine.agreement_id
        and a.region_code = (select private.my_secretariat_region())
    );
$$;

create function private.commitment_is_mine(commitment_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select (select private.is_admin())
    or exists (
      select 1 from public.commitments c join public.agreements a on a.id = c.agreement_id
      where c.id = commitment_is_mine.commitment_id
        and a.region_code = (select private.my_secretariat_region())
    );
$$;

revoke execute on function private.agreement_is_mine(bigint), private.commitment_is_mine(bigint) from public;
grant execute on function private.agreement_is_mine(bigint), private.commitment_is_mine(bigint)
  to authenticated, service_role;

drop policy "admins add agreements" on public.agreements;
drop policy "admins change agreements" on public.agreements;
drop policy "admins delete agreements" on public.agreements;
create policy "admins and the region's secretariat add agreements" on public.agreements
  for insert to authenticated
  with check ((select private.is_admin()) or region_code = (select private.my_secretariat_region()));
create policy "admins and the region's secretariat change agreements" on public.agreements
  for update to authenticated
  using ((select private.is_admin()) or region_code = (select private.my_secretariat_region()))
  with check ((select private.is_admin()) or region_code = (select private.my_secretariat_region()));
create policy "admins and the region's secretariat delete agreements" on public.agreements
  for delete to authenticated
  using ((select private.is_admin()) or region_code = (select private.my_secretariat_region()));

drop policy "admins add parties" on public.agreement_parties;
drop policy "admins change parties" on public.agreement_parties;
drop policy "admins remove parties" on public.agreement_parties;
create policy "agreement writers add parties" on public.agreement_parties
  for insert to authenticated with check (private.agreement_is_mine(agreement_id));
create policy "agreement writers change parties" on public.agreement_parties
  for update to authenticated
  using (private.agreement_is_mine(agreement_id)) with check (private.agreement_is_mine(agreement_id));
create policy "agreement writers remove parties" on public.agreement_parties
  for delete to authenticated using (private.agreement_is_mine(agreement_id));

create policy "agreement comunas are public" on public.agreement_communes
  for select to anon, authenticated using (true);
create policy "agreement writers add comunas" on public.agreement_communes
  for insert to authenticated with check (private.agreement_is_mine(agreement_id));
create policy "agreement writers change comunas" on public.agreement_communes
  for update to authenticated
  using (private.agreement_is_mine(agreement_id)) with check (private.agreement_is_mine(agreement_id));
create policy "agreement writers remove comunas" on public.agreement_communes
  for delete to authenticated using (private.agreement_is_mine(agreement_id));

drop policy "admins add commitments" on public.commitments;
drop policy "admins change commitments, secretariat reports its region's" on public.commitments;
drop policy "admins delete commitments" on public.commitments;
create policy "agreement writers add commitments" on public.commitments
  for insert to authenticated with check (private.agreement_is_mine(agreement_id));
create policy "agreement writers change commitments" on public.commitments
  for update to authenticated
  using (private.agreement_is_mine(agreement_id)) with check (private.agreement_is_mine(agreement_id));
create policy "agreement writers delete commitments" on public.commitments
  for delete to authenticated using (private.agreement_is_mine(agreement_id));

-- The secretariat now maintains its region's commitments in full, not just their progress.
drop trigger commitments_limit_secretariat_changes on public.commitments;
drop function private.limit_secretariat_commitment_changes();

drop policy "admins link commitments to comunas" on public.commitment_communes;
drop policy "admins relink commitments to comunas" on public.commitment_communes;
drop policy "admins unlink commitments from comunas" on public.commitment_communes;
create policy "agreement writers link commitments to comunas" on public.commitment_communes
  for insert to authenticated with check (private.commitment_is_mine(commitment_id));
create policy "agreement writers relink commitments to comunas" on public.commitment_communes
  for update to authenticated
  using (private.commitment_is_mine(commitment_id)) with check (private.commitment_is_mine(commitment_id));
create policy "agreement writers unlink commitments from comunas" on public.commitment_communes
  for delete to authenticated using (private.commitment_is_mine(commitment_id));

drop policy "admins link commitments to projects" on public.commitment_projects;
drop policy "admins relink commitments to projects" on public.commitment_projects;
drop policy "admins unlink commitments from projects" on public.commitment_projects;
create policy "agreement writers link commitments to projects" on public.commitment_projects
  for insert to authenticated with check (private.commitment_is_mine(commitment_id));
create policy "agreement writers relink commitments to projects" on public.commitment_projects
  for update to authenticated
  using (private.commitment_is_mine(commitment_id)) with check (private.commitment_is_mine(commitment_id));
create policy "agreement writers unlink commitments from projects" on public.commitment_projects
  for delete to authenticated using (private.commitment_is_mine(commitment_id));

-- ── References stay in the agreement's territory ────────────────────────────────────────────────
-- Each check runs before the row's foreign keys, so a missing and an out-of-territory reference
-- answer alike. A national agreement (region null) accepts every reference.
create function private.out_of_territory(constraint_name text, message text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using
    errcode = 'foreign_key_violation',
    message = message,
    detail = format('violates constraint "%s"', constraint_name),
    constraint = constraint_name;
end;
$$;

create function private.institution_in_region(institution_id bigint, region text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select region is null or exists (
    select 1 from public.institutions i
    where i.id = institution_in_region.institution_id
      and (i.region_code is null or i.region_code = institution_in_region.region)
  );
$$;

create function private.agreement_region(agreement_id bigint)
returns text
language sql
stable
set search_path = ''
as $$
  select a.region_code from public.agreements a where a.id = agreement_region.agreement_id;
$$;

create function private.commitment_region(commitment_id bigint)
returns text
language sql
stable
set search_path = ''
as $$
  select a.region_code from public.commitments c join public.agreements a on a.id = c.agreement_id
  where c.id = commitment_region.commitment_id;
$$;

create function private.check_agreement_party_territory()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request()
     and not private.institution_in_region(new.institution_id, private.agreement_region(new.agreement_id)) then
    perform private.out_of_territory('agreement_parties_institution_in_territory',
      'Una parte de un acuerdo regional debe ser una institución nacional o de la misma región.');
  end if;
  return new;
end;
$$;

create trigger agreement_parties_institution_in_territory
  before insert or update on public.agreement_parties
  for each row execute function private.check_agreement_party_territory();

create function private.check_agreement_commune_territory()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  region text := private.agreement_region(new.agreement_id);
begin
  if private.is_api_request() and region is not null
     and not exists (select 1 from public.communes m where m.code = new.commune_code and m.region_code = region) then
    perform private.out_of_territory('agreement_communes_in_territory',
      'Un acuerdo regional solo cubre comunas de su región.');
  end if;
  return new;
end;
$$;

create trigger agreement_communes_in_territory
  before insert or update on public.agreement_communes
  for each row execute function private.check_agreement_commune_territory();

create function private.check_commitment_institution_territory()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request()
     and (tg_op = 'INSERT'
          or new.responsible_institution_id is distinct from old.responsible_institution_id
          or new.agreement_id is distinct from old.agreement_id)
     and not private.institution_in_region(new.responsible_institution_id, private.agreement_region(new.agreement_id)) then
    perform private.out_of_territory('commitments_institution_in_territory',
      'La institución responsable de un compromiso regional debe ser nacional o de la misma región.');
  end if;
  -- Moved to another agreement: what it already links must fit there too.
  if private.is_api_request() and tg_op = 'UPDATE' and new.agreement_id is distinct from old.agreement_id
     and private.agreement_region(new.agreement_id) is not null and (
       exists (select 1 from public.commitment_communes cc join public.communes m on m.code = cc.commune_code
               where cc.commitment_id = new.id and m.region_code <> private.agreement_region(new.agreement_id))
       or exists (select 1 from public.commitment_projects cp
                  where cp.commitment_id = new.id and not exists (
                    select 1 from public.project_communes pc join public.communes m on m.code = pc.commune_code
                    where pc.project_id = cp.project_id and m.region_code = private.agreement_region(new.agreement_id)))
     ) then
    perform private.out_of_territory('commitments_references_in_territory',
      'El compromiso está vinculado a comunas o proyectos de otra región; no puede pasar a este acuerdo.');
  end if;
  return new;
end;
$$;

create trigger commitments_institution_in_territory
  before insert or update on public.commitments
  for each row execute function private.check_commitment_institution_territory();

create function private.check_commitment_commune_territory()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  region text := private.commitment_region(new.commitment_id);
begin
  if private.is_api_request() and region is not null
     and not exists (select 1 from public.communes m where m.code = new.commune_code and m.region_code = region) then
    perform private.out_of_territory('commitment_communes_in_territory',
      'Un compromiso de un acuerdo regional solo se vincula a comunas de su región.');
  end if;
  return new;
end;
$$;

create trigger commitment_communes_in_territory
  before insert or update on public.commitment_communes
  for each row execute function private.check_commitment_commune_territory();

create function private.check_commitment_project_territory()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  region text := private.commitment_region(new.commitment_id);
begin
  if private.is_api_request() and region is not null
     and not exists (
       select 1 from public.project_communes pc join public.communes m on m.code = pc.commune_code
       where pc.project_id = new.project_id and m.region_code = region
     ) then
    perform private.out_of_territory('commitment_projects_in_territory',
      'Un compromiso de un acuerdo regional solo se vincula a proyectos que tocan su región.');
  end if;
  return new;
end;
$$;

create trigger commitment_projects_in_territory
  before insert or update on public.commitment_projects
  for each row execute function private.check_commitment_project_territory();

revoke execute on function private.out_of_territory(text, text), private.institution_in_region(bigint, text),
  private.agreement_region(bigint), private.commitment_region(bigint),
  private.check_agreement_party_territory(), private.check_agreement_commune_territory(),
  private.check_commitment_institution_territory(), private.check_commitment_commune_territory(),
  private.check_commitment_project_territory()
  from public;
grant execute on function private.out_of_territory(text, text), private.institution_in_region(bigint, text),
  private.agreement_region(bigint), private.commitment_region(bigint)
  to authenticated, service_role;

-- ── Saving a row with its links, in one transaction ────────────────────────────────────────────
-- parties: [{"institution_id": 1, "role": "signatory"}, …]. Links not listed are removed.
create function public.save_agreement(
  p_id bigint,
  p_kind public.agreement_kind,
  p_title text,
  p_problem text,
  p_signed_on date,
  p_ends_on date,
  p_region_code text,
  p_parties jsonb,
  p_communes text[]
)
returns bigint
language plpgsql
security invoker
set search_path = ''
as $$
declare
  saved bigint;
begin
  if p_id is null then
    insert into public.agreements (kind, title, problem, signed_on, ends_on, region_code)
    values (p_kind, p_title, p_problem, p_signed_on, p_ends_on, p_region_code)
    returning id into saved;
  else
    update public.agreements
    set kind = p_kind, title = p_title, problem = p_problem, signed_on = p_signed_on,
        ends_on = p_ends_on, region_code = p_region_code
    where id = p_id
    returning id into saved;
    if saved is null then
      raise exception using
        errcode = 'insufficient_privilege',
        message = 'El acuerdo no existe o no tiene permiso para modificarlo.';
    end if;
  end if;

  delete from public.agreement_parties ap
  where ap.agreement_id = saved
    and ap.institution_id not in (
      select (p ->> 'institution_id')::bigint from jsonb_array_elements(coalesce(p_parties, '[]')) p
    );
  insert into public.agreement_parties (agreement_id, institution_id, role)
  select saved, (p ->> 'institution_id')::bigint, (p ->> 'role')::public.agreement_party_role
  from jsonb_array_elements(coalesce(p_parties, '[]')) p
  on conflict (agreement_id, institution_id) do update set role = excluded.role
  where public.agreement_parties.role is distinct from excluded.role;

  delete from public.agreement_communes ac
  where ac.agreement_id = saved and ac.commune_code <> all (coalesce(p_communes, '{}'));
  insert into public.agreement_communes (agreement_id, commune_code)
  select saved, code from unnest(coalesce(p_communes, '{}')) code
  on conflict do nothing;

  return saved;
end;
$$;

create function public.save_commitment(
  p_id bigint,
  p_agreement_id bigint,
  p_title text,
  p_responsible_institution_id bigint,
  p_theme_code text,
  p_due_on date,
  p_estimated_cost_clp bigint,
  p_communes text[],
  p_projects bigint[]
)
returns bigint
language plpgsql
security invoker
set search_path = ''
as $$
declare
  saved bigint;
begin
  if p_id is null then
    insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on, estimated_cost_clp)
    values (p_agreement_id, p_title, p_responsible_institution_id, p_theme_code, p_due_on, p_estimated_cost_clp)
    returning id into saved;
  else
    update public.commitments
    set title = p_title, responsible_institution_id = p_responsible_institution_id,
        theme_code = p_theme_code, due_on = p_due_on, estimated_cost_clp = p_estimated_cost_clp
    where id = p_id and agreement_id = p_agreement_id
    returning id into saved;
    if saved is null then
      raise exception using
        errcode = 'insufficient_privilege',
        message = 'El compromiso no existe o no tiene permiso para modificarlo.';
    end if;
  end if;

  delete from public.commitment_communes cc
  where cc.commitment_id = saved and cc.commune_code <> all (coalesce(p_communes, '{}'));
  insert into public.commitment_communes (commitment_id, commune_code)
  select saved, code from unnest(coalesce(p_communes, '{}')) code
  on conflict do nothing;

  delete from public.commitment_projects cp
  where cp.commitment_id = saved and cp.project_id <> all (coalesce(p_projects, '{}'));
  insert into public.commitment_projects (commitment_id, project_id)
  select saved, project from unnest(coalesce(p_projects, '{}')) project
  on conflict do nothing;

  return saved;
end;
$$;

revoke execute on function public.save_agreement(bigint, public.agreement_kind, text, text, date, date, text, jsonb, text[]),
  public.save_commitment(bigint, bigint, text, bigint, text, date, bigint, text[], bigint[])
  from public, anon;
grant execute on function public.save_agreement(bigint, public.agreement_kind, text, text, date, date, text, jsonb, text[]),
  public.save_commitment(bigint, bigint, text, bigint, text, date, bigint, text[], bigint[])
  to authenticated, service_role;

revoke all on public.agreement_communes from anon, authenticated;
grant select on public.agreement_communes to anon;
grant select, insert, update, delete on public.agreement_communes to authenticated;
grant all on public.agreement_communes to service_role;

-- Moving an agreement to a region (an administrator's act) keeps the rule for what it already holds.
create function private.check_agreement_keeps_territory()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() and new.region_code is not null and (
    exists (select 1 from public.agreement_parties ap
            where ap.agreement_id = new.id and not private.institution_in_region(ap.institution_id, new.region_code))
    or exists (select 1 from public.agreement_communes ac join public.communes m on m.code = ac.commune_code
               where ac.agreement_id = new.id and m.region_code <> new.region_code)
    or exists (select 1 from public.commitments c
               where c.agreement_id = new.id and not private.institution_in_region(c.responsible_institution_id, new.region_code))
    or exists (select 1 from public.commitment_communes cc join public.commitments c on c.id = cc.commitment_id
               join public.communes m on m.code = cc.commune_code
               where c.agreement_id = new.id and m.region_code <> new.region_code)
  ) then
    perform private.out_of_territory('agreements_references_in_territory',
      'El acuerdo tiene partes, comunas o compromisos de otra región; no puede pasar a esta región.');
  end if;
  return new;
end;
$$;

create trigger agreements_references_in_territory
  before update of region_code on public.agreements
  for each row execute function private.check_agreement_keeps_territory();

revoke execute on function private.check_agreement_keeps_territory() from public;

-- ── A commitment due before its agreement: named in the detail, so the app can word it ─────────
create or replace function private.check_commitment_due_date()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  signed date;
begin
  select a.signed_on into signed from public.agreements a where a.id = new.agreement_id;
  if new.due_on < signed then
    raise exception using
      errcode = 'check_violation',
      message = format('La fecha de vencimiento del compromiso (%s) es anterior a la fecha del acuerdo (%s).',
        to_char(new.due_on, 'DD-MM-YYYY'), to_char(signed, 'DD-MM-YYYY')),
      detail = 'violates constraint "commitments_due_after_agreement"',
      hint = 'Use una fecha de vencimiento igual o posterior a la firma o constitución del acuerdo.',
      constraint = 'commitments_due_after_agreement';
  end if;
  return new;
end;
$$;

create or replace function private.check_agreement_date_keeps_commitments()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  earliest date;
begin
  select min(c.due_on) into earliest from public.commitments c where c.agreement_id = new.id;
  if earliest < new.signed_on then
    raise exception using
      errcode = 'check_violation',
      message = format('El acuerdo tiene compromisos que vencen el %s, antes de la nueva fecha del acuerdo (%s).',
        to_char(earliest, 'DD-MM-YYYY'), to_char(new.signed_on, 'DD-MM-YYYY')),
      detail = 'violates constraint "commitments_due_after_agreement"',
      hint = 'Ajuste primero las fechas de vencimiento de esos compromisos.',
      constraint = 'commitments_due_after_agreement';
  end if;
  return new;
end;
$$;
