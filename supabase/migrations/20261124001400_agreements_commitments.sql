-- Agreements (convenios, protocolos de acuerdo, mesas de trabajo) between institutions, and the
-- commitments made under them, with their progress history.
--
-- An agreement belongs to one region, or to the whole country when region_code is null; its
-- commitments, parties and history share that scope. Administrators write agreements and
-- commitments; the Technical Secretariat of the region reports commitment progress (and status).
-- "Overdue" is never stored: `commitments_with_status` computes it when read.

create type public.agreement_kind as enum ('convenio', 'protocolo_de_acuerdo', 'mesa_de_trabajo');
create type public.agreement_party_role as enum ('firmante', 'coordinador', 'ejecutor', 'financista', 'colaborador');
create type public.commitment_status as enum ('pendiente', 'en_curso', 'cumplido', 'cancelado');

create table public.agreements (
  id bigint generated always as identity primary key,
  kind public.agreement_kind not null,
  title text not null,
  -- The territorial problem the agreement addresses.
  problem text not null,
  -- Signed (convenio, protocolo) or constituted (mesa de trabajo).
  signed_on date not null,
  ends_on date,
  region_code text references public.regions (code),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint agreements_title_not_blank check (length(trim(title)) > 0),
  constraint agreements_problem_not_blank check (length(trim(problem)) > 0),
  constraint agreements_ends_after_signed check (ends_on >= signed_on)
);

create index agreements_region_code_idx on public.agreements (region_code);

create trigger agreements_touch_updated_at before update on public.agreements
  for each row execute function private.touch_updated_at();

create table public.agreement_parties (
  agreement_id bigint not null references public.agreements (id) on delete cascade,
  institution_id bigint not null references public.institutions (id),
  role public.agreement_party_role not null,
  primary key (agreement_id, institution_id)
);

create index agreement_parties_institution_id_idx on public.agreement_parties (institution_id);

create table public.commitments (
  id bigint generated always as identity primary key,
  agreement_id bigint not null references public.agreements (id) on delete cascade,
  title text not null,
  responsible_institution_id bigint not null references public.institutions (id),
  theme_code text not null references public.themes (code),
  due_on date not null,
  status public.commitment_status not null default 'pendiente',
  progress smallint not null default 0,
  estimated_cost_clp bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint commitments_title_not_blank check (length(trim(title)) > 0),
  constraint commitments_progress_between_0_and_100 check (progress between 0 and 100),
  constraint commitments_fulfilled_means_complete check (status <> 'cumplido' or progress = 100),
  constraint commitments_estimated_cost_not_negative check (estimated_cost_clp >= 0)
);

create index commitments_agreement_id_idx on public.commitments (agreement_id);
create index commitments_responsible_institution_id_idx on public.commitments (responsible_institution_id);
create index commitments_due_on_idx on public.commitments (due_on);

create trigger commitments_touch_updated_at before update on public.commitments
  for each row execute function private.touch_updated_at();

create table public.commitment_communes (
  commitment_id bigint not null references public.commitments (id) on delete cascade,
  commune_code text not null references public.communes (code),
  primary key (commitment_id, commune_code)
);

create table public.commitment_projects (
  commitment_id bigint not null references public.commitments (id) on delete cascade,
  project_id bigint not null references public.projects (id) on delete cascade,
  primary key (commitment_id, project_id)
);

create index commitment_projects_project_id_idx on public.commitment_projects (project_id);

-- One row per change of progress or status: written by trigger only, never edited.
create table public.commitment_progress (
  id bigint generated always as identity primary key,
  commitment_id bigint not null references public.commitments (id) on delete cascade,
  progress smallint not null,
  status public.commitment_status not null,
  note text,
  changed_by uuid references auth.users (id) on delete set null,
  changed_at timestamptz not null default now()
);

create index commitment_progress_commitment_id_idx on public.commitment_progress (commitment_id, changed_at);

-- A commitment cannot fall due before its agreement exists; checked both ways so that moving
-- the agreement's date cannot strand its commitments either.
create function private.check_commitment_due_date()
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
      hint = 'Use una fecha de vencimiento igual o posterior a la firma o constitución del acuerdo.',
      constraint = 'commitments_due_after_agreement';
  end if;
  return new;
end;
$$;

create trigger commitments_due_after_agreement
  before insert or update of due_on, agreement_id on public.commitments
  for each row execute function private.check_commitment_due_date();

create function private.check_agreement_date_keeps_commitments()
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
      hint = 'Ajuste primero las fechas de vencimiento de esos compromisos.',
      constraint = 'commitments_due_after_agreement';
  end if;
  return new;
end;
$$;

create trigger agreements_keep_commitments_after_date
  before update of signed_on on public.agreements
  for each row execute function private.check_agreement_date_keeps_commitments();

-- The secretariat reports progress: it may change progress and status, nothing else (the row
-- policy already limits it to its region). Other roles are limited by the policies alone.
create function private.limit_secretariat_commitment_changes()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select private.my_role()) = 'secretariat'
     and (to_jsonb(new) - array['progress', 'status', 'updated_at'])
         is distinct from (to_jsonb(old) - array['progress', 'status', 'updated_at']) then
    raise exception using
      errcode = 'insufficient_privilege',
      message = 'La secretaría técnica solo puede actualizar el avance y el estado de un compromiso.',
      hint = 'Use update_commitment_progress(compromiso, avance, nota).';
  end if;
  return new;
end;
$$;

