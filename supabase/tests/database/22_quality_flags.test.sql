-- Data-quality flags (migration 20261201060100_quality_flags): each flag on fixtures that must
-- raise it and fixtures that must not, the counts per region, the `quality` key of the dashboard
-- filter, and who may read them. Fixtures sit in the test territory (tests.create_territory);
-- the domain tables are emptied inside the test's transaction, so the sample never enters.
begin;
\ir helpers/access.psql
select plan(30);

set local client_min_messages = warning;
truncate public.projects, public.agreements, public.information_flows, public.publications cascade;
reset client_min_messages;

select tests.create_territory();

create function tests.add(
  project_name text, geometry extensions.geometry, bip text, service text default 'vialidad',
  investment bigint default 1000000000, status public.project_status default 'completed',
  declared text default null
)
returns bigint
language sql
as $$
  insert into public.projects (service_code, name, stage, status, investment_clp, geom, bip_code, declared_commune_code)
  values (service, project_name, 'execution', status, investment, geometry, bip, declared)
  returning id;
$$;

create function tests.flags_of(project_name text)
returns text[]
language sql
as $$
  select coalesce(array_agg(f.flag::text order by f.flag), '{}')
  from public.project_quality_flags f join public.projects p on p.id = f.project_id
  where p.name = project_name
$$;

-- A line inside comuna 91101, for projects that should raise nothing.
create function tests.line()
returns extensions.geometry
language sql
as $$ select extensions.st_setsrid(extensions.st_makeline(tests.point(-99.99, -39.95), tests.point(-99.95, -39.95)), 4326) $$;

-- missing_bip
select tests.add('Sin código', tests.line(), null);
select tests.add('Con código', tests.line(), '20000001-1');
-- duplicate_bip: the same number written twice (leading zero, another digit after the dash)
select tests.add('Número repetido A', tests.line(), '30000001-0');
select tests.add('Número repetido B', tests.line(), '030000001-5');
select tests.add('Número parecido', tests.line(), '3000001-0');
-- far_from_declared_commune: 91101's north-west corner declared in 92102 (≈ 12 km away), its east
-- edge declared in the neighbouring 91102 (≈ 0.4 km), inside its declared comuna, and placed on it
select tests.add('Lejos de su comuna', tests.point(-99.99, -39.91), '20000002-K', declared => '92102');
select tests.add('Cerca de su comuna', tests.point(-99.905, -39.95), '20000003-8', declared => '91102');
select tests.add('En su comuna', tests.point(-99.95, -39.95), '20000004-6', declared => '91101');
insert into public.projects (service_code, name, stage, status, geom, bip_code, declared_commune_code, located_by_commune)
values ('vialidad', 'Ubicado por su comuna', 'execution', 'completed', tests.point(-99.99, -39.91), '20000005-4', '92102', true);
-- point_for_linear_work
select tests.add('Mejoramiento Ruta 5, sector Prueba', tests.point(-99.95, -39.95), '20000006-2');
select tests.add('Construcción canal matriz El Prueba', tests.point(-99.95, -39.95), '20000007-0', 'obras_hidraulicas');
select tests.add('Reposición puente El Prueba, Ruta 5', tests.point(-99.95, -39.95), '20000008-9');
select tests.add('Mejoramiento Ruta 7, sector Línea', tests.line(), '20000009-7');
select tests.add('Construcción embalse El Prueba', tests.point(-99.95, -39.95), '20000010-0', 'obras_hidraulicas');
-- investment_outlier: ten airports around $ 1.000 M and one of $ 10 billones; three ports (too few
-- to judge) with the same extreme
select tests.add('Aeródromo ' || i, tests.point(-99.95, -39.95), '2100000' || i || '-0', 'aeropuertos', 800000000 + i * 50000000)
from generate_series(0, 9) i;
select tests.add('Aeródromo desmesurado', tests.point(-99.95, -39.95), '21000010-0', 'aeropuertos', 10000000000000);
select tests.add('Muelle ' || i, tests.point(-99.95, -39.95), '2200000' || i || '-0', 'obras_portuarias', case i when 2 then 10000000000000 else 1000000000 end)
from generate_series(0, 2) i;
-- stale: in progress without change in two years; the same with a recent report; completed
select tests.add('Obra olvidada', tests.line(), '23000001-0', status => 'in_progress');
select tests.add('Obra con reporte', tests.line(), '23000002-0', status => 'in_progress');
select tests.add('Obra terminada', tests.line(), '23000003-0', status => 'completed');
insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select id, (now() at time zone 'America/Santiago')::date - 30, 40, 1000 from public.projects where name = 'Obra con reporte';
-- updated_at is the database's to set (a trigger touches it on every update): age it as the owner.
alter table public.projects disable trigger projects_touch_updated_at;
update public.projects set updated_at = now() - interval '2 years'
where name in ('Obra olvidada', 'Obra con reporte', 'Obra terminada');
alter table public.projects enable trigger projects_touch_updated_at;

