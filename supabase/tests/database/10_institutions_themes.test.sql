-- Institutions, themes, and the membership's institution: the rules the schema enforces itself.
begin;
\ir helpers/access.psql
select plan(17);

-- A region of its own, so that institutions already in the database (sample data) cannot collide.
insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I');
insert into public.provinces (code, region_code, name) values ('991', '99', 'Provincia de prueba');
insert into public.communes (code, province_code, region_code, name) values ('99101', '991', '99', 'Comuna de prueba');

select set_eq(
  $$select code from public.themes$$,
  array['medio_ambiente', 'territorio', 'participacion_ciudadana', 'prevencion_riesgos_salud_ocupacional'],
  'the four themes of the issue are there'
);
select lives_ok(
  $$insert into public.themes (code, name) values ('borde_costero', 'Borde costero')$$,
  'themes are extensible'
);
select throws_ok(
  $$insert into public.themes (code, name) values ('Borde Costero', 'Otro')$$,
  '23514', null, 'theme codes are lower-case identifiers'
);

select lives_ok(
  $$insert into public.institutions (name, acronym, kind, level, region_code) values
      ('Gobierno Regional de Prueba', 'GORE P', 'regional_government', 'regional', '99'),
      ('Secretaría Técnica del Consejo Regional MOP de Prueba', 'ST CR MOP P', 'council_secretariat', 'regional', '99'),
      ('SEREMI de Obras Públicas de Prueba', 'SEREMI MOP P', 'seremi', 'regional', '99'),
      ('Dirección Regional de Vialidad de Prueba', 'DRV P', 'service', 'regional', '99')$$,
  'regional institutions carry their region'
);
select lives_ok(
  $$insert into public.institutions (name, acronym, kind, level) values
      ('Ministerio de Prueba', 'MP', 'ministry', 'national'),
      ('Servicio Nacional de Prueba', 'SNP', 'service', 'national')$$,
  'national institutions carry no territorial code'
);
select lives_ok(
  $$insert into public.institutions (name, kind, level, region_code, province_code) values
      ('Delegación Presidencial Provincial de Prueba', 'provincial_delegation', 'provincial', '99', '991')$$,
  'a provincial delegation carries its province and region'
);
select lives_ok(
  $$insert into public.institutions (name, kind, level, region_code, commune_code) values
      ('Municipalidad de Prueba', 'municipality', 'communal', '99', '99101')$$,
  'a municipality carries its comuna and region'
);

select throws_ok(
  $$insert into public.institutions (name, kind, level, region_code) values ('Municipalidad X', 'municipality', 'regional', '99')$$,
  '23514', 'new row for relation "institutions" violates check constraint "institutions_kind_matches_level"',
  'a municipality is not a regional institution'
);
select throws_ok(
  $$insert into public.institutions (name, kind, level) values ('Gobierno Regional X', 'regional_government', 'regional')$$,
  '23514', 'new row for relation "institutions" violates check constraint "institutions_codes_match_level"',
  'a regional institution without region is refused'
);
select throws_ok(
  $$insert into public.institutions (name, kind, level, region_code, commune_code) values ('Municipalidad Y', 'municipality', 'communal', '13', '99101')$$,
  '23514', 'new row for relation "institutions" violates check constraint "institutions_codes_match_level"',
  'a comuna must lie in the institution''s region'
);
select throws_ok(
  $$insert into public.institutions (name, kind, level, region_code) values ('SEREMI Z', 'seremi', 'regional', '17')$$,
  '23503', 'insert or update on table "institutions" violates foreign key constraint "institutions_region_code_fkey"',
  'an unknown region code is refused'
);
select throws_ok(
  $$insert into public.institutions (name, kind, level) values ('Ministerio W', 'agency', 'national')$$,
  '22P02', 'invalid input value for enum institution_kind: "agency"',
  'an unknown institution kind is refused'
);
select throws_ok(
  $$insert into public.institutions (name, kind, level, region_code) values ('Otro Gobierno Regional de Prueba', 'regional_government', 'regional', '99')$$,
  '23505', null,
  'there is one Gobierno Regional per region'
);
select throws_ok(
  $$insert into public.institutions (name, kind, level) values ('Ministerio de Prueba', 'ministry', 'national')$$,
  '23505', 'duplicate key value violates unique constraint "institutions_name_key"',
  'institution names are unique'
);

-- A regional-government user without an explicit institution acts for its region's GORE.
select tests.create_user('gore', 'gore', '99');
select is(
  (select institution_id from public.memberships where user_id = tests.user_id('gore')),
  (select id from public.institutions where kind = 'regional_government' and region_code = '99'),
  'a GORE membership defaults to its region''s Gobierno Regional'
);
select tests.create_user('planner', 'planner', null, (select id from public.institutions where acronym = 'SNP'));
select is(
  (select institution_id from public.memberships where user_id = tests.user_id('planner')),
  (select id from public.institutions where acronym = 'SNP'),
  'any membership may name the institution the user acts for'
);
select throws_ok(
  format('insert into public.memberships (user_id, role) values (%L, %L)', tests.user_id('planner'), 'admin'),
  '23505', null, 'one membership per user'
);

select * from finish();
rollback;