create trigger commitments_limit_secretariat_changes
  before update on public.commitments
  for each row execute function private.limit_secretariat_commitment_changes();

-- The note of a change comes from update_commitment_progress through a transaction-local
-- setting, since an UPDATE has no room for it.
create function private.record_commitment_progress()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT'
     or new.progress is distinct from old.progress
     or new.status is distinct from old.status then
    insert into public.commitment_progress (commitment_id, progress, status, note, changed_by)
    values (new.id, new.progress, new.status,
            nullif(current_setting('app.commitment_progress_note', true), ''), (select auth.uid()));
  end if;
  return null;
end;
$$;

create trigger commitments_record_progress
  after insert or update of progress, status on public.commitments
  for each row execute function private.record_commitment_progress();

-- How the app reports progress: one call, with the reason, under the caller's own permissions.
create function public.update_commitment_progress(
  commitment_id bigint,
  progress smallint,
  note text default null,
  status public.commitment_status default null
)
returns public.commitments
language plpgsql
security invoker
set search_path = ''
as $$
declare
  updated public.commitments;
begin
  perform set_config('app.commitment_progress_note', coalesce(note, ''), true);
  update public.commitments c
  set progress = update_commitment_progress.progress,
      status = coalesce(update_commitment_progress.status, c.status)
  where c.id = update_commitment_progress.commitment_id
  returning c.* into updated;
  perform set_config('app.commitment_progress_note', '', true);
  if updated.id is null then
    raise exception using
      errcode = 'insufficient_privilege',
      message = format('El compromiso %s no existe o no tiene permiso para actualizar su avance.', commitment_id);
  end if;
  return updated;
end;
$$;

revoke execute on function public.update_commitment_progress(bigint, smallint, text, public.commitment_status) from public, anon;
grant execute on function public.update_commitment_progress(bigint, smallint, text, public.commitment_status) to authenticated, service_role;

-- Chile's calendar, not the server's UTC one: at 22:00 in Santiago it is already tomorrow in UTC.
create view public.commitments_with_status
with (security_invoker = true)
as
select
  c.*,
  a.region_code,
  c.due_on < (now() at time zone 'America/Santiago')::date
    and c.status not in ('cumplido', 'cancelado') as overdue
from public.commitments c
join public.agreements a on a.id = c.agreement_id;

alter table public.agreements enable row level security;
alter table public.agreement_parties enable row level security;
alter table public.commitments enable row level security;
alter table public.commitment_communes enable row level security;
alter table public.commitment_projects enable row level security;
alter table public.commitment_progress enable row level security;

create policy "admins and planners read every agreement" on public.agreements
  for select to authenticated
  using ((select private.my_role()) in ('admin', 'planner'));
create policy "regional roles read their region's and national agreements" on public.agreements
  for select to authenticated
  using (
    (select private.my_role()) in ('gore', 'secretariat')
    and (region_code is null or region_code = (select private.my_region()))
  );
create policy "admins add agreements" on public.agreements
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');
create policy "admins change agreements" on public.agreements
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');
create policy "admins delete agreements" on public.agreements
  for delete to authenticated
  using ((select private.my_role()) = 'admin');

-- Everything under an agreement is visible exactly when the agreement is (the subquery runs
-- under agreements' RLS).
create policy "parties follow their agreement" on public.agreement_parties
  for select to authenticated
  using (agreement_id in (select a.id from public.agreements a));
create policy "admins manage parties" on public.agreement_parties
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "commitments follow their agreement" on public.commitments
  for select to authenticated
  using (agreement_id in (select a.id from public.agreements a));
create policy "admins add commitments" on public.commitments
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');
create policy "admins change commitments" on public.commitments
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');
create policy "secretariat reports progress in its region" on public.commitments
  for update to authenticated
  using (
    (select private.my_role()) = 'secretariat'
    and agreement_id in (select a.id from public.agreements a where a.region_code = (select private.my_region()))
  )
  with check (
    (select private.my_role()) = 'secretariat'
    and agreement_id in (select a.id from public.agreements a where a.region_code = (select private.my_region()))
  );
create policy "admins delete commitments" on public.commitments
  for delete to authenticated
  using ((select private.my_role()) = 'admin');

create policy "commitment comunas follow their commitment" on public.commitment_communes
  for select to authenticated
  using (commitment_id in (select c.id from public.commitments c));
create policy "admins link commitments to comunas" on public.commitment_communes
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "commitment projects follow their commitment" on public.commitment_projects
  for select to authenticated
  using (commitment_id in (select c.id from public.commitments c));
create policy "admins link commitments to projects" on public.commitment_projects
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "progress history follows its commitment" on public.commitment_progress
  for select to authenticated
  using (commitment_id in (select c.id from public.commitments c));

revoke all on public.agreements, public.agreement_parties, public.commitments,
  public.commitment_communes, public.commitment_projects, public.commitment_progress,
  public.commitments_with_status
  from anon, authenticated;
grant select, insert, update, delete on public.agreements, public.agreement_parties, public.commitments,
  public.commitment_communes, public.commitment_projects
  to authenticated;
grant select on public.commitment_progress, public.commitments_with_status to authenticated;
grant all on public.agreements, public.agreement_parties, public.commitments,
  public.commitment_communes, public.commitment_projects
  to service_role;
-- History is append-only, by trigger: the service role reads it like everyone else.
revoke all on public.commitment_progress from service_role;
grant select on public.commitment_progress, public.commitments_with_status to service_role;
