-- Territory schema: the loaded division of Chile, its geometry rules, commune_at, and who may write.
begin;
create extension if not exists pgtap with schema extensions;
select plan(26);

select is((select count(*)::int from public.regions), 16, '16 regiones');
select is((select count(*)::int from public.provinces), 56, '56 provincias');
select is((select count(*)::int from public.communes), 346, '346 comunas');

select is(
  (select array_agg(code order by code) from public.communes where geom is null),
  array['12202'],
  'only Antártica (12202) has no polygon'
);
select ok(
  not exists (
    select 1 from public.communes where geom is not null and not extensions.st_isvalid(geom)
    union all select 1 from public.provinces where not extensions.st_isvalid(geom)
    union all select 1 from public.regions where not extensions.st_isvalid(geom)
  ),
  'every geometry is valid'
);
select ok(
  not exists (
    select 1 from public.communes where geom is not null and extensions.st_srid(geom) <> 4326
    union all select 1 from public.regions where extensions.st_srid(geom) <> 4326
  ),
  'every geometry is SRID 4326'
);
select ok(
  not exists (select 1 from public.provinces where geom is null)
  and not exists (select 1 from public.regions where geom is null),
  'every province and region has a geometry'
);
select ok(
  (select bool_and(centroid is not null and array_length(bbox, 1) = 4) from public.communes where geom is not null),
  'centroid and bbox are derived for every comuna with a polygon'
);

-- Province and region geometries are the union of their comunas: same area, and they cover them.
select ok(
  not exists (
    select 1
    from public.provinces p
    join (select province_code, sum(extensions.st_area(geom)) as area from public.communes group by province_code) c
      on c.province_code = p.code
    where abs(extensions.st_area(p.geom) - c.area) > 1e-6 * greatest(c.area, 1e-9) + 1e-6
  ),
  'each province has the area of its comunas'
);
select ok(
  not exists (
    select 1
    from public.regions r
    join (select region_code, sum(extensions.st_area(geom)) as area from public.communes group by region_code) c
      on c.region_code = r.code
    where abs(extensions.st_area(r.geom) - c.area) > 1e-7 * c.area
  ),
  'each region has the area of its comunas'
);
-- Exact cover, checked on one region only: the full country takes seconds.
select ok(
  (select bool_and(extensions.st_covers(r.geom, c.geom))
   from public.regions r join public.communes c on c.region_code = r.code
   where r.code = '05' and c.geom is not null),
  'Valparaíso covers each of its comunas exactly'
);

select is((select name from public.communes where code = '08301'), 'Los Ángeles', 'official names, not the source spellings');
select is((select name from public.regions where code = '11'), 'Aysén del General Carlos Ibáñez del Campo', 'official region name');
select is(
  (select array_agg(code order by north_to_south) from public.regions),
  array['15','01','02','03','04','05','13','06','07','16','08','09','14','10','11','12'],
  'regions are numbered north to south'
);
select ok(not exists (select 1 from public.communes where code !~ '^[0-9]{5}$'), 'comuna codes are five digits with leading zero');
select is((select count(*)::int from public.undemarcated_areas), 1, 'Zona sin demarcar is kept apart, not as a comuna');

select results_eq(
  $$select code, name, province_code, region_code from public.commune_at(-71.6197, -33.0458)$$,
  $$values ('05101'::text, 'Valparaíso'::text, '051'::text, '05'::text)$$,
  'commune_at finds Valparaíso'
);
select is_empty($$select * from public.commune_at(-75.0, -33.0)$$, 'commune_at is empty in the Pacific');

-- Invalid input is refused by the schema itself.
select throws_ok(
  $$insert into public.communes (code, province_code, region_code, name) values ('05999', '051', '06', 'X')$$,
  '23514', null, 'a comuna cannot sit in another region than its code says'
);
select throws_ok(
  $$insert into public.regions (code, name, roman) values ('7', 'X', 'VII')$$,
  '23514', null, 'region codes are two digits'
);

-- anon and authenticated read the territory and call commune_at, but cannot change it.
set local role anon;
select is((select count(*)::int from public.communes), 346, 'anon reads the comunas');
select isnt_empty($$select * from public.commune_at(-70.6483, -33.4569)$$, 'anon may call commune_at');
select throws_ok($$insert into public.regions (code, name, roman) values ('99', 'X', 'I')$$, '42501', null, 'anon cannot insert regions');
select throws_ok($$update public.communes set name = 'X' where code = '05101'$$, '42501', null, 'anon cannot update comunas');
reset role;

set local role authenticated;
select throws_ok($$delete from public.provinces where code = '051'$$, '42501', null, 'authenticated cannot delete provinces');
select throws_ok($$insert into public.undemarcated_areas (name, geom) values ('x', null)$$, '42501', null, 'authenticated cannot add areas');
reset role;

select * from finish();
rollback;
