-- Territory schema: its rules, derived columns, commune_at, and who may write. Runs on a small
-- territory of its own (tests.create_territory), so it passes on an empty database as on one with
-- the official territory loaded; the loaded territory itself (counts 16/56/346, names, spikes,
-- commune_at over known places) is verified by the data pipeline (scripts/lib/data/verify.ts).
begin;
\ir helpers/access.psql
select plan(21);

select tests.create_territory();

select ok(
  (select bool_and(centroid is not null and bbox = array[
      extensions.st_xmin(geom::extensions.box3d), extensions.st_ymin(geom::extensions.box3d),
      extensions.st_xmax(geom::extensions.box3d), extensions.st_ymax(geom::extensions.box3d)])
   from public.communes where code in ('91101', '91102', '92101', '92102')),
  'centroid and bbox are derived for every comuna with a polygon'
);
select is(
  (select bbox from public.regions where code = '91'), array[-100.0, -40.0, -99.8, -39.9]::double precision[],
  'a region''s bbox is [west, south, east, north]'
);
select is(
  (select array[centroid is null, bbox is null] from public.communes where code = '92103'), array[true, true],
  'a comuna without polygon (like Antártica) has neither centroid nor bbox'
);
update public.communes set geom = tests.box(-100.0, -40.0, -99.95, -39.9) where code = '91101';
select is(
  (select bbox from public.communes where code = '91101'), array[-100.0, -40.0, -99.95, -39.9]::double precision[],
  'the bbox follows a redrawn polygon'
);

select results_eq(
  $$select code, name, province_code, region_code from public.commune_at(-99.85, -40.05)$$,
  $$values ('92102'::text, 'Comuna Sureste'::text, '921'::text, '92'::text)$$,
  'commune_at finds the comuna containing a point'
);
select is_empty($$select * from public.commune_at(-99.7, -40.0)$$, 'commune_at is empty outside every comuna');
select is_empty(
  $$select * from public.commune_at(-99.77, -40.0)$$,
  'commune_at is empty in the undemarcated area, which is no comuna''s'
);

-- Invalid input is refused by the schema itself.
select throws_ok(
  $$insert into public.communes (code, province_code, region_code, name) values ('91199', '911', '92', 'X')$$,
  '23514', 'new row for relation "communes" violates check constraint "communes_code_in_region"',
  'a comuna cannot sit in another region than its code says'
);
select throws_ok(
  $$insert into public.communes (code, province_code, region_code, name) values ('92999', '911', '92', 'X')$$,
  '23514', 'new row for relation "communes" violates check constraint "communes_code_in_province"',
  'a comuna cannot sit in another province than its code says'
);
select throws_ok(
  $$insert into public.regions (code, name, roman) values ('7', 'X', 'VII')$$,
  '23514', null, 'region codes are two digits'
);
select throws_ok(
  $$insert into public.communes (code, province_code, region_code, name) values ('9110', '911', '91', 'X')$$,
  '23514', null, 'comuna codes are five digits'
);
select throws_ok(
  $$insert into public.regions (code, name, roman) values ('93', '  ', 'III')$$,
  '23514', null, 'a region needs a name'
);
select throws_ok(
  $$insert into public.communes (code, province_code, region_code, name, geom) values
      ('91103', '911', '91', 'Inválida', extensions.st_multi('SRID=4326;POLYGON((-99.9 -39.9, -99.8 -40.0, -99.8 -39.9, -99.9 -40.0, -99.9 -39.9))'::extensions.geometry))$$,
  '23514', null, 'a comuna''s polygon must be valid'
);
select throws_ok(
  $$insert into public.regions (code, name, roman, north_to_south) values ('93', 'X', 'III', 17)$$,
  '23514', null, 'north_to_south is a position from 1 to 16'
);

-- anon and authenticated read the territory and call commune_at, but cannot change it.
select tests.authenticate_as_anon();
select is((select count(*)::int from public.communes where code like '9%'), 5, 'anon reads the comunas');
select isnt_empty($$select * from public.commune_at(-99.95, -39.95)$$, 'anon may call commune_at');
select throws_ok($$insert into public.regions (code, name, roman) values ('93', 'X', 'I')$$, '42501', null, 'anon cannot insert regions');
select throws_ok($$update public.communes set name = 'X' where code = '91101'$$, '42501', null, 'anon cannot update comunas');
select tests.clear_authentication();

set local role authenticated;
select throws_ok($$delete from public.provinces where code = '911'$$, '42501', null, 'authenticated cannot delete provinces');
select throws_ok($$insert into public.undemarcated_areas (name, geom) values ('x', null)$$, '42501', null, 'authenticated cannot add areas');
reset role;

select is(
  (select count(*)::int from private.commune_pieces where commune_code in ('91101', '91102', '92101', '92102')), 4,
  'each comuna with a polygon is cut into the pieces the placement of projects uses'
);

select * from finish();
rollback;