select is(tests.flags_of('Sin código'), '{missing_bip}', 'a project without BIP code is flagged');
select is(tests.flags_of('Con código'), '{}', 'a project with its own BIP code is not');
select is(tests.flags_of('Número repetido A'), '{duplicate_bip}', 'a BIP number carried twice flags the first…');
select is(tests.flags_of('Número repetido B'), '{duplicate_bip}', '… and the second, written with a leading zero and another digit');
select is(
  (select detail -> 'bip_codes' from public.project_quality_flags f join public.projects p on p.id = f.project_id
   where p.name = 'Número repetido A' and f.flag = 'duplicate_bip'),
  '["030000001-5", "30000001-0"]'::jsonb,
  'the flag names every code of the number'
);
select is(tests.flags_of('Número parecido'), '{}', 'a different number that looks alike is not a duplicate');

select is(tests.flags_of('Lejos de su comuna'), '{far_from_declared_commune}', 'a geometry 12 km from its declared comuna is flagged');
select ok(
  (select (detail ->> 'distance_km')::numeric between 10 and 15 from public.project_quality_flags f
   join public.projects p on p.id = f.project_id where p.name = 'Lejos de su comuna'),
  'with its distance in km'
);
select is(tests.flags_of('Cerca de su comuna'), '{}', 'half a kilometre from the declared comuna is within tolerance');
select is(tests.flags_of('En su comuna'), '{}', 'inside the declared comuna is fine');
select is(tests.flags_of('Ubicado por su comuna'), '{}', 'a project placed on its comuna is not measured against it');

select is(tests.flags_of('Mejoramiento Ruta 5, sector Prueba'), '{point_for_linear_work}', 'a road drawn as a point is flagged');
select is(tests.flags_of('Construcción canal matriz El Prueba'), '{point_for_linear_work}', 'a canal drawn as a point is flagged');
select is(tests.flags_of('Reposición puente El Prueba, Ruta 5'), '{}', 'a bridge on a road is a point');
select is(tests.flags_of('Mejoramiento Ruta 7, sector Línea'), '{}', 'a road drawn as a line is fine');
select is(tests.flags_of('Construcción embalse El Prueba'), '{}', 'a reservoir is not linear');

select is(tests.flags_of('Aeródromo desmesurado'), '{investment_outlier}', 'an investment ten thousand times the usual for its service and stage is flagged');
select is(
  (select count(*)::int from public.project_quality_flags f join public.projects p on p.id = f.project_id
   where p.name like 'Aeródromo _' and f.flag = 'investment_outlier'),
  0, 'the usual investments of the group are not'
);
select is(
  (select count(*)::int from public.project_quality_flags f join public.projects p on p.id = f.project_id
   where p.name like 'Muelle%' and f.flag = 'investment_outlier'),
  0, 'a group of three is too small to judge'
);

select is(tests.flags_of('Obra olvidada'), '{stale}', 'in progress and unchanged for two years is stale');
select is(tests.flags_of('Obra con reporte'), '{}', 'a recent progress report keeps it fresh');
select is(tests.flags_of('Obra terminada'), '{}', 'a completed project is never stale');

