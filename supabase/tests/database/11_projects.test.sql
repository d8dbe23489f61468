-- Projects: the comunas they touch come from their geometry and follow it; bad input is refused
-- with a specific error and writes nothing.
begin;
\ir helpers/access.psql
select plan(42);

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
select tests.add_project('Punto en Valparaíso [prueba]', '{"type":"Point","coordinates":[-71.6197,-33.0458]}');
select is(tests.communes_of('Punto en Valparaíso [prueba]'), '{05101}', 'a point gets the comuna that contains it');
select is(
  (select extensions.st_srid(geom) from public.projects where name = 'Punto en Valparaíso [prueba]'), 4326,
  'GeoJSON without a CRS is stored as EPSG:4326'
);
select is(
  (select array[province_code, region_code] from public.project_communes pc
   join public.projects p on p.id = pc.project_id where p.name = 'Punto en Valparaíso [prueba]'),
  array['051', '05'], 'its province and region follow from the comuna'
);

select tests.add_project('Camino Valparaíso–Santiago [prueba]', 'SRID=4326;LINESTRING(-71.6197 -33.0458, -70.6483 -33.4569)');
select is(tests.regions_of('Camino Valparaíso–Santiago [prueba]'), '{05,13}', 'a line touches every region it crosses');
select ok(
  tests.communes_of('Camino Valparaíso–Santiago [prueba]') @> '{05101,13101}'
  and array_length(tests.communes_of('Camino Valparaíso–Santiago [prueba]'), 1) > 2,
  'a line touches its end comunas and those between'
);
select set_eq(
  $$select unnest(tests.communes_of('Camino Valparaíso–Santiago [prueba]'))$$,
  $$select c.code from public.communes c
    where extensions.st_intersects(c.geom, extensions.st_geomfromtext('LINESTRING(-71.6197 -33.0458, -70.6483 -33.4569)', 4326))$$,
  'exactly the comunas its geometry intersects'
);

select tests.add_project('Parque en Santiago [prueba]',
  '{"type":"Polygon","coordinates":[[[-70.66,-33.46],[-70.64,-33.46],[-70.64,-33.44],[-70.66,-33.44],[-70.66,-33.46]]]}');
select ok(tests.communes_of('Parque en Santiago [prueba]') @> '{13101}', 'a polygon gets the comunas it covers');

select tests.add_project('Red de APR [prueba]', 'SRID=4326;MULTIPOINT((-71.6197 -33.0458), (-72.9410 -41.4693))');
select is(tests.regions_of('Red de APR [prueba]'), '{05,10}', 'a multi-geometry touches the regions of each part');

-- A breakwater 3 km off Valparaíso's coast: inside the tolerance, in no comuna → the nearest one.
select tests.add_project('Molo de abrigo [prueba]', 'SRID=4326;POINT(-71.68 -33.02)');
select is(
  tests.communes_of('Molo de abrigo [prueba]'),
  array[(select c.code from public.communes c where c.geom is not null
         order by extensions.st_distance(c.geom, extensions.st_geomfromtext('POINT(-71.68 -33.02)', 4326)) limit 1)],
  'a work at sea near the coast is assigned to the nearest comuna'
);

-- The undemarcated Southern Ice Field is Chile, but no comuna's: the nearest one takes it.
select tests.add_project('Campo de Hielo Sur [prueba]',
  (select extensions.st_asewkt(extensions.st_pointonsurface(geom)) from public.undemarcated_areas limit 1));
select is(
  tests.communes_of('Campo de Hielo Sur [prueba]'),
  array[(select c.code from public.communes c, public.undemarcated_areas a where c.geom is not null
         order by extensions.st_distance(c.geom, extensions.st_pointonsurface(a.geom)) limit 1)],
  'a work in the undemarcated area is inside Chile, assigned to the nearest comuna'
);

-- ── The comunas follow the geometry ─────────────────────────────────────────────────────────
update public.projects set geom = 'SRID=4326;POINT(-70.6483 -33.4569)' where name = 'Punto en Valparaíso [prueba]';
select is(tests.communes_of('Punto en Valparaíso [prueba]'), '{13101}', 'moving the geometry moves the comunas');

update public.projects set name = 'Punto movido [prueba]', investment_clp = 1000 where name = 'Punto en Valparaíso [prueba]';
select is(tests.communes_of('Punto movido [prueba]'), '{13101}', 'other changes leave the comunas as they are');

update public.projects set geom = extensions.st_translate(geom, 0.0, 0.0) where name like '%[prueba]';
select is(
  (select count(distinct project_id)::int from public.project_communes pc join public.projects p on p.id = pc.project_id where p.name like '%[prueba]'),
  6, 'a bulk update keeps every project placed'
);

-- When a comuna's boundary changes, the projects it now reaches are placed in it too.
update public.communes set geom = extensions.st_multi(extensions.st_buffer(extensions.st_geomfromtext('POINT(-70.6483 -33.4569)', 4326), 0.001))
where code = '13114';
select ok(tests.communes_of('Punto movido [prueba]') @> '{13101,13114}', 'a redrawn comuna takes the projects it now covers');

