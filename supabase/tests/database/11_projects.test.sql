-- Projects: the comunas they touch come from their geometry and follow it; bad input is refused
-- with a specific error and writes nothing. On the test territory (tests.create_territory: a 2×2
-- grid of comunas 91101, 91102 / 92101, 92102 in the open Pacific, with an undemarcated strip to
-- the east), so the results do not depend on the official territory being loaded.
begin;
\ir helpers/access.psql
select plan(42);
select tests.create_territory();

create function tests.communes_of(project_name text)
returns text[]
language sql
as $$
  select coalesce(array_agg(pc.commune_code order by pc.commune_code), '{}')
  from public.project_communes pc join public.projects p on p.id = pc.project_id
  where p.name = project_name;
$$;

create function tests.regions_of(project_name text)
returns text[]
language sql
as $$
  select coalesce(array_agg(distinct pc.region_code order by pc.region_code), '{}')
  from public.project_communes pc join public.projects p on p.id = pc.project_id
  where p.name = project_name;
$$;

-- What a client sends: a GeoJSON geometry (no CRS, so WGS84) or EWKT.
create function tests.add_project(project_name text, geometry text, bip text default null)
returns void
language sql
as $$
  insert into public.projects (service_code, name, stage, status, geom, bip_code)
  values ('vialidad', project_name, 'design', 'in_progress', geometry::extensions.geometry, bip);
$$;

-- ── Comunas from geometry ────────────────────────────────────────────────────────────────────
select tests.add_project('Punto en el noroeste [prueba]', '{"type":"Point","coordinates":[-99.95,-39.95]}');
select is(tests.communes_of('Punto en el noroeste [prueba]'), '{91101}', 'a point gets the comuna that contains it');
select is(
  (select extensions.st_srid(geom) from public.projects where name = 'Punto en el noroeste [prueba]'), 4326,
  'GeoJSON without a CRS is stored as EPSG:4326'
);
select is(
  (select array[province_code, region_code] from public.project_communes pc
   join public.projects p on p.id = pc.project_id where p.name = 'Punto en el noroeste [prueba]'),
  array['911', '91'], 'its province and region follow from the comuna'
);

-- From the north-west comuna to the south-east one, crossing the south-west one on the way.
select tests.add_project('Camino noroeste–sureste [prueba]', 'SRID=4326;LINESTRING(-99.95 -39.95, -99.85 -40.06)');
select is(tests.regions_of('Camino noroeste–sureste [prueba]'), '{91,92}', 'a line touches every region it crosses');
select ok(
  tests.communes_of('Camino noroeste–sureste [prueba]') @> '{91101,92102}'
  and array_length(tests.communes_of('Camino noroeste–sureste [prueba]'), 1) > 2,
  'a line touches its end comunas and those between'
);
select set_eq(
  $$select unnest(tests.communes_of('Camino noroeste–sureste [prueba]'))$$,
  $$select c.code from public.communes c
    where extensions.st_intersects(c.geom, extensions.st_geomfromtext('LINESTRING(-99.95 -39.95, -99.85 -40.06)', 4326))$$,
  'exactly the comunas its geometry intersects'
);

select tests.add_project('Parque en el suroeste [prueba]',
  '{"type":"Polygon","coordinates":[[[-99.96,-40.06],[-99.94,-40.06],[-99.94,-40.04],[-99.96,-40.04],[-99.96,-40.06]]]}');
select is(tests.communes_of('Parque en el suroeste [prueba]'), '{92101}', 'a polygon gets the comunas it covers');

select tests.add_project('Red de APR [prueba]', 'SRID=4326;MULTIPOINT((-99.85 -39.95), (-99.85 -40.05))');
select is(tests.regions_of('Red de APR [prueba]'), '{91,92}', 'a multi-geometry touches the regions of each part');

-- A breakwater 2.6 km off the west coast (0.03° at 40°S): inside the tolerance, in no comuna →
-- the nearest one.
select tests.add_project('Molo de abrigo [prueba]', 'SRID=4326;POINT(-100.03 -39.95)');
select is(tests.communes_of('Molo de abrigo [prueba]'), '{91101}', 'a work at sea near the coast is assigned to the nearest comuna');

-- The undemarcated Southern Ice Field is Chile, but no comuna's: the nearest one takes it.
select tests.add_project('Campo de Hielo Sur [prueba]', 'SRID=4326;POINT(-99.78 -40.07)');
select is(
  tests.communes_of('Campo de Hielo Sur [prueba]'), '{92102}',
  'a work in the undemarcated area is inside Chile, assigned to the nearest comuna'
);

