-- The access matrix of docs/SECURITY.md, cell by cell.
--
-- Fixture rows sit in two regions (05 Valparaíso, the regional users' own; 13 Metropolitana, another)
-- and at national level. Each probe is one statement on one fixture row (select: does it see it;
-- insert/update/delete: does it write it). Each cell lists the probe targets the role may reach;
-- every probe of that table and operation is run as that role and must be allowed exactly for
-- those targets and refused for all others. Refused means: the row is not seen or not written
-- (RLS filters it), or the statement fails with 42501 (no privilege, or a policy's WITH CHECK).
-- Any other error fails the test. Every probe is also run by the table's owner, which must
-- succeed: a refusal then cannot come from a probe that could never work.
-- Every probe runs in a subtransaction that is rolled back, so probes do not see each other.
begin;
\ir helpers/access.psql

-- ── Fixtures (as the superuser, bypassing RLS) ────────────────────────────────────────────────
-- Spare territory and reference rows nothing depends on, so that deleting them can succeed.
insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I'), ('97', 'Región sin provincias', 'II');
insert into public.provinces (code, region_code, name) values ('991', '99', 'Provincia de prueba'), ('992', '99', 'Provincia sin comunas');
insert into public.communes (code, province_code, region_code, name) values ('99101', '991', '99', 'Comuna de prueba');
insert into public.themes (code, name) values ('tema_de_prueba', 'Tema de prueba');
insert into public.mop_services (code, name, acronym) values ('servicio_de_prueba', 'Servicio de prueba', 'SDP');
insert into public.pmg_requirements (code, name, sort_order) values ('9', 'Requisito de prueba', 99);

-- The database may already hold these institutions (sample data): reuse them when it does.
insert into public.institutions (name, acronym, kind, level, region_code, commune_code) values
  ('Gobierno Regional de Valparaíso', 'GORE Valparaíso', 'regional_government', 'regional', '05', null),
  ('Gobierno Regional Metropolitano de Santiago', 'GORE RMS', 'regional_government', 'regional', '13', null),
  ('Dirección General de Obras Públicas', 'DGOP', 'service', 'national', null, null),
  ('Municipalidad de Valparaíso', null, 'municipality', 'communal', '05', '05101')
on conflict do nothing;
insert into public.institutions (name, acronym, kind, level) values
  ('Institución sin vínculos [prueba]', null, 'ministry', 'national');

select tests.create_user('admin', 'admin');
select tests.create_user('planner', 'planner');
select tests.create_user('gore', 'gore', '05');
select tests.create_user('secretariat', 'secretariat', '05');
select tests.create_user('gore13', 'gore', '13');
select tests.create_user('nomember');
select tests.create_user('newcomer');

insert into public.projects (service_code, name, stage, status, geom) values
  ('vialidad', 'Proyecto en Valparaíso [prueba]', 'design', 'in_progress', tests.point(-71.6197, -33.0458)),
  ('obras_hidraulicas', 'Proyecto en Santiago [prueba]', 'execution', 'in_progress', tests.point(-70.6483, -33.4569));
insert into public.project_themes (project_id, theme_code)
select id, 'territorio' from public.projects where name in ('Proyecto en Valparaíso [prueba]', 'Proyecto en Santiago [prueba]');

insert into public.agreements (kind, title, problem, signed_on, region_code) values
  ('cooperation_agreement', 'Acuerdo de Valparaíso [prueba]', 'Conectividad costera', '2025-01-15', '05'),
  ('memorandum_of_understanding', 'Acuerdo de Santiago [prueba]', 'Aguas lluvia', '2025-02-01', '13'),
  ('working_group', 'Acuerdo nacional [prueba]', 'Seguridad hídrica', '2025-03-01', null);

create table tests.ids (name text primary key, literal text not null);
insert into tests.ids (name, literal)
select name, quote_literal(value) from (values
  ('u_admin', tests.user_id('admin')::text),
  ('u_gore13', tests.user_id('gore13')::text),
  ('u_newcomer', tests.user_id('newcomer')::text),
  ('gore_05', (select id::text from public.institutions where kind = 'regional_government' and region_code = '05')),
  ('gore_13', (select id::text from public.institutions where kind = 'regional_government' and region_code = '13')),
  ('dgop', (select id::text from public.institutions where name = 'Dirección General de Obras Públicas')),
  ('muni_05101', (select id::text from public.institutions where name = 'Municipalidad de Valparaíso')),
  ('spare_institution', (select id::text from public.institutions where name = 'Institución sin vínculos [prueba]')),
  ('p05', (select id::text from public.projects where name = 'Proyecto en Valparaíso [prueba]')),
  ('p13', (select id::text from public.projects where name = 'Proyecto en Santiago [prueba]')),
  ('a05', (select id::text from public.agreements where title = 'Acuerdo de Valparaíso [prueba]')),
  ('a13', (select id::text from public.agreements where title = 'Acuerdo de Santiago [prueba]')),
  ('a_nat', (select id::text from public.agreements where title = 'Acuerdo nacional [prueba]'))
) as v (name, value);

create function tests.id(name text)
returns bigint
language sql
stable
as $$
  select trim(both '''' from i.literal)::bigint from tests.ids i where i.name = id.name;
$$;

insert into public.agreement_parties (agreement_id, institution_id, role) values
  (tests.id('a05'), tests.id('gore_05'), 'signatory'),
  (tests.id('a13'), tests.id('gore_13'), 'signatory'),
  (tests.id('a_nat'), tests.id('dgop'), 'coordinator');

insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on) values
  (tests.id('a05'), 'Compromiso de Valparaíso [prueba]', tests.id('gore_05'), 'territorio', '2026-12-31'),
  (tests.id('a13'), 'Compromiso de Santiago [prueba]', tests.id('gore_13'), 'medio_ambiente', '2026-12-31'),
  (tests.id('a_nat'), 'Compromiso nacional [prueba]', tests.id('dgop'), 'participacion_ciudadana', '2026-12-31');

insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('c05', (select id from public.commitments where title = 'Compromiso de Valparaíso [prueba]')),
  ('c13', (select id from public.commitments where title = 'Compromiso de Santiago [prueba]')),
  ('c_nat', (select id from public.commitments where title = 'Compromiso nacional [prueba]'))
) as v (name, id);

insert into public.commitment_communes (commitment_id, commune_code) values
  (tests.id('c05'), '05101'), (tests.id('c13'), '13101');
insert into public.commitment_projects (commitment_id, project_id) values
  (tests.id('c05'), tests.id('p05')), (tests.id('c13'), tests.id('p13'));
insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp) values
  (tests.id('p05'), '2026-01-31', 5, 1000), (tests.id('p13'), '2026-01-31', 5, 1000);

insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values
  ('05', 'Cartera regional de Valparaíso [prueba]', tests.id('dgop'), 'portal', 'monthly'),
  ('13', 'Cartera regional de Santiago [prueba]', tests.id('dgop'), 'official_letter', 'quarterly'),
  (null, 'Informe nacional de inversión [prueba]', tests.id('dgop'), 'email', 'yearly');

insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('f05', (select id from public.information_flows where information = 'Cartera regional de Valparaíso [prueba]')),
  ('f13', (select id from public.information_flows where information = 'Cartera regional de Santiago [prueba]')),
  ('f_nat', (select id from public.information_flows where information = 'Informe nacional de inversión [prueba]'))
) as v (name, id);

insert into public.information_flow_recipients (flow_id, institution_id) values
  (tests.id('f05'), tests.id('gore_05')),
  (tests.id('f05'), tests.id('muni_05101')),
  (tests.id('f13'), tests.id('gore_13')),
  (tests.id('f_nat'), tests.id('dgop'));

insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on) values
  ('05', 'Borrador de Valparaíso [prueba]', 'report', 'draft', null, null, null),
  ('05', 'Programada de Valparaíso [prueba]', 'bulletin', 'scheduled', now() + interval '7 days', null, null),
  ('05', 'Entrega de Valparaíso [prueba]', 'report', 'published', now() - interval '1 day', tests.id('f05'), '2026-10-10'),
  ('05', 'Entrega recibida de Valparaíso [prueba]', 'report', 'published', now() - interval '2 days', tests.id('f05'), '2026-09-10'),
  ('05', 'Entrega en preparación de Valparaíso [prueba]', 'report', 'draft', null, tests.id('f05'), '2099-01-10'),
  ('13', 'Borrador de Santiago [prueba]', 'memo', 'draft', null, null, null),
  ('13', 'Entrega de Santiago [prueba]', 'report', 'published', now() - interval '1 day', tests.id('f13'), '2026-10-15'),
  (null, 'Publicación nacional [prueba]', 'bulletin', 'published', now() - interval '1 day', null, null),
  (null, 'Entrega nacional [prueba]', 'report', 'published', now() - interval '1 day', tests.id('f_nat'), '2026-03-31'),
  (null, 'Borrador nacional [prueba]', 'bulletin', 'draft', null, null, null);

insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('pub05_draft', (select id from public.publications where title = 'Borrador de Valparaíso [prueba]')),
  ('pub05_scheduled', (select id from public.publications where title = 'Programada de Valparaíso [prueba]')),
  ('pub05_published', (select id from public.publications where title = 'Entrega de Valparaíso [prueba]')),
  ('pub05_acked', (select id from public.publications where title = 'Entrega recibida de Valparaíso [prueba]')),
  ('pub05_delivery_draft', (select id from public.publications where title = 'Entrega en preparación de Valparaíso [prueba]')),
  ('pubnat_delivery', (select id from public.publications where title = 'Entrega nacional [prueba]')),
  ('pub13_draft', (select id from public.publications where title = 'Borrador de Santiago [prueba]')),
  ('pub13_published', (select id from public.publications where title = 'Entrega de Santiago [prueba]')),
  ('pubnat_published', (select id from public.publications where title = 'Publicación nacional [prueba]')),
  ('pubnat_draft', (select id from public.publications where title = 'Borrador nacional [prueba]'))
) as v (name, id);

insert into public.publication_communes (publication_id, commune_code) values
  (tests.id('pub05_draft'), '05101'), (tests.id('pub05_published'), '05101'), (tests.id('pub13_published'), '13101');
insert into public.publication_projects (publication_id, project_id) values
  (tests.id('pub05_draft'), tests.id('p05')), (tests.id('pub05_published'), tests.id('p05')),
  (tests.id('pub13_published'), tests.id('p13'));
insert into public.publication_commitments (publication_id, commitment_id) values
  (tests.id('pub05_draft'), tests.id('c05')), (tests.id('pub05_published'), tests.id('c05')),
  (tests.id('pub13_published'), tests.id('c13'));

insert into public.acknowledgements (publication_id, institution_id, user_id) values
  (tests.id('pub05_acked'), tests.id('gore_05'), tests.user_id('gore')),
  (tests.id('pub13_published'), tests.id('gore_13'), tests.user_id('gore13'));

insert into public.pmg_evaluations (institution_id, year, requirement_code, development, status) values
  (tests.id('gore_05'), 2099, '1.1', 'Incorpora la perspectiva territorial', 'final'),
  (tests.id('gore_05'), 2099, '1.2', 'En preparación', 'draft'),
  (tests.id('gore_13'), 2099, '1.1', 'Incorpora la perspectiva territorial', 'final'),
  (tests.id('dgop'), 2099, '1.1', 'Coordina la perspectiva territorial', 'final');

insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('ack05', (select id from public.acknowledgements where publication_id = tests.id('pub05_acked'))),
  ('ack13', (select id from public.acknowledgements where publication_id = tests.id('pub13_published'))),
  ('pmg05_final', (select id from public.pmg_evaluations where institution_id = tests.id('gore_05') and year = 2099 and requirement_code = '1.1')),
  ('pmg05_draft', (select id from public.pmg_evaluations where institution_id = tests.id('gore_05') and year = 2099 and requirement_code = '1.2')),
  ('pmg13_final', (select id from public.pmg_evaluations where institution_id = tests.id('gore_13') and year = 2099)),
  ('pmgnat_final', (select id from public.pmg_evaluations where institution_id = tests.id('dgop') and year = 2099))
) as v (name, id);

-- ── Probes: (table, operation, target, statement) ─────────────────────────────────────────────
-- {name} stands for the fixture's id. `owner_can` is false only where nobody at all, the owner
-- included, may do it (the audit trail is append-only by trigger).
create table tests.probes (
  tbl text not null,
  op text not null,
  target text not null,
  template text not null,
  owner_can boolean not null default true,
  statement text,
  primary key (tbl, op, target)
);

insert into tests.probes (tbl, op, target, template) values
  -- territory
  ('regions', 'select', 'a region', $$select count(*) from public.regions where code = '05'$$),
  ('regions', 'insert', 'a new region', $$insert into public.regions (code, name, roman) values ('98', 'Nueva', 'I')$$),
  ('regions', 'update', 'a region', $$update public.regions set name = name where code = '05'$$),
  ('regions', 'delete', 'a region', $$delete from public.regions where code = '97'$$),
  ('provinces', 'select', 'a province', $$select count(*) from public.provinces where code = '051'$$),
  ('provinces', 'insert', 'a new province', $$insert into public.provinces (code, region_code, name) values ('993', '99', 'Nueva')$$),
  ('provinces', 'update', 'a province', $$update public.provinces set name = name where code = '051'$$),
  ('provinces', 'delete', 'a province', $$delete from public.provinces where code = '992'$$),
  ('communes', 'select', 'a comuna', $$select count(*) from public.communes where code = '05101'$$),
  ('communes', 'insert', 'a new comuna', $$insert into public.communes (code, province_code, region_code, name) values ('99102', '991', '99', 'Nueva')$$),
  ('communes', 'update', 'a comuna', $$update public.communes set name = name where code = '05101'$$),
  ('communes', 'delete', 'a comuna', $$delete from public.communes where code = '99101'$$),
  ('undemarcated_areas', 'select', 'the area', $$select count(*) from public.undemarcated_areas$$),
  ('undemarcated_areas', 'insert', 'a new area', $$insert into public.undemarcated_areas (name, geom) values ('Nueva', extensions.st_multi(extensions.st_buffer(tests.point(-73.4, -49.3), 0.01)))$$),
  ('undemarcated_areas', 'update', 'the area', $$update public.undemarcated_areas set name = name$$),
  ('undemarcated_areas', 'delete', 'the area', $$delete from public.undemarcated_areas$$),
  -- reference data
  ('themes', 'select', 'a theme', $$select count(*) from public.themes where code = 'territorio'$$),
  ('themes', 'insert', 'a new theme', $$insert into public.themes (code, name) values ('nuevo_tema', 'Nuevo tema')$$),
  ('themes', 'update', 'a theme', $$update public.themes set name = name where code = 'territorio'$$),
  ('themes', 'delete', 'a theme', $$delete from public.themes where code = 'tema_de_prueba'$$),
  ('mop_services', 'select', 'a service', $$select count(*) from public.mop_services where code = 'vialidad'$$),
  ('mop_services', 'insert', 'a new service', $$insert into public.mop_services (code, name, acronym) values ('nuevo', 'Nuevo servicio', 'NS')$$),
  ('mop_services', 'update', 'a service', $$update public.mop_services set name = name where code = 'vialidad'$$),
  ('mop_services', 'delete', 'a service', $$delete from public.mop_services where code = 'servicio_de_prueba'$$),
  ('pmg_requirements', 'select', 'a requirement', $$select count(*) from public.pmg_requirements where code = '1.1'$$),
  ('pmg_requirements', 'insert', 'a new requirement', $$insert into public.pmg_requirements (code, name, sort_order) values ('8', 'Nuevo', 98)$$),
  ('pmg_requirements', 'update', 'a requirement', $$update public.pmg_requirements set name = name where code = '1.1'$$),
  ('pmg_requirements', 'delete', 'a requirement', $$delete from public.pmg_requirements where code = '9'$$),
  ('institutions', 'select', 'an institution', $$select count(*) from public.institutions where id = {gore_05}$$),
  ('institutions', 'insert', 'a new institution', $$insert into public.institutions (name, kind, level) values ('Nueva institución', 'ministry', 'national')$$),
  ('institutions', 'update', 'an institution', $$update public.institutions set name = name where id = {gore_05}$$),
  ('institutions', 'delete', 'an institution', $$delete from public.institutions where id = {spare_institution}$$),
  -- memberships
  ('memberships', 'select', 'own', $$select count(*) from public.memberships where user_id = (select auth.uid())$$),
  ('memberships', 'select', 'another user''s', $$select count(*) from public.memberships where user_id = {u_gore13}$$),
  ('memberships', 'insert', 'for a new user', $$insert into public.memberships (user_id, role) values ({u_newcomer}, 'planner')$$),
  ('memberships', 'update', 'own, to admin', $$update public.memberships set role = 'admin', region_code = null where user_id = (select auth.uid())$$),
  ('memberships', 'update', 'another user''s', $$update public.memberships set role = 'planner', region_code = null where user_id = {u_gore13}$$),
  ('memberships', 'delete', 'another user''s', $$delete from public.memberships where user_id = {u_gore13}$$),
  -- projects
  ('projects', 'select', 'in 05', $$select count(*) from public.projects where id = {p05}$$),
  ('projects', 'select', 'in 13', $$select count(*) from public.projects where id = {p13}$$),
  ('projects', 'insert', 'in 05', $$insert into public.projects (service_code, name, stage, status, geom) values ('vialidad', 'Nuevo', 'idea', 'planned', tests.point(-71.55, -33.03))$$),
  ('projects', 'update', 'in 05', $$update public.projects set name = name where id = {p05}$$),
  ('projects', 'update', 'in 13', $$update public.projects set name = name where id = {p13}$$),
  ('projects', 'delete', 'in 05', $$delete from public.projects where id = {p05}$$),
  ('projects', 'delete', 'in 13', $$delete from public.projects where id = {p13}$$),
  ('project_themes', 'select', 'of a project in 05', $$select count(*) from public.project_themes where project_id = {p05}$$),
  ('project_themes', 'select', 'of a project in 13', $$select count(*) from public.project_themes where project_id = {p13}$$),
  ('project_themes', 'insert', 'to a project in 05', $$insert into public.project_themes (project_id, theme_code) values ({p05}, 'medio_ambiente')$$),
  ('project_themes', 'update', 'of a project in 05', $$update public.project_themes set theme_code = theme_code where project_id = {p05}$$),
  ('project_themes', 'delete', 'of a project in 05', $$delete from public.project_themes where project_id = {p05}$$),
  ('project_communes', 'select', 'of a project in 05', $$select count(*) from public.project_communes where project_id = {p05}$$),
  ('project_communes', 'select', 'of a project in 13', $$select count(*) from public.project_communes where project_id = {p13}$$),
  ('project_communes', 'insert', 'to a project in 05', $$insert into public.project_communes (project_id, commune_code) values ({p05}, '05109')$$),
  ('project_communes', 'update', 'of a project in 05', $$update public.project_communes set commune_code = '05109' where project_id = {p05}$$),
  ('project_communes', 'delete', 'of a project in 05', $$delete from public.project_communes where project_id = {p05}$$),
  -- agreements and commitments
  ('agreements', 'select', 'in 05', $$select count(*) from public.agreements where id = {a05}$$),
  ('agreements', 'select', 'in 13', $$select count(*) from public.agreements where id = {a13}$$),
  ('agreements', 'select', 'national', $$select count(*) from public.agreements where id = {a_nat}$$),
  ('agreements', 'insert', 'in 05', $$insert into public.agreements (kind, title, problem, signed_on, region_code) values ('cooperation_agreement', 'Nuevo', 'Problema', '2025-06-01', '05')$$),
  ('agreements', 'update', 'in 05', $$update public.agreements set title = title where id = {a05}$$),
  ('agreements', 'update', 'in 13', $$update public.agreements set title = title where id = {a13}$$),
  ('agreements', 'delete', 'in 05', $$delete from public.agreements where id = {a05}$$),
  ('agreement_parties', 'select', 'in 05', $$select count(*) from public.agreement_parties where agreement_id = {a05}$$),
  ('agreement_parties', 'select', 'in 13', $$select count(*) from public.agreement_parties where agreement_id = {a13}$$),
  ('agreement_parties', 'select', 'national', $$select count(*) from public.agreement_parties where agreement_id = {a_nat}$$),
  ('agreement_parties', 'insert', 'in 05', $$insert into public.agreement_parties (agreement_id, institution_id, role) values ({a05}, {muni_05101}, 'implementer')$$),
  ('agreement_parties', 'update', 'in 05', $$update public.agreement_parties set role = 'coordinator' where agreement_id = {a05}$$),
  ('agreement_parties', 'delete', 'in 05', $$delete from public.agreement_parties where agreement_id = {a05}$$),
  ('commitments', 'select', 'in 05', $$select count(*) from public.commitments where id = {c05}$$),
  ('commitments', 'select', 'in 13', $$select count(*) from public.commitments where id = {c13}$$),
  ('commitments', 'select', 'national', $$select count(*) from public.commitments where id = {c_nat}$$),
  ('commitments', 'insert', 'in 05', $$insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on) values ({a05}, 'Nuevo', {gore_05}, 'territorio', '2026-06-30')$$),
  ('commitments', 'update progress', 'in 05', $$update public.commitments set progress = 40, status = 'in_progress' where id = {c05}$$),
  ('commitments', 'update progress', 'in 13', $$update public.commitments set progress = 40, status = 'in_progress' where id = {c13}$$),
  ('commitments', 'update progress', 'national', $$update public.commitments set progress = 40, status = 'in_progress' where id = {c_nat}$$),
  ('commitments', 'update other columns', 'in 05', $$update public.commitments set title = 'Otro título', due_on = '2027-01-31' where id = {c05}$$),
  ('commitments', 'update other columns', 'in 13', $$update public.commitments set title = 'Otro título', due_on = '2027-01-31' where id = {c13}$$),
  ('commitments', 'delete', 'in 05', $$delete from public.commitments where id = {c05}$$),
  ('commitments_with_status', 'select', 'in 05', $$select count(*) from public.commitments_with_status where id = {c05}$$),
  ('commitments_with_status', 'select', 'in 13', $$select count(*) from public.commitments_with_status where id = {c13}$$),
  ('commitments_with_status', 'select', 'national', $$select count(*) from public.commitments_with_status where id = {c_nat}$$),
  ('commitment_communes', 'select', 'in 05', $$select count(*) from public.commitment_communes where commitment_id = {c05}$$),
  ('commitment_communes', 'select', 'in 13', $$select count(*) from public.commitment_communes where commitment_id = {c13}$$),
  ('commitment_communes', 'insert', 'in 05', $$insert into public.commitment_communes (commitment_id, commune_code) values ({c05}, '05109')$$),
  ('commitment_communes', 'update', 'in 05', $$update public.commitment_communes set commune_code = '05109' where commitment_id = {c05}$$),
  ('commitment_communes', 'delete', 'in 05', $$delete from public.commitment_communes where commitment_id = {c05}$$),
  ('commitment_projects', 'select', 'in 05', $$select count(*) from public.commitment_projects where commitment_id = {c05}$$),
  ('commitment_projects', 'select', 'in 13', $$select count(*) from public.commitment_projects where commitment_id = {c13}$$),
  ('commitment_projects', 'insert', 'in 05', $$insert into public.commitment_projects (commitment_id, project_id) values ({c05}, {p13})$$),
  ('commitment_projects', 'update', 'in 05', $$update public.commitment_projects set project_id = project_id where commitment_id = {c05}$$),
  ('commitment_projects', 'delete', 'in 05', $$delete from public.commitment_projects where commitment_id = {c05}$$),
  ('commitment_progress', 'select', 'in 05', $$select count(*) from public.commitment_progress where commitment_id = {c05}$$),
  ('commitment_progress', 'select', 'in 13', $$select count(*) from public.commitment_progress where commitment_id = {c13}$$),
  ('commitment_progress', 'insert', 'in 05', $$insert into public.commitment_progress (commitment_id, progress, status) values ({c05}, 90, 'in_progress')$$),
  ('commitment_progress', 'update', 'in 05', $$update public.commitment_progress set progress = 90 where commitment_id = {c05}$$),
  ('commitment_progress', 'delete', 'in 05', $$delete from public.commitment_progress where commitment_id = {c05}$$),
  -- information flows
  ('information_flows', 'select', 'in 05', $$select count(*) from public.information_flows where id = {f05}$$),
  ('information_flows', 'select', 'in 13', $$select count(*) from public.information_flows where id = {f13}$$),
  ('information_flows', 'select', 'national', $$select count(*) from public.information_flows where id = {f_nat}$$),
  ('information_flows', 'insert', 'in 05', $$insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values ('05', 'Nuevo', {dgop}, 'email', 'once')$$),
  ('information_flows', 'insert', 'in 13', $$insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values ('13', 'Nuevo', {dgop}, 'email', 'once')$$),
  ('information_flows', 'insert', 'national', $$insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values (null, 'Nuevo', {dgop}, 'email', 'once')$$),
  ('information_flows', 'update', 'in 05', $$update public.information_flows set information = information where id = {f05}$$),
  ('information_flows', 'update', 'in 13', $$update public.information_flows set information = information where id = {f13}$$),
  ('information_flows', 'update', 'national', $$update public.information_flows set information = information where id = {f_nat}$$),
  ('information_flows', 'update into another region', 'from 05 to 13', $$update public.information_flows set region_code = '13' where id = {f05}$$),
  ('information_flows', 'delete', 'in 05', $$delete from public.information_flows where id = {f05}$$),
  ('information_flows', 'delete', 'in 13', $$delete from public.information_flows where id = {f13}$$),
  ('information_flow_recipients', 'select', 'in 05', $$select count(*) from public.information_flow_recipients where flow_id = {f05}$$),
  ('information_flow_recipients', 'select', 'in 13', $$select count(*) from public.information_flow_recipients where flow_id = {f13}$$),
  ('information_flow_recipients', 'select', 'national', $$select count(*) from public.information_flow_recipients where flow_id = {f_nat}$$),
  ('information_flow_recipients', 'insert', 'in 05', $$insert into public.information_flow_recipients (flow_id, institution_id) values ({f05}, {dgop})$$),
  ('information_flow_recipients', 'insert', 'in 13', $$insert into public.information_flow_recipients (flow_id, institution_id) values ({f13}, {dgop})$$),
  ('information_flow_recipients', 'update', 'in 05', $$update public.information_flow_recipients set institution_id = institution_id where flow_id = {f05}$$),
  ('information_flow_recipients', 'update', 'in 13', $$update public.information_flow_recipients set institution_id = institution_id where flow_id = {f13}$$),
  ('information_flow_recipients', 'delete', 'in 05', $$delete from public.information_flow_recipients where flow_id = {f05} and institution_id = {muni_05101}$$),
  ('information_flow_recipients', 'delete', 'in 13', $$delete from public.information_flow_recipients where flow_id = {f13}$$),
  -- publications
  ('publications', 'select', 'draft in 05', $$select count(*) from public.publications where id = {pub05_draft}$$),
  ('publications', 'select', 'scheduled in 05, not yet due', $$select count(*) from public.publications where id = {pub05_scheduled}$$),
  ('publications', 'select', 'published in 05', $$select count(*) from public.publications where id = {pub05_published}$$),
  ('publications', 'select', 'draft in 13', $$select count(*) from public.publications where id = {pub13_draft}$$),
  ('publications', 'select', 'published in 13', $$select count(*) from public.publications where id = {pub13_published}$$),
  ('publications', 'select', 'national, published', $$select count(*) from public.publications where id = {pubnat_published}$$),
  ('publications', 'select', 'national, draft', $$select count(*) from public.publications where id = {pubnat_draft}$$),
  ('publications', 'insert', 'in 05', $$insert into public.publications (region_code, title, kind) values ('05', 'Nueva', 'report')$$),
  ('publications', 'insert', 'in 05, in another author''s name', $$insert into public.publications (region_code, title, kind, author_id) values ('05', 'Nueva', 'report', {u_admin})$$),
  ('publications', 'insert', 'in 13', $$insert into public.publications (region_code, title, kind) values ('13', 'Nueva', 'report')$$),
  ('publications', 'insert', 'national', $$insert into public.publications (region_code, title, kind) values (null, 'Nueva', 'report')$$),
  ('publications', 'update', 'draft in 05', $$update public.publications set status = 'published', published_at = now() where id = {pub05_draft}$$),
  ('publications', 'update', 'published in 05', $$update public.publications set status = 'archived' where id = {pub05_published}$$),
  ('publications', 'update', 'published in 13', $$update public.publications set status = 'archived' where id = {pub13_published}$$),
  ('publications', 'update', 'national, published', $$update public.publications set status = 'archived' where id = {pubnat_published}$$),
  ('publications', 'update into another region', 'from 05 to 13', $$update public.publications set region_code = '13' where id = {pub05_draft}$$),
  ('publications', 'delete', 'draft in 05', $$delete from public.publications where id = {pub05_draft}$$),
  ('publications', 'delete', 'published in 05', $$delete from public.publications where id = {pub05_published}$$),
  ('publications', 'delete', 'draft in 13', $$delete from public.publications where id = {pub13_draft}$$),
  -- deliveries of flows (a view: read only)
  ('flow_deliveries', 'select', 'draft in 05', $$select count(*) from public.flow_deliveries where publication_id = {pub05_delivery_draft}$$),
  ('flow_deliveries', 'select', 'published in 05', $$select count(*) from public.flow_deliveries where publication_id = {pub05_published}$$),
  ('flow_deliveries', 'select', 'published in 13', $$select count(*) from public.flow_deliveries where publication_id = {pub13_published}$$),
  ('flow_deliveries', 'select', 'national', $$select count(*) from public.flow_deliveries where publication_id = {pubnat_delivery}$$)
;

-- The three link tables of a publication share one shape.
insert into tests.probes (tbl, op, target, template)
select link.tbl, probe.op, probe.target, replace(replace(probe.template, '%t', link.tbl), '%c', link.col)
from (values
  ('publication_communes', 'commune_code', $$'05109'$$),
  ('publication_projects', 'project_id', '{p13}'),
  ('publication_commitments', 'commitment_id', '{c13}')
) as link (tbl, col, other)
cross join lateral (values
  ('select', 'of a draft in 05', $$select count(*) from public.%t where publication_id = {pub05_draft}$$),
  ('select', 'of a publication in 05', $$select count(*) from public.%t where publication_id = {pub05_published}$$),
  ('select', 'of a publication in 13', $$select count(*) from public.%t where publication_id = {pub13_published}$$),
  ('insert', 'to a draft in 05', $$insert into public.%t (publication_id, %c) values ({pub05_draft}, $$ || link.other || ')'),
  ('insert', 'to a draft in 13', $$insert into public.%t (publication_id, %c) values ({pub13_draft}, $$ || link.other || ')'),
  ('update', 'of a draft in 05', $$update public.%t set %c = %c where publication_id = {pub05_draft}$$),
  ('update', 'of a publication in 13', $$update public.%t set %c = %c where publication_id = {pub13_published}$$),
  ('delete', 'of a draft in 05', $$delete from public.%t where publication_id = {pub05_draft}$$),
  ('delete', 'of a publication in 13', $$delete from public.%t where publication_id = {pub13_published}$$)
) as probe (op, target, template);

insert into tests.probes (tbl, op, target, template) values
  -- acknowledgements
  ('acknowledgements', 'select', 'by GORE 05', $$select count(*) from public.acknowledgements where id = {ack05}$$),
  ('acknowledgements', 'select', 'by GORE 13', $$select count(*) from public.acknowledgements where id = {ack13}$$),
  ('acknowledgements', 'insert', 'for GORE 05, addressed to it', $$insert into public.acknowledgements (publication_id, institution_id) values ({pub05_published}, {gore_05})$$),
  ('acknowledgements', 'insert', 'for another institution', $$insert into public.acknowledgements (publication_id, institution_id) values ({pub05_published}, {muni_05101})$$),
  ('acknowledgements', 'update', 'by GORE 05', $$update public.acknowledgements set acknowledged_at = acknowledged_at where id = {ack05}$$),
  ('acknowledgements', 'delete', 'by GORE 05', $$delete from public.acknowledgements where id = {ack05}$$),
  -- PMG
  ('pmg_evaluations', 'select', 'final in 05', $$select count(*) from public.pmg_evaluations where id = {pmg05_final}$$),
  ('pmg_evaluations', 'select', 'draft in 05', $$select count(*) from public.pmg_evaluations where id = {pmg05_draft}$$),
  ('pmg_evaluations', 'select', 'final in 13', $$select count(*) from public.pmg_evaluations where id = {pmg13_final}$$),
  ('pmg_evaluations', 'select', 'national, final', $$select count(*) from public.pmg_evaluations where id = {pmgnat_final}$$),
  ('pmg_evaluations', 'insert', 'in 05', $$insert into public.pmg_evaluations (institution_id, year, requirement_code) values ({gore_05}, 2098, '1.1')$$),
  ('pmg_evaluations', 'update', 'final in 05', $$update public.pmg_evaluations set recommendations = 'Más' where id = {pmg05_final}$$),
  ('pmg_evaluations', 'update', 'final in 13', $$update public.pmg_evaluations set recommendations = 'Más' where id = {pmg13_final}$$),
  ('pmg_evaluations', 'delete', 'final in 05', $$delete from public.pmg_evaluations where id = {pmg05_final}$$),
  -- audit trail
  ('audit_log', 'select', 'an entry', $$select count(*) from public.audit_log where table_name = 'projects' and record_id = {p05}::text$$),
  ('audit_log', 'insert', 'a forged entry', $$insert into public.audit_log (table_name, record_id, action, actor_role) values ('projects', '1', 'DELETE', 'authenticated')$$);
insert into tests.probes (tbl, op, target, template) values
  ('project_progress', 'select', 'of a project in 05', $$select count(*) from public.project_progress where project_id = {p05}$$),
  ('project_progress', 'select', 'of a project in 13', $$select count(*) from public.project_progress where project_id = {p13}$$),
  ('project_progress', 'insert', 'to a project in 05', $$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp) values ({p05}, '2026-02-28', 10, 2000)$$),
  ('project_progress', 'insert', 'to a project in 13', $$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp) values ({p13}, '2026-02-28', 10, 2000)$$),
  ('project_progress', 'update', 'of a project in 05', $$update public.project_progress set note = 'Corregido' where project_id = {p05}$$),
  ('project_progress', 'update', 'of a project in 13', $$update public.project_progress set note = 'Corregido' where project_id = {p13}$$),
  ('project_progress', 'delete', 'of a project in 05', $$delete from public.project_progress where project_id = {p05}$$),
  ('project_progress', 'delete', 'of a project in 13', $$delete from public.project_progress where project_id = {p13}$$),
  ('project_progress_latest', 'select', 'of a project in 05', $$select count(*) from public.project_progress_latest where project_id = {p05}$$),
  ('project_progress_latest', 'select', 'of a project in 13', $$select count(*) from public.project_progress_latest where project_id = {p13}$$),
  ('project_progress_latest', 'insert', 'to a project in 05', $$insert into public.project_progress_latest (project_id, reported_on, physical_progress, spent_clp) values ({p05}, '2026-03-31', 20, 3000) on conflict (project_id) do update set spent_clp = excluded.spent_clp$$),
  ('project_progress_latest', 'update', 'of a project in 05', $$update public.project_progress_latest set spent_clp = 0 where project_id = {p05}$$),
  ('project_progress_latest', 'delete', 'of a project in 05', $$delete from public.project_progress_latest where project_id = {p05}$$);
insert into tests.probes (tbl, op, target, template, owner_can) values
  ('audit_log', 'update', 'an entry', $$update public.audit_log set action = 'DELETE' where table_name = 'projects'$$, false),
  ('audit_log', 'delete', 'an entry', $$delete from public.audit_log where table_name = 'projects'$$, false);

create function tests.resolve(template text)
returns text
language plpgsql
as $$
declare
  placeholder text;
  result text := template;
  literal text;
begin
  for placeholder in select m[1] from regexp_matches(template, '\{([a-z0-9_]+)\}', 'g') as m loop
    select i.literal into literal from tests.ids i where i.name = placeholder;
    if literal is null then
      raise exception 'tests.resolve: no fixture named %', placeholder;
    end if;
    result := replace(result, '{' || placeholder || '}', literal);
  end loop;
  return result;
end;
$$;

update tests.probes set statement = tests.resolve(template);

-- ── The matrix: (table, operation) × role → the probe targets that role may reach ─────────────
-- Columns: anon (no JWT), nomember (signed in, no membership), planner, gore (region 05, its GORE),
-- secretariat (region 05), admin. '{*}' = every target probed; '{}' = none. One row per row of
-- the tables in docs/SECURITY.md (tests/integration/rls.test.ts checks the two agree).
create table tests.matrix (
  tbl text not null,
  op text not null,
  anon text[] not null,
  nomember text[] not null,
  planner text[] not null,
  gore text[] not null,
  secretariat text[] not null,
  admin text[] not null,
  primary key (tbl, op)
);

insert into tests.matrix (tbl, op, anon, nomember, planner, gore, secretariat, admin) values
  ('regions', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('regions', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('regions', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('regions', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('provinces', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('provinces', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('provinces', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('provinces', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('communes', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('communes', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('communes', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('communes', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('undemarcated_areas', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('undemarcated_areas', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('undemarcated_areas', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('undemarcated_areas', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('themes', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('themes', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('themes', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('themes', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('mop_services', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('mop_services', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('mop_services', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('mop_services', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('pmg_requirements', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('pmg_requirements', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('pmg_requirements', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('pmg_requirements', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('institutions', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('institutions', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('institutions', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('institutions', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('memberships', 'select', '{}', '{}', '{own}', '{own}', '{own}', '{*}'),
  ('memberships', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('memberships', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('memberships', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('projects', 'select', '{}', '{}', '{*}', '{"in 05"}', '{"in 05"}', '{*}'),
  ('projects', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('projects', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('projects', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('project_themes', 'select', '{}', '{}', '{*}', '{"of a project in 05"}', '{"of a project in 05"}', '{*}'),
  ('project_themes', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('project_themes', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('project_themes', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('project_progress', 'select', '{}', '{}', '{*}', '{"of a project in 05"}', '{"of a project in 05"}', '{*}'),
  ('project_progress', 'insert', '{}', '{}', '{}', '{}', '{"to a project in 05"}', '{*}'),
  ('project_progress', 'update', '{}', '{}', '{}', '{}', '{"of a project in 05"}', '{*}'),
  ('project_progress', 'delete', '{}', '{}', '{}', '{}', '{"of a project in 05"}', '{*}'),
  ('project_progress_latest', 'select', '{}', '{}', '{*}', '{"of a project in 05"}', '{"of a project in 05"}', '{*}'),
  ('project_progress_latest', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_progress_latest', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_progress_latest', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_communes', 'select', '{}', '{}', '{*}', '{"of a project in 05"}', '{"of a project in 05"}', '{*}'),
  ('project_communes', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_communes', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_communes', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('agreements', 'select', '{}', '{}', '{*}', '{"in 05",national}', '{"in 05",national}', '{*}'),
  ('agreements', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('agreements', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('agreements', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('agreement_parties', 'select', '{}', '{}', '{*}', '{"in 05",national}', '{"in 05",national}', '{*}'),
  ('agreement_parties', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('agreement_parties', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('agreement_parties', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('commitments', 'select', '{}', '{}', '{*}', '{"in 05",national}', '{"in 05",national}', '{*}'),
  ('commitments', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('commitments', 'update progress', '{}', '{}', '{}', '{}', '{"in 05"}', '{*}'),
  ('commitments', 'update other columns', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('commitments', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('commitments_with_status', 'select', '{}', '{}', '{*}', '{"in 05",national}', '{"in 05",national}', '{*}'),

  ('commitment_progress', 'select', '{}', '{}', '{*}', '{"in 05"}', '{"in 05"}', '{*}'),
  ('commitment_progress', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('commitment_progress', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('commitment_progress', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('commitment_communes', 'select', '{}', '{}', '{*}', '{"in 05"}', '{"in 05"}', '{*}'),
  ('commitment_communes', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('commitment_communes', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('commitment_communes', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('commitment_projects', 'select', '{}', '{}', '{*}', '{"in 05"}', '{"in 05"}', '{*}'),
  ('commitment_projects', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('commitment_projects', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('commitment_projects', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('information_flows', 'select', '{}', '{}', '{*}', '{"in 05",national}', '{"in 05",national}', '{*}'),
  ('information_flows', 'insert', '{}', '{}', '{}', '{}', '{"in 05"}', '{*}'),
  ('information_flows', 'update', '{}', '{}', '{}', '{}', '{"in 05"}', '{*}'),
  ('information_flows', 'update into another region', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('information_flows', 'delete', '{}', '{}', '{}', '{}', '{"in 05"}', '{*}'),

  ('information_flow_recipients', 'select', '{}', '{}', '{*}', '{"in 05",national}', '{"in 05",national}', '{*}'),
  ('information_flow_recipients', 'insert', '{}', '{}', '{}', '{}', '{"in 05"}', '{*}'),
  ('information_flow_recipients', 'update', '{}', '{}', '{}', '{}', '{"in 05"}', '{*}'),
  ('information_flow_recipients', 'delete', '{}', '{}', '{}', '{}', '{"in 05"}', '{*}'),

  ('publications', 'select', '{"published in 05","published in 13","national, published"}', '{"published in 05","published in 13","national, published"}', '{"scheduled in 05, not yet due","published in 05","published in 13","national, published"}', '{"scheduled in 05, not yet due","published in 05","published in 13","national, published"}', '{"draft in 05","scheduled in 05, not yet due","published in 05","published in 13","national, published"}', '{*}'),
  ('publications', 'insert', '{}', '{}', '{}', '{}', '{"in 05"}', '{*}'),
  ('publications', 'update', '{}', '{}', '{}', '{}', '{"draft in 05","published in 05"}', '{*}'),
  ('publications', 'update into another region', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('publications', 'delete', '{}', '{}', '{}', '{}', '{"draft in 05"}', '{*}'),

  ('flow_deliveries', 'select', '{}', '{}', '{"published in 05","published in 13",national}', '{"published in 05",national}', '{"draft in 05","published in 05",national}', '{*}'),

  ('publication_communes', 'select', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{*}', '{*}'),
  ('publication_communes', 'insert', '{}', '{}', '{}', '{}', '{"to a draft in 05"}', '{*}'),
  ('publication_communes', 'update', '{}', '{}', '{}', '{}', '{"of a draft in 05"}', '{*}'),
  ('publication_communes', 'delete', '{}', '{}', '{}', '{}', '{"of a draft in 05"}', '{*}'),

  ('publication_projects', 'select', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{*}', '{*}'),
  ('publication_projects', 'insert', '{}', '{}', '{}', '{}', '{"to a draft in 05"}', '{*}'),
  ('publication_projects', 'update', '{}', '{}', '{}', '{}', '{"of a draft in 05"}', '{*}'),
  ('publication_projects', 'delete', '{}', '{}', '{}', '{}', '{"of a draft in 05"}', '{*}'),

  ('publication_commitments', 'select', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{"of a publication in 05","of a publication in 13"}', '{*}', '{*}'),
  ('publication_commitments', 'insert', '{}', '{}', '{}', '{}', '{"to a draft in 05"}', '{*}'),
  ('publication_commitments', 'update', '{}', '{}', '{}', '{}', '{"of a draft in 05"}', '{*}'),
  ('publication_commitments', 'delete', '{}', '{}', '{}', '{}', '{"of a draft in 05"}', '{*}'),

  ('acknowledgements', 'select', '{}', '{}', '{*}', '{"by GORE 05"}', '{"by GORE 05"}', '{*}'),
  ('acknowledgements', 'insert', '{}', '{}', '{}', '{"for GORE 05, addressed to it"}', '{}', '{*}'),
  ('acknowledgements', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('acknowledgements', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('pmg_evaluations', 'select', '{}', '{}', '{"final in 05","final in 13","national, final"}', '{"final in 05"}', '{"final in 05"}', '{*}'),
  ('pmg_evaluations', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('pmg_evaluations', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('pmg_evaluations', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('audit_log', 'select', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('audit_log', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('audit_log', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('audit_log', 'delete', '{}', '{}', '{}', '{}', '{}', '{}');

create table tests.cells as
select m.tbl, m.op, r.role, r.allowed
from tests.matrix m
cross join lateral (values
  ('anon', m.anon), ('nomember', m.nomember), ('planner', m.planner),
  ('gore', m.gore), ('secretariat', m.secretariat), ('admin', m.admin)
) as r (role, allowed);

-- ── Running a probe ───────────────────────────────────────────────────────────────────────────
-- 'allowed' when it saw or wrote a row, 'refused' when it did not or failed with 42501, and the
-- error itself otherwise. The subtransaction is always rolled back (with the role and claims).
create function tests.outcome(acting text, statement text, reads boolean)
returns text
language plpgsql
as $$
declare
  n bigint;
  outcome text;
begin
  begin
    if acting = 'anon' then
      perform tests.authenticate_as_anon();
    elsif acting = 'owner' then
      -- The table owner (this superuser session), carrying an admin's JWT for defaults like author_id.
      perform set_config('request.jwt.claims',
        json_build_object('sub', tests.user_id('admin'), 'role', 'authenticated')::text, true);
    else
      perform tests.authenticate_as(acting);
    end if;
    if reads then
      execute statement into n;
    else
      execute statement;
      get diagnostics n = row_count;
    end if;
    outcome := case when n > 0 then 'allowed' else 'refused' end;
    raise exception using errcode = 'TSTRB', message = outcome;
  exception
    when sqlstate 'TSTRB' then
      outcome := sqlerrm;
    when insufficient_privilege then
      outcome := 'refused';
    when others then
      outcome := format('error %s: %s', sqlstate, sqlerrm);
  end;
  return outcome;
end;
$$;

select plan((
  select count(*)::int from tests.probes
) + (
  select count(*)::int from tests.cells c join tests.probes p using (tbl, op)
) + 4);

-- The matrix covers every table and view the API exposes, and every one has RLS on.
select is_empty(
  $$select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity$$,
  'every table in public has row level security enabled'
);
select set_eq(
  $$select distinct tbl from tests.cells$$,
  $$select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')$$,
  'the matrix covers every table and view in public'
);
select is_empty(
  $$select c.tbl || ' ' || c.op || ' ' || c.role || ': ' || t
    from tests.cells c cross join unnest(c.allowed) t
    where t <> '*' and not exists (select 1 from tests.probes p where p.tbl = c.tbl and p.op = c.op and p.target = t)$$,
  'every target a cell allows is a probe of that table and operation'
);
select is_empty(
  $$select tbl || ' ' || op || ' ' || role from
      (select distinct p.tbl, p.op from tests.probes p) p
      cross join (values ('anon'), ('nomember'), ('planner'), ('gore'), ('secretariat'), ('admin')) r (role)
    except select tbl || ' ' || op || ' ' || role from tests.cells$$,
  'every operation probed has a cell for every role'
);

select is(
  tests.outcome('owner', p.statement, p.op = 'select'),
  case when p.owner_can then 'allowed' else 'refused' end,
  format('owner: %s %s (%s) %s', p.op, p.tbl, p.target, case when p.owner_can then 'works' else 'is refused' end)
)
from tests.probes p
order by p.tbl, p.op, p.target;

select is(
  tests.outcome(c.role, p.statement, p.op = 'select'),
  case when p.target = any (c.allowed) or '*' = any (c.allowed) then 'allowed' else 'refused' end,
  format('%s: %s %s (%s)', c.role, p.op, p.tbl, p.target)
)
from tests.cells c join tests.probes p using (tbl, op)
order by c.tbl, c.op, c.role, p.target;

select * from finish();
rollback;