-- ── Bad geometry: a clear error in Spanish, nothing written ─────────────────────────────────
select throws_ok(
  $$select tests.add_project('Autointersección [prueba]', 'SRID=4326;POLYGON((-71.6 -33.0, -71.5 -33.1, -71.5 -33.0, -71.6 -33.1, -71.6 -33.0))')$$,
  '23514', 'La geometría del proyecto no es válida: Self-intersection en POINT(-71.55 -33.05).',
  'an invalid geometry is refused with the reason and place'
);
select throws_ok(
  $$select tests.add_project('Océano Pacífico [prueba]', '{"type":"Point","coordinates":[-75,-33]}')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a point in the Pacific is outside Chile'
);
select throws_ok(
  $$select tests.add_project('Lejos de la costa [prueba]', 'SRID=4326;POINT(-71.75 -33.02)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a point 9 km off the coast is outside Chile'
);
select throws_ok(
  $$select tests.add_project('Mendoza [prueba]', 'SRID=4326;POINT(-68.84 -32.89)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a point in Argentina is outside Chile'
);
select throws_ok(
  $$select tests.add_project('Hacia Mendoza [prueba]', 'SRID=4326;LINESTRING(-70.6483 -33.4569, -68.84 -32.89)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'a line that leaves Chile is outside Chile, even if it starts inside'
);
select throws_ok(
  $$select tests.add_project('Coordenadas invertidas [prueba]', 'SRID=4326;POINT(-33.0458 -71.6197)')$$,
  '23514', 'La geometría del proyecto está fuera de Chile.',
  'latitude and longitude swapped are outside Chile'
);
select matches(
  tests.error_of($$select tests.add_project('Hacia Mendoza [prueba]', 'SRID=4326;LINESTRING(-70.6483 -33.4569, -68.84 -32.89)')$$) ->> 'detail',
  '^Al menos una parte queda a más de 5 km del territorio nacional \(por ejemplo, POINT\(-6[89]\.[0-9]+ -3[23]\.[0-9]+\)\)\.$',
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
      ('vialidad', 'Bueno 1 [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-71.6 -33.05)'),
      ('vialidad', 'Malo [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-75 -33)'),
      ('vialidad', 'Bueno 2 [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-70.6 -33.4)')$$,
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
  $$select tests.add_project('Con código BIP [prueba]', 'SRID=4326;POINT(-71.6 -33.05)', '30123456-0')$$,
  'a BIP code is accepted'
);
select throws_ok(
  $$select tests.add_project('Mismo código BIP [prueba]', 'SRID=4326;POINT(-71.6 -33.05)', '30123456-0')$$,
  '23505', 'duplicate key value violates unique constraint "projects_bip_code_key"',
  'a duplicate BIP code is refused'
);
select lives_ok(
  $$select tests.add_project('Sin código BIP 1 [prueba]', 'SRID=4326;POINT(-71.6 -33.05)');
    select tests.add_project('Sin código BIP 2 [prueba]', 'SRID=4326;POINT(-71.6 -33.05)')$$,
  'the BIP code is optional, and many projects may lack it'
);
select throws_ok(
  $$select tests.add_project('Código BIP mal formado [prueba]', 'SRID=4326;POINT(-71.6 -33.05)', 'BIP-30123456')$$,
  '23514', 'new row for relation "projects" violates check constraint "projects_bip_code_format"',
  'a malformed BIP code is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom) values ('ferrocarriles', 'X [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-71.6 -33.05)')$$,
  '23503', 'insert or update on table "projects" violates foreign key constraint "projects_service_code_fkey"',
  'an unknown MOP service code is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom) values ('vialidad', 'X [prueba]', 'licitacion', 'planned', 'SRID=4326;POINT(-71.6 -33.05)')$$,
  '22P02', 'invalid input value for enum project_stage: "licitacion"',
  'an unknown stage is refused'
);
select throws_ok(
  $$insert into public.project_themes (project_id, theme_code) select id, 'turismo' from public.projects where name = 'Punto movido [prueba]'$$,
  '23503', 'insert or update on table "project_themes" violates foreign key constraint "project_themes_theme_code_fkey"',
  'an unknown theme code is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom, start_on, end_on) values ('vialidad', 'X [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-71.6 -33.05)', '2026-05-01', '2026-04-30')$$,
  '23514', 'new row for relation "projects" violates check constraint "projects_end_after_start"',
  'an end date before the start date is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom, investment_clp) values ('vialidad', 'X [prueba]', 'idea', 'planned', 'SRID=4326;POINT(-71.6 -33.05)', -1)$$,
  '23514', 'new row for relation "projects" violates check constraint "projects_investment_not_negative"',
  'a negative investment is refused'
);
select throws_ok(
  $$insert into public.projects (service_code, name, stage, status, geom) values ('vialidad', '  ', 'idea', 'planned', 'SRID=4326;POINT(-71.6 -33.05)')$$,
  '23514', 'new row for relation "projects" violates check constraint "projects_name_not_blank"',
  'a blank name is refused'
);

-- ── Nobody types comunas in, not even the service role ──────────────────────────────────────
set local role service_role;
select throws_ok(
  $$insert into public.project_communes (project_id, commune_code) select id, '05101' from public.projects where name = 'Punto movido [prueba]'$$,
  '42501', null, 'the service role cannot add a comuna to a project'
);
select throws_ok(
  $$delete from public.project_communes$$,
  '42501', null, 'the service role cannot remove comunas from projects'
);
select lives_ok(
  $$select tests.add_project('Cargado por el servicio [prueba]', 'SRID=4326;POINT(-71.6197 -33.0458)')$$,
  'the service role adds projects (sample data, imports)'
);
reset role;
select is(tests.communes_of('Cargado por el servicio [prueba]'), '{05101}', 'and they are placed like any other');

select * from finish();
rollback;
