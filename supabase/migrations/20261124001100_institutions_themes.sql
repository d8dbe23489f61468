-- The institutions that sign agreements, own commitments, produce and receive information, and are
-- evaluated in the PMG; and the themes commitments and projects are classified under.
-- Both are public reference data: anyone may read them, only administrators change them.

create type public.institution_kind as enum (
  'ministry',
  'service',
  'regional_government',
  'provincial_delegation',
  'municipality',
  'seremi',
  'council_secretariat'
);

-- Where an institution acts. Services exist both nationally (Dirección Nacional de Vialidad) and
-- regionally (Dirección Regional de Vialidad de Valparaíso), so level is not implied by kind alone.
create type public.institution_level as enum ('national', 'regional', 'provincial', 'communal');

create table public.institutions (
  id bigint generated always as identity primary key,
  name text not null,
  acronym text,
  kind public.institution_kind not null,
  level public.institution_level not null,
  region_code text references public.regions (code),
  province_code text references public.provinces (code),
  commune_code text references public.communes (code),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint institutions_name_not_blank check (length(trim(name)) > 0),
  constraint institutions_name_key unique (name),
  constraint institutions_acronym_not_blank check (acronym is null or length(trim(acronym)) > 0),
  -- Every territorial code an institution carries is the one its level calls for, and they nest:
  -- a municipality carries its comuna and that comuna's region, a delegation its province and region.
  -- (coalesce: a check whose expression is null passes, and a missing code would make it null.)
  constraint institutions_codes_match_level check (coalesce(
    case level
      when 'national' then region_code is null and province_code is null and commune_code is null
      when 'regional' then region_code is not null and province_code is null and commune_code is null
      when 'provincial' then province_code is not null and left(province_code, 2) = region_code and commune_code is null
      when 'communal' then commune_code is not null and left(commune_code, 2) = region_code and province_code is null
    end, false)
  ),
  constraint institutions_kind_matches_level check (coalesce(
    case kind
      when 'ministry' then level = 'national'
      when 'service' then level in ('national', 'regional')
      when 'regional_government' then level = 'regional'
      when 'seremi' then level = 'regional'
      when 'council_secretariat' then level = 'regional'
      when 'provincial_delegation' then level = 'provincial'
      when 'municipality' then level = 'communal'
    end, false)
  )
);

create index institutions_region_code_idx on public.institutions (region_code);
-- One Gobierno Regional and one Technical Secretariat of the MOP Regional Council per region.
create unique index institutions_one_regional_government_per_region
  on public.institutions (region_code) where kind = 'regional_government';
create unique index institutions_one_council_secretariat_per_region
  on public.institutions (region_code) where kind = 'council_secretariat';

create table public.themes (
  code text primary key,
  name text not null unique,
  sort_order smallint not null default 100,
  constraint themes_code_format check (code ~ '^[a-z][a-z0-9_]*$'),
  constraint themes_name_not_blank check (length(trim(name)) > 0)
);

insert into public.themes (code, name, sort_order) values
  ('medio_ambiente', 'Medio ambiente', 10),
  ('territorio', 'Territorio', 20),
  ('participacion_ciudadana', 'Participación ciudadana', 30),
  ('prevencion_riesgos_salud_ocupacional', 'Prevención de riesgos y salud ocupacional', 40);

-- Keeps updated_at honest on every table that has one (attached by each topic's migration).
create function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger institutions_touch_updated_at before update on public.institutions
  for each row execute function private.touch_updated_at();

alter table public.institutions enable row level security;
alter table public.themes enable row level security;

create policy "reference data is public" on public.institutions
  for select to anon, authenticated using (true);
create policy "admins manage institutions" on public.institutions
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "reference data is public" on public.themes
  for select to anon, authenticated using (true);
create policy "admins manage themes" on public.themes
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

revoke all on public.institutions, public.themes from anon, authenticated;
grant select on public.institutions, public.themes to anon, authenticated;
grant insert, update, delete on public.institutions, public.themes to authenticated;
grant all on public.institutions, public.themes to service_role;
