-- Data-quality flags (issue 11 §3), computed in the database from what the rows say, never
-- stored: a fix to a project clears its flag at once. The rules (also in docs/DATA.md,
-- "Calidad de datos"):
--
-- - missing_bip: the project has no BIP code.
-- - duplicate_bip: another project carries the same BIP number. `projects_bip_code_key` makes
--   equal codes impossible, so "the same" means the same number once formatting is set aside:
--   leading zeros, the case of a K, and the digit after the dash (30123456-0 and 030123456-7 are
--   one number twice; at most one of them can be right).
--   A check-digit test is deliberately absent: no authoritative description of how the BIP's
--   dígito verificador is computed was found (the sample data assumes a RUT-like modulo 11 but
--   that is our assumption, not MDS's), and `projects_bip_code_format` already rejects any other
--   shape, so the database holds no other "malformed" code to flag.
-- - far_from_declared_commune: the comuna the source declared is more than 5 km (geodesic) from
--   the project's geometry. Projects placed on their declared comuna (located_by_commune) are not
--   checked: their geometry is the comuna.
-- - point_for_linear_work: a point for a work that is a line by nature, told by its name: roads
--   (ruta, camino, carretera, autopista, avenida, costanera, by-pass, ciclovía, tramo) and
--   channels (canal, colector, acueducto, cauce, defensa fluvial), unless the name says it is a
--   bridge, an overpass or a junction, which are points on a line. Projects have no "kind"
--   column and a service builds both (Vialidad: roads and bridges; Obras Hidráulicas: canals and
--   reservoirs), so the name is the only reliable signal.
-- - investment_outlier: the investment is far from the usual for its service and stage, on a log
--   scale (investments span orders of magnitude): the modified z-score of Iglewicz and Hoaglin,
--   0.6745·|ln x − median| / MAD > 3.5, in groups of at least 8 projects with an investment above
--   zero and a MAD above zero. Median and MAD are robust: the outliers do not move them.
-- - stale: in progress and neither the project row nor a progress report changed in 12 months
--   (Chile's calendar).
-- - commitment_unlocated (commitments): linked to no project and no comuna, so no territorial page
--   shows it.
--
-- End before start is not a flag: `projects_end_after_start` keeps it out of the database (the
-- importer rejects such rows with the reason), so there is nothing to flag.

create type public.quality_flag as enum (
  'missing_bip',
  'duplicate_bip',
  'far_from_declared_commune',
  'point_for_linear_work',
  'investment_outlier',
  'stale',
  'commitment_unlocated'
);

-- The BIP number without formatting: the digits before the dash, leading zeros dropped. Written
-- out (not a function) in the index and the view alike: a function with a pinned search_path is
-- never inlined, and calling one for every project twice made the check 4× slower at 100k.
create index projects_bip_number_idx on public.projects ((nullif(ltrim(split_part(bip_code, '-', 1), '0'), '')));

-- True when the name says the work is a line (see the header).
create function private.is_linear_work(name text)
returns boolean
language sql
immutable
parallel safe
strict
set search_path = ''
as $$
  select private.search_key(name) ~ '\m(ruta|rutas|camino|caminos|carretera|autopista|avenida|costanera|by-?pass|ciclovia|tramo|canal|canales|colector|colectores|acueducto|cauce|cauces|defensas? fluvial(es)?)\M'
     and private.search_key(name) !~ '\m(puente|puentes|paso superior|paso inferior|enlace|pasarela)\M'
$$;

grant execute on function private.is_linear_work(text) to anon, authenticated, service_role;

-- Unaccenting and matching every name costs ~1 s at 100k projects; the few points that name a
-- linear work are kept in a partial index instead.
create index projects_point_for_linear_work_idx on public.projects (id)
  where extensions.geometrytype(geom) in ('POINT', 'MULTIPOINT') and private.is_linear_work(name);

create view public.project_quality_flags
with (security_invoker = true)
as
  select p.id as project_id, 'missing_bip'::public.quality_flag as flag, null::jsonb as detail
  from public.projects p
  where p.bip_code is null
union all
  select p.id, 'duplicate_bip', jsonb_build_object('bip_codes', (
      select jsonb_agg(x.bip_code order by x.bip_code) from public.projects x
      where nullif(ltrim(split_part(x.bip_code, '-', 1), '0'), '') = nullif(ltrim(split_part(p.bip_code, '-', 1), '0'), '')))
  from public.projects p
  where p.bip_code is not null
    and exists (
      select 1 from public.projects x
      where nullif(ltrim(split_part(x.bip_code, '-', 1), '0'), '') = nullif(ltrim(split_part(p.bip_code, '-', 1), '0'), '')
        and x.id <> p.id)
union all
  select p.id, 'far_from_declared_commune',
    jsonb_build_object('commune_code', c.code, 'commune_name', c.name,
      'distance_km', round((extensions.st_distance(p.geom::extensions.geography, c.geom::extensions.geography) / 1000)::numeric, 1))
  from public.projects p
  join public.communes c on c.code = p.declared_commune_code
  -- Spelled out although the join implies it: it lets the planner start from the (few) projects
  -- with a declared comuna through their index instead of scanning every project.
  where p.declared_commune_code is not null
    and not p.located_by_commune
    and not exists (
      select 1 from public.project_communes pc
      where pc.project_id = p.id and pc.commune_code = p.declared_commune_code)
    and not extensions.st_dwithin(p.geom::extensions.geography, c.geom::extensions.geography, 5000)
union all
  select p.id, 'point_for_linear_work', null
  from public.projects p
  where extensions.geometrytype(p.geom) in ('POINT', 'MULTIPOINT')
    and private.is_linear_work(p.name)
union all
  select p.id, 'investment_outlier',
    jsonb_build_object('median_clp', round(exp(g.median)), 'score', round((0.6745 * abs(ln(p.investment_clp::double precision) - g.median) / g.mad)::numeric, 1))
  from public.projects p
  join (
    select s.service_code, s.stage, s.median,
      percentile_cont(0.5) within group (order by abs(ln(x.investment_clp::double precision) - s.median)) as mad
    from (
      select y.service_code, y.stage, percentile_cont(0.5) within group (order by ln(y.investment_clp::double precision)) as median
      from public.projects y
      where y.investment_clp > 0
      group by 1, 2
      having count(*) >= 8
    ) s
    join public.projects x on x.service_code = s.service_code and x.stage = s.stage and x.investment_clp > 0
    group by 1, 2, 3
  ) g on g.service_code = p.service_code and g.stage = p.stage
  where p.investment_clp > 0
    and g.mad > 0
    and 0.6745 * abs(ln(p.investment_clp::double precision) - g.median) / g.mad > 3.5
union all
  select p.id, 'stale', jsonb_build_object('last_update', greatest(
      (p.updated_at at time zone 'America/Santiago')::date, l.reported_on))
  from public.projects p
  left join public.project_progress_latest l on l.project_id = p.id
  where p.status = 'in_progress'
    and greatest((p.updated_at at time zone 'America/Santiago')::date, l.reported_on)
        < ((now() at time zone 'America/Santiago')::date - interval '12 months')::date;

comment on view public.project_quality_flags is
  'Alertas de calidad de datos de cada proyecto (una fila por alerta), calculadas de los datos; reglas en docs/DATA.md.';

create view public.commitment_quality_flags
with (security_invoker = true)
as
  select c.id as commitment_id, c.agreement_id, c.title, c.due_on,
    'commitment_unlocated'::public.quality_flag as flag
  from public.commitments c
  where not exists (select 1 from public.commitment_projects cp where cp.commitment_id = c.id)
    and not exists (select 1 from public.commitment_communes cc where cc.commitment_id = c.id);

comment on view public.commitment_quality_flags is
  'Compromisos sin proyecto ni comuna (ninguna página territorial los muestra).';

-- Read only: the flags are derived, nobody writes them.
revoke all on public.project_quality_flags, public.commitment_quality_flags from anon, authenticated;
grant select on public.project_quality_flags, public.commitment_quality_flags to anon, authenticated, service_role;

-- Counts per region for the data-quality page, and for the whole country (region_code null):
-- projects by every region they touch (a project in two regions counts in both, and once in the
-- country's total), commitments by their agreement's region (national agreements' commitments
-- only in the total).
create function public.quality_summary()
returns table (region_code text, flag public.quality_flag, items bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select pc.region_code, f.flag, count(distinct f.project_id)
  from public.project_quality_flags f
  join public.project_communes pc on pc.project_id = f.project_id
  group by grouping sets ((pc.region_code, f.flag), (f.flag))
  union all
  select a.region_code, f.flag, count(*)
  from public.commitment_quality_flags f
  join public.agreements a on a.id = f.agreement_id
  where a.region_code is not null
  group by 1, 2
  union all
  select null, f.flag, count(*)
  from public.commitment_quality_flags f
  group by 2
$$;

comment on function public.quality_summary() is
  'Número de proyectos y compromisos con cada alerta de calidad, por región y en todo el país (región null).';

revoke execute on function public.quality_summary() from public;
grant execute on function public.quality_summary() to anon, authenticated, service_role;
