-- The PMG (Programa de Mejoramiento de la Gestión) territorial requirements, evaluated per
-- institution and year. An evaluation belongs to its institution's region (none for national
-- institutions). Administrators write them; drafts stay with administrators.

create table public.pmg_requirements (
  code text primary key,
  name text not null unique,
  sort_order smallint not null,
  constraint pmg_requirements_code_format check (code ~ '^[0-9]+(\.[0-9]+)?$')
);

insert into public.pmg_requirements (code, name, sort_order) values
  ('1.1', 'Perspectiva territorial', 10),
  ('1.2', 'Articulación territorial', 20),
  ('1.3', 'Complementariedad', 30),
  ('2.1', 'Información regional', 40),
  ('3', 'Informe ejecutivo', 50);

create type public.pmg_evaluation_status as enum ('draft', 'submitted', 'final');

create table public.pmg_evaluations (
  id bigint generated always as identity primary key,
  institution_id bigint not null references public.institutions (id),
  year smallint not null,
  requirement_code text not null references public.pmg_requirements (code),
  -- The development the institution achieved on the requirement.
  development text,
  recommendations text,
  status public.pmg_evaluation_status not null default 'draft',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pmg_evaluations_once_per_requirement unique (institution_id, year, requirement_code),
  constraint pmg_evaluations_year_plausible check (year between 2000 and 2100)
);

create index pmg_evaluations_year_idx on public.pmg_evaluations (year);

create trigger pmg_evaluations_touch_updated_at before update on public.pmg_evaluations
  for each row execute function private.touch_updated_at();

alter table public.pmg_requirements enable row level security;
alter table public.pmg_evaluations enable row level security;

create policy "reference data is public" on public.pmg_requirements
  for select to anon, authenticated using (true);
create policy "admins manage PMG requirements" on public.pmg_requirements
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "admins read every evaluation" on public.pmg_evaluations
  for select to authenticated
  using ((select private.my_role()) = 'admin');
create policy "planners read evaluations not in draft" on public.pmg_evaluations
  for select to authenticated
  using ((select private.my_role()) = 'planner' and status <> 'draft');
create policy "regional roles read their region's evaluations not in draft" on public.pmg_evaluations
  for select to authenticated
  using (
    (select private.my_role()) in ('gore', 'secretariat')
    and status <> 'draft'
    and institution_id in (
      select i.id from public.institutions i where i.region_code = (select private.my_region())
    )
  );
create policy "admins add evaluations" on public.pmg_evaluations
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');
create policy "admins change evaluations" on public.pmg_evaluations
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');
create policy "admins delete evaluations" on public.pmg_evaluations
  for delete to authenticated
  using ((select private.my_role()) = 'admin');

revoke all on public.pmg_requirements, public.pmg_evaluations from anon, authenticated;
grant select on public.pmg_requirements to anon;
grant select, insert, update, delete on public.pmg_requirements, public.pmg_evaluations to authenticated;
grant all on public.pmg_requirements, public.pmg_evaluations to service_role;