-- commitment_unlocated
insert into public.institutions (name, kind, level) values ('Servicio de prueba [calidad]', 'service', 'national');
insert into public.agreements (kind, title, problem, signed_on, region_code)
values ('working_group', 'Mesa de calidad [prueba]', 'Datos', '2025-01-01', '91');
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on)
select a.id, t.title, i.id, 'territorio', '2027-01-01'
from public.agreements a, public.institutions i, (values ('Sin lugar'), ('Con comuna'), ('Con proyecto')) t (title)
where a.title = 'Mesa de calidad [prueba]' and i.name = 'Servicio de prueba [calidad]';
insert into public.commitment_communes (commitment_id, commune_code)
select id, '91101' from public.commitments where title = 'Con comuna';
insert into public.commitment_projects (commitment_id, project_id)
select c.id, p.id from public.commitments c, public.projects p where c.title = 'Con proyecto' and p.name = 'Con código';

select is(
  (select array_agg(c.title) from public.commitment_quality_flags f join public.commitments c on c.id = f.commitment_id),
  '{"Sin lugar"}',
  'only the commitment with neither project nor comuna is flagged'
);

select set_eq(
  $$select region_code, flag::text, items from public.quality_summary()$$,
  $$values ('91', 'missing_bip', 1::bigint), ('91', 'duplicate_bip', 2), ('91', 'far_from_declared_commune', 1),
           ('91', 'point_for_linear_work', 2), ('91', 'investment_outlier', 1), ('91', 'stale', 1),
           ('91', 'commitment_unlocated', 1),
           (null, 'missing_bip', 1), (null, 'duplicate_bip', 2), (null, 'far_from_declared_commune', 1),
           (null, 'point_for_linear_work', 2), (null, 'investment_outlier', 1), (null, 'stale', 1),
           (null, 'commitment_unlocated', 1)$$,
  'the summary counts each flag per region and in the whole country'
);

select set_eq(
  $$select name from public.filtered_projects('{"quality": ["missing_bip", "stale"]}')$$,
  $$values ('Sin código'), ('Obra olvidada')$$,
  'the dashboard filter keeps the projects with any of the flags asked for'
);
select is(
  (select count(*)::int from public.filtered_projects('{"quality": ["duplicate_bip"], "region": "92"}')),
  0,
  'and combines with the other keys'
);

-- Flags are public, like the projects they describe: anon reads them.
select tests.authenticate_as_anon();
select is((select count(*)::int from public.project_quality_flags), 8, 'anon reads the flags of the public projects');
reset role;

-- ── area import: the outlier yardsticks are a table kept by statement triggers (20261202040200) ──
select set_eq(
  $$select service_code, stage, median, mad from private.investment_yardsticks$$,
  $$select s.service_code, s.stage, s.median,
      percentile_cont(0.5) within group (order by abs(ln(x.investment_clp::double precision) - s.median))
    from (select y.service_code, y.stage, percentile_cont(0.5) within group (order by ln(y.investment_clp::double precision)) as median
          from public.projects y where y.investment_clp > 0 group by 1, 2 having count(*) >= 8) s
    join public.projects x on x.service_code = s.service_code and x.stage = s.stage and x.investment_clp > 0
    group by 1, 2, 3$$,
  'the kept yardsticks are what computing them from every project gives'
);
update public.projects set investment_clp = 900000000 where name = 'Aeródromo desmesurado';
select is(tests.flags_of('Aeródromo desmesurado'), '{}', 'an outlier brought back to the usual amount is no longer flagged');
delete from public.projects where name in ('Aeródromo 0', 'Aeródromo 1', 'Aeródromo 2', 'Aeródromo 3');
select is(
  (select count(*)::int from private.investment_yardsticks where service_code = 'aeropuertos'),
  0, 'a group that falls under 8 projects loses its yardstick'
);
-- ── end area import ──

select * from finish();
rollback;