-- ── The comunas follow the geometry ─────────────────────────────────────────────────────────
update public.projects set geom = 'SRID=4326;POINT(-99.85 -40.05)' where name = 'Punto en el noroeste [prueba]';
select is(tests.communes_of('Punto en el noroeste [prueba]'), '{92102}', 'moving the geometry moves the comunas');

update public.projects set name = 'Punto movido [prueba]', investment_clp = 1000 where name = 'Punto en el noroeste [prueba]';
select is(tests.communes_of('Punto movido [prueba]'), '{92102}', 'other changes leave the comunas as they are');

update public.projects set geom = extensions.st_translate(geom, 0.0, 0.0) where name like '%[prueba]';
select is(
  (select count(distinct project_id)::int from public.project_communes pc join public.projects p on p.id = pc.project_id where p.name like '%[prueba]'),
  6, 'a bulk update keeps every project placed'
);

-- When a comuna's boundary changes, the projects it now reaches are placed in it too.
update public.communes set geom = tests.box(-100.0, -40.1, -99.84, -40.0) where code = '92101';
select is(tests.communes_of('Punto movido [prueba]'), '{92101,92102}', 'a redrawn comuna takes the projects it now covers');

-- ── Bad geometry: a clear error in Spanish, nothing written ─────────────────────────────────
select throws_ok(
  $$select tests.add_project('Autointersección [prueba]', 'SRID=4326;POLYGON((-99.9375 -39.9375, -99.90625 -39.96875, -99.90625 -39.9375, -99.9375 -39.96875, -99.9375 -39.9375))')$$,
  '23514', 'La geometría del proyecto no es válida: Self-intersection en POINT(-99.921875 -39.953125).',
  'an invalid geometry is refused with the reason and place'
);
select throws_ok(
  $$select tests.add_project('Océano Pacífico [prueba]', '{"type":"Point","coordinates":[-75,-33]}')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a point in the Pacific is outside Chile'
);
select throws_ok(
  $$select tests.add_project('Lejos de la costa [prueba]', 'SRID=4326;POINT(-100.11 -39.95)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a point 9 km off the coast is outside Chile'
);
select throws_ok(
  $$select tests.add_project('Mendoza [prueba]', 'SRID=4326;POINT(-68.84 -32.89)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a point in Argentina is outside Chile'
);
select throws_ok(
  $$select tests.add_project('Hacia el este [prueba]', 'SRID=4326;LINESTRING(-99.85 -40.05, -99.5 -40.05)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a line that leaves Chile is outside Chile, even if it starts inside'
);
select throws_ok(
  $$select tests.add_project('Coordenadas invertidas [prueba]', 'SRID=4326;POINT(-33.0458 -71.6197)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'latitude and longitude swapped are outside Chile'
);
select matches(
  tests.error_of($$select tests.add_project('Hacia el este [prueba]', 'SRID=4326;LINESTRING(-99.85 -40.05, -99.5 -40.05)')$$) ->> 'detail',
  '^Al menos una parte queda a más de 5 km del territorio nacional \(por ejemplo, POINT\(-99\.[5-6][0-9]* -40\.05\)\)\.$',
  'the error says which part lies outside'
);
select is(
  tests.error_of($$select tests.add_project('Océano Pacífico [prueba]', '{"type":"Point","coordinates":[-75,-33]}')$$) ->> 'hint',
  'Las coordenadas van en orden longitud, latitud (EPSG:4326); revise que no estén invertidas.',
  'and hints at the most common cause'
);
select throws_ok(
  $$select tests.add_project('Colección [prueba]', 'SRID=4326;GEOMETRYCOLLECTION(POINT(-71.6 -33.0))')$$,
  '23514', 'La geometría del proyecto debe ser un punto, una línea o un polígono (o sus variantes múltiples) y no estar vacía; se recibió GEOMETRYCOLLECTION.',
  'a geometry collection is refused'
);
select throws_ok(
  $$select tests.add_project('Vacío [prueba]', 'SRID=4326;POINT EMPTY')$$,
  '23514', 'La geometría del proyecto debe ser un punto, una línea o un polígono (o sus variantes múltiples) y no estar vacía; se recibió una geometría vacía.',
  'an empty geometry is refused'
);
select throws_ok(
  $$select tests.add_project('Web Mercator [prueba]', 'SRID=3857;POINT(-7973000 -3900000)')$$,
  '22023', 'Geometry SRID (3857) does not match column SRID (4326)',
  'another reference system is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status) values ('vialidad', 'Sin geometría [prueba]', 'idea', 'planned')$$,
  '23502', null, 'a project needs a geometry'
);

-- (That a refused statement writes nothing is Postgres's statement atomicity; the integration
-- tests show it from outside, through the API.)
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom) values
      ('vialidad', 'Bueno 1 [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-99.95 -39.95)'),
      ('vialidad', 'Malo [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-75 -33)'),
      ('vialidad', 'Bueno 2 [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-99.85 -40.05)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a batch with one geometry outside Chile is refused as a whole'
);
select throws_ok(
  $$update public.projects set geom = 'SRID=4326;POINT(-75 -33)' where name = 'Punto movido [prueba]'$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'moving a project out of Chile is refused'
);

-- ── Other fields ────────────────────────────────────────────────────────────────────────────
select lives_ok(
  $$select tests.add_project('Con código BIP [prueba]', 'SRID=4326;POINT(-99.95 -39.95)', '30123456-0')$$,
  'a BIP code is accepted'
);
select throws_ok(
  $$select tests.add_project('Mismo código BIP [prueba]', 'SRID=4326;POINT(-99.95 -39.95)', '30123456-0')$$,
  '23505', 'duplicate key value violates unique constraint "projects_bip_code_key"',
  'a duplicate BIP code is refused'
);
select lives_ok(
  $$select tests.add_project('Sin código BIP 1 [prueba]', 'SRID=4326;POINT(-99.95 -39.95)');
    select tests.add_project('Sin código BIP 2 [prueba]', 'SRID=4326;POINT(-99.95 -39.95)')$$,
  'the BIP code is optional, and many projects may lack it'
);
select throws_ok(
  $$select tests.add_project('Código BIP mal formado [prueba]', 'SRID=4326;POINT(-99.95 -39.95)', 'BIP-30123456')$$,
  '23514', 'new row for relation "projects" violates check constraint "projects_bip_code_format"',
  'a malformed BIP code is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom) values ('ferrocarriles', 'X [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-99.95 -39.95)')$$,
  '23503', 'insert or update on table "projects" violates foreign key constraint "projects_service_code_fkey"',
  'an unknown MOP service code is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom) values ('vialidad', 'X [prueba]', 'licitacion', 'planned', 'SRID=4326;POINT(-99.95 -39.95)')$$,
  '22P02', 'invalid input value for enum project_stage: "licitacion"',
  'an unknown stage is refused'
);
select throws_ok(
  $$insert into public.project_themes (project_id, theme_code) select id, 'turismo' from public.projects where name = 'Punto movido [prueba]'$$,
  '23503', 'insert or update on table "project_themes" violates foreign key constraint "project_themes_theme_code_fkey"',
  'an unknown theme code is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom, start_on, end_on) values ('vialidad', 'X [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-99.95 -39.95)', '2026-05-01', '2026-04-30')$$,
  '23514', 'new row for relation "projects" violates check constraint "projects_end_after_start"',
  'an end date before the start date is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom, investment_clp) values ('vialidad', 'X [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-99.95 -39.95)', -1)$$,
  '23514', 'new row for relation "projects" violates check constraint "projects_investment_not_negative"',
  'a negative investment is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom) values ('vialidad', '  ', 'idea', 'planned', 'SRID=4326;POINT(-99.95 -39.95)')$$,
  '23514', 'new row for relation "projects" violates check constraint "projects_name_not_blank"',
  'a blank name is refused'
);

-- ── Nobody types comunas in, not even the service role ──────────────────────────────────────
set local role service_role;
select throws_ok(
  $$insert into public.project_communes (project_id, commune_code) select id, '91101' from public.projects where name = 'Punto movido [prueba]'$$,
  '42501', null, 'the service role cannot add a comuna to a project'
);
select throws_ok(
  $$delete from public.project_communes$$,
  '42501', null, 'the service role cannot remove comunas from projects'
);
select lives_ok(
  $$select tests.add_project('Cargado por el servicio [prueba]', 'SRID=4326;POINT(-99.95 -39.95)')$$,
  'the service role adds projects (sample data, imports)'
);
reset role;
select is(tests.communes_of('Cargado por el servicio [prueba]'), '{91101}', 'and they are placed like any other');

select * from finish();
rollback;
