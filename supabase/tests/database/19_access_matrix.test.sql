-- The access matrix of docs/SECURITY.md, cell by cell.
--
-- Fixture rows sit in the two regions of the test territory (tests.create_territory: 91, the
-- regional users' own; 92, another) and at national level, so the test needs neither the official
-- territory nor the sample data. Each probe is one statement on one fixture row (select: does it see it;
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
select tests.create_territory();
-- Spare territory and reference rows nothing depends on, so that deleting them can succeed.
insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I'), ('97', 'Región sin provincias', 'II');
insert into public.provinces (code, region_code, name) values ('991', '99', 'Provincia de prueba'), ('992', '99', 'Provincia sin comunas');
insert into public.communes (code, province_code, region_code, name) values ('99101', '991', '99', 'Comuna de prueba');
insert into public.themes (code, name) values ('tema_de_prueba', 'Tema de prueba');
insert into public.mop_services (code, name, acronym) values ('servicio_de_prueba', 'Servicio de prueba', 'SDP');
insert into public.pmg_requirements (code, name, sort_order) values ('9', 'Requisito de prueba', 99);

insert into public.institutions (name, acronym, kind, level, region_code, commune_code) values
  ('Gobierno Regional de Prueba Norte', 'GORE Norte', 'regional_government', 'regional', '91', null),
  ('Gobierno Regional de Prueba Sur', 'GORE Sur', 'regional_government', 'regional', '92', null),
  ('Dirección nacional de prueba', 'DNP', 'service', 'national', null, null),
  ('Municipalidad de Prueba Norte', null, 'municipality', 'communal', '91', '91101');
insert into public.institutions (name, acronym, kind, level) values
  ('Institución sin vínculos [prueba]', null, 'ministry', 'national');

select tests.create_user('admin', 'admin');
select tests.create_user('planner', 'planner');
select tests.create_user('gore', 'gore', '91');
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('gore92', 'gore', '92');
select tests.create_user('nomember');
select tests.create_user('newcomer');

insert into public.projects (service_code, name, stage, status, geom) values
  ('vialidad', 'Proyecto en Prueba Norte [prueba]', 'design', 'in_progress', tests.point(-99.95, -39.95)),
  ('obras_hidraulicas', 'Proyecto en Prueba Sur [prueba]', 'execution', 'in_progress', tests.point(-99.95, -40.05));
insert into public.project_themes (project_id, theme_code)
select id, 'territorio' from public.projects where name in ('Proyecto en Prueba Norte [prueba]', 'Proyecto en Prueba Sur [prueba]');

insert into public.agreements (kind, title, problem, signed_on, region_code) values
  ('cooperation_agreement', 'Acuerdo de Prueba Norte [prueba]', 'Conectividad costera', '2025-01-15', '91'),
  ('memorandum_of_understanding', 'Acuerdo de Prueba Sur [prueba]', 'Aguas lluvia', '2025-02-01', '92'),
  ('working_group', 'Acuerdo nacional [prueba]', 'Seguridad hídrica', '2025-03-01', null);

create table tests.ids (name text primary key, literal text not null);
insert into tests.ids (name, literal)
select name, quote_literal(value) from (values
  ('u_admin', tests.user_id('admin')::text),
  ('u_gore92', tests.user_id('gore92')::text),
  ('u_newcomer', tests.user_id('newcomer')::text),
  ('gore_91', (select id::text from public.institutions where kind = 'regional_government' and region_code = '91')),
  ('gore_92', (select id::text from public.institutions where kind = 'regional_government' and region_code = '92')),
  ('dgop', (select id::text from public.institutions where name = 'Dirección nacional de prueba')),
  ('muni_91101', (select id::text from public.institutions where name = 'Municipalidad de Prueba Norte')),
  ('spare_institution', (select id::text from public.institutions where name = 'Institución sin vínculos [prueba]')),
  ('p91', (select id::text from public.projects where name = 'Proyecto en Prueba Norte [prueba]')),
  ('p92', (select id::text from public.projects where name = 'Proyecto en Prueba Sur [prueba]')),
  ('a91', (select id::text from public.agreements where title = 'Acuerdo de Prueba Norte [prueba]')),
  ('a92', (select id::text from public.agreements where title = 'Acuerdo de Prueba Sur [prueba]')),
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
  (tests.id('a91'), tests.id('gore_91'), 'signatory'),
  (tests.id('a92'), tests.id('gore_92'), 'signatory'),
  (tests.id('a_nat'), tests.id('dgop'), 'coordinator');

insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on) values
  (tests.id('a91'), 'Compromiso de Prueba Norte [prueba]', tests.id('gore_91'), 'territorio', '2026-12-31'),
  (tests.id('a92'), 'Compromiso de Prueba Sur [prueba]', tests.id('gore_92'), 'medio_ambiente', '2026-12-31'),
  (tests.id('a_nat'), 'Compromiso nacional [prueba]', tests.id('dgop'), 'participacion_ciudadana', '2026-12-31');

insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('c91', (select id from public.commitments where title = 'Compromiso de Prueba Norte [prueba]')),
  ('c92', (select id from public.commitments where title = 'Compromiso de Prueba Sur [prueba]')),
  ('c_nat', (select id from public.commitments where title = 'Compromiso nacional [prueba]'))
) as v (name, id);

insert into public.commitment_communes (commitment_id, commune_code) values
  (tests.id('c91'), '91101'), (tests.id('c92'), '92101');
insert into public.commitment_projects (commitment_id, project_id) values
  (tests.id('c91'), tests.id('p91')), (tests.id('c92'), tests.id('p92'));
insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp) values
  (tests.id('p91'), '2026-01-31', 5, 1000), (tests.id('p92'), '2026-01-31', 5, 1000);

-- ── agreements (issue 10 §1) fixtures: covered comunas, a second project in 91 to link ──────
insert into public.agreement_communes (agreement_id, commune_code) values
  (tests.id('a91'), '91101'), (tests.id('a92'), '92101');
insert into public.projects (service_code, name, stage, status, geom) values
  ('vialidad', 'Otro proyecto en Prueba Norte [prueba]', 'design', 'in_progress', tests.point(-99.95, -39.95)),
  ('vialidad', 'Otro proyecto en Prueba Sur [prueba]', 'design', 'in_progress', tests.point(-99.95, -40.05));
insert into tests.ids (name, literal) values
  ('p91b', (select quote_literal(id) from public.projects where name = 'Otro proyecto en Prueba Norte [prueba]')),
  ('p92b', (select quote_literal(id) from public.projects where name = 'Otro proyecto en Prueba Sur [prueba]'));
-- ── end of agreements fixtures ─────────────────────────────────────────────────────────────────

insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values
  ('91', 'Cartera regional de Prueba Norte [prueba]', tests.id('dgop'), 'portal', 'monthly'),
  ('92', 'Cartera regional de Prueba Sur [prueba]', tests.id('dgop'), 'official_letter', 'quarterly'),
  (null, 'Informe nacional de inversión [prueba]', tests.id('dgop'), 'email', 'yearly');

insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('f91', (select id from public.information_flows where information = 'Cartera regional de Prueba Norte [prueba]')),
  ('f92', (select id from public.information_flows where information = 'Cartera regional de Prueba Sur [prueba]')),
  ('f_nat', (select id from public.information_flows where information = 'Informe nacional de inversión [prueba]'))
) as v (name, id);

insert into public.information_flow_recipients (flow_id, institution_id) values
  (tests.id('f91'), tests.id('gore_91')),
  (tests.id('f91'), tests.id('muni_91101')),
  (tests.id('f92'), tests.id('gore_92')),
  (tests.id('f_nat'), tests.id('dgop'));

insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on) values
  ('91', 'Borrador de Prueba Norte [prueba]', 'report', 'draft', null, null, null),
  ('91', 'Programada de Prueba Norte [prueba]', 'bulletin', 'scheduled', now() + interval '7 days', null, null),
  ('91', 'Entrega de Prueba Norte [prueba]', 'report', 'published', now() - interval '1 day', tests.id('f91'), '2026-10-10'),
  ('91', 'Entrega recibida de Prueba Norte [prueba]', 'report', 'published', now() - interval '2 days', tests.id('f91'), '2026-09-10'),
  ('91', 'Entrega en preparación de Prueba Norte [prueba]', 'report', 'draft', null, tests.id('f91'), '2099-01-10'),
  ('92', 'Borrador de Prueba Sur [prueba]', 'memo', 'draft', null, null, null),
  ('92', 'Entrega de Prueba Sur [prueba]', 'report', 'published', now() - interval '1 day', tests.id('f92'), '2026-10-15'),
  (null, 'Publicación nacional [prueba]', 'bulletin', 'published', now() - interval '1 day', null, null),
  (null, 'Entrega nacional [prueba]', 'report', 'published', now() - interval '1 day', tests.id('f_nat'), '2026-03-31'),
  (null, 'Borrador nacional [prueba]', 'bulletin', 'draft', null, null, null);

insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('pub91_draft', (select id from public.publications where title = 'Borrador de Prueba Norte [prueba]')),
  ('pub91_scheduled', (select id from public.publications where title = 'Programada de Prueba Norte [prueba]')),
  ('pub91_published', (select id from public.publications where title = 'Entrega de Prueba Norte [prueba]')),
  ('pub91_acked', (select id from public.publications where title = 'Entrega recibida de Prueba Norte [prueba]')),
  ('pub91_delivery_draft', (select id from public.publications where title = 'Entrega en preparación de Prueba Norte [prueba]')),
  ('pubnat_delivery', (select id from public.publications where title = 'Entrega nacional [prueba]')),
  ('pub92_draft', (select id from public.publications where title = 'Borrador de Prueba Sur [prueba]')),
  ('pub92_published', (select id from public.publications where title = 'Entrega de Prueba Sur [prueba]')),
  ('pubnat_published', (select id from public.publications where title = 'Publicación nacional [prueba]')),
  ('pubnat_draft', (select id from public.publications where title = 'Borrador nacional [prueba]'))
) as v (name, id);

insert into public.publication_communes (publication_id, commune_code) values
  (tests.id('pub91_draft'), '91101'), (tests.id('pub91_published'), '91101'), (tests.id('pub92_published'), '92101');
insert into public.publication_projects (publication_id, project_id) values
  (tests.id('pub91_draft'), tests.id('p91')), (tests.id('pub91_published'), tests.id('p91')),
  (tests.id('pub92_published'), tests.id('p92'));
insert into public.publication_commitments (publication_id, commitment_id) values
  (tests.id('pub91_draft'), tests.id('c91')), (tests.id('pub91_published'), tests.id('c91')),
  (tests.id('pub92_published'), tests.id('c92'));

insert into public.acknowledgements (publication_id, institution_id, user_id) values
  (tests.id('pub91_acked'), tests.id('gore_91'), tests.user_id('gore')),
  (tests.id('pub92_published'), tests.id('gore_92'), tests.user_id('gore92'));

insert into public.pmg_evaluations (institution_id, year, requirement_code, development, status) values
  (tests.id('gore_91'), 2099, '1.1', 'Incorpora la perspectiva territorial', 'final'),
  (tests.id('gore_91'), 2099, '1.2', 'En preparación', 'draft'),
  (tests.id('gore_92'), 2099, '1.1', 'Incorpora la perspectiva territorial', 'final'),
  (tests.id('dgop'), 2099, '1.1', 'Coordina la perspectiva territorial', 'final');
-- ── pmg (area pmg): the workflow's other steps ──
insert into public.pmg_evaluations (institution_id, year, requirement_code, development, status) values
  (tests.id('gore_91'), 2099, '1.3', 'Enviada a revisión', 'submitted'),
  (tests.id('gore_92'), 2099, '1.2', 'En preparación', 'draft');
-- ── end pmg ──

insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('ack91', (select id from public.acknowledgements where publication_id = tests.id('pub91_acked'))),
  ('ack92', (select id from public.acknowledgements where publication_id = tests.id('pub92_published'))),
  ('pmg91_final', (select id from public.pmg_evaluations where institution_id = tests.id('gore_91') and year = 2099 and requirement_code = '1.1')),
  ('pmg91_draft', (select id from public.pmg_evaluations where institution_id = tests.id('gore_91') and year = 2099 and requirement_code = '1.2')),
  ('pmg92_final', (select id from public.pmg_evaluations where institution_id = tests.id('gore_92') and year = 2099 and requirement_code = '1.1')),
  ('pmg91_submitted', (select id from public.pmg_evaluations where institution_id = tests.id('gore_91') and year = 2099 and requirement_code = '1.3')),
  ('pmg92_draft', (select id from public.pmg_evaluations where institution_id = tests.id('gore_92') and year = 2099 and requirement_code = '1.2')),
  ('pmgnat_final', (select id from public.pmg_evaluations where institution_id = tests.id('dgop') and year = 2099))
) as v (name, id);

-- ── area import: saved column mappings (one of the secretariat's shared with 91, one of an admin,
-- one of a user in 92) ──
insert into public.import_mappings (user_id, region_code, name, mapping) values
  (tests.user_id('secretariat'), '91', 'Columnas de Prueba Norte [prueba]', '{"name": "Nombre"}'),
  (tests.user_id('admin'), null, 'Columnas de administración [prueba]', '{"name": "Nombre"}'),
  (tests.user_id('gore92'), '92', 'Columnas de Prueba Sur [prueba]', '{"name": "Nombre"}');
insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('map91', (select id from public.import_mappings where name = 'Columnas de Prueba Norte [prueba]')),
  ('map_admin', (select id from public.import_mappings where name = 'Columnas de administración [prueba]')),
  ('map92', (select id from public.import_mappings where name = 'Columnas de Prueba Sur [prueba]'))
) as v (name, id);
-- ── end area import ──

-- ── pmg (area pmg): Regional Council sessions, one in 91 and one in 92 ──
insert into public.council_sessions (region_code, held_on, kind, place) values
  ('91', '2026-10-01', 'ordinary', 'Sala de Prueba Norte'),
  ('92', '2026-10-01', 'ordinary', 'Sala de Prueba Sur');
insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('session91', (select id from public.council_sessions where region_code = '91')),
  ('session92', (select id from public.council_sessions where region_code = '92'))
) as v (name, id);
-- ── end pmg council sessions ──

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
  ('regions', 'select', 'a region', $$select count(*) from public.regions where code = '91'$$),
  ('regions', 'insert', 'a new region', $$insert into public.regions (code, name, roman) values ('98', 'Nueva', 'I')$$),
  ('regions', 'update', 'a region', $$update public.regions set name = name where code = '91'$$),
  ('regions', 'delete', 'a region', $$delete from public.regions where code = '97'$$),
  ('provinces', 'select', 'a province', $$select count(*) from public.provinces where code = '911'$$),
  ('provinces', 'insert', 'a new province', $$insert into public.provinces (code, region_code, name) values ('993', '99', 'Nueva')$$),
  ('provinces', 'update', 'a province', $$update public.provinces set name = name where code = '911'$$),
  ('provinces', 'delete', 'a province', $$delete from public.provinces where code = '992'$$),
  ('communes', 'select', 'a comuna', $$select count(*) from public.communes where code = '91101'$$),
  ('communes', 'insert', 'a new comuna', $$insert into public.communes (code, province_code, region_code, name) values ('99102', '991', '99', 'Nueva')$$),
  ('communes', 'update', 'a comuna', $$update public.communes set name = name where code = '91101'$$),
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
  ('institutions', 'select', 'an institution', $$select count(*) from public.institutions where id = {gore_91}$$),
  ('institutions', 'insert', 'a new institution', $$insert into public.institutions (name, kind, level) values ('Nueva institución', 'ministry', 'national')$$),
  ('institutions', 'update', 'an institution', $$update public.institutions set name = name where id = {gore_91}$$),
  ('institutions', 'delete', 'an institution', $$delete from public.institutions where id = {spare_institution}$$),
  -- memberships
  ('memberships', 'select', 'own', $$select count(*) from public.memberships where user_id = (select auth.uid())$$),
  ('memberships', 'select', 'another user''s', $$select count(*) from public.memberships where user_id = {u_gore92}$$),
  ('memberships', 'insert', 'for a new user', $$insert into public.memberships (user_id, role) values ({u_newcomer}, 'planner')$$),
  ('memberships', 'update', 'own, to admin', $$update public.memberships set role = 'admin', region_code = null where user_id = (select auth.uid())$$),
  ('memberships', 'update', 'another user''s', $$update public.memberships set role = 'planner', region_code = null where user_id = {u_gore92}$$),
  ('memberships', 'delete', 'another user''s', $$delete from public.memberships where user_id = {u_gore92}$$),
  -- projects
  ('projects', 'select', 'in 91', $$select count(*) from public.projects where id = {p91}$$),
  ('projects', 'select', 'in 92', $$select count(*) from public.projects where id = {p92}$$),
  ('projects', 'insert', 'in 91', $$insert into public.projects (service_code, name, stage, status, geom) values ('vialidad', 'Nuevo', 'idea', 'planned', tests.point(-99.93, -39.93))$$),
  ('projects', 'update', 'in 91', $$update public.projects set name = name where id = {p91}$$),
  ('projects', 'update', 'in 92', $$update public.projects set name = name where id = {p92}$$),
  ('projects', 'delete', 'in 91', $$delete from public.projects where id = {p91}$$),
  ('projects', 'delete', 'in 92', $$delete from public.projects where id = {p92}$$),
  ('project_themes', 'select', 'of a project in 91', $$select count(*) from public.project_themes where project_id = {p91}$$),
  ('project_themes', 'select', 'of a project in 92', $$select count(*) from public.project_themes where project_id = {p92}$$),
  ('project_themes', 'insert', 'to a project in 91', $$insert into public.project_themes (project_id, theme_code) values ({p91}, 'medio_ambiente')$$),
  ('project_themes', 'update', 'of a project in 91', $$update public.project_themes set theme_code = theme_code where project_id = {p91}$$),
  ('project_themes', 'delete', 'of a project in 91', $$delete from public.project_themes where project_id = {p91}$$),
  ('project_communes', 'select', 'of a project in 91', $$select count(*) from public.project_communes where project_id = {p91}$$),
  ('project_communes', 'select', 'of a project in 92', $$select count(*) from public.project_communes where project_id = {p92}$$),
  ('project_communes', 'insert', 'to a project in 91', $$insert into public.project_communes (project_id, commune_code) values ({p91}, '91102')$$),
  ('project_communes', 'update', 'of a project in 91', $$update public.project_communes set commune_code = '91102' where project_id = {p91}$$),
  ('project_communes', 'delete', 'of a project in 91', $$delete from public.project_communes where project_id = {p91}$$),
  -- agreements and commitments
  ('agreements', 'select', 'in 91', $$select count(*) from public.agreements where id = {a91}$$),
  ('agreements', 'select', 'in 92', $$select count(*) from public.agreements where id = {a92}$$),
  ('agreements', 'select', 'national', $$select count(*) from public.agreements where id = {a_nat}$$),
  ('agreements', 'insert', 'in 91', $$insert into public.agreements (kind, title, problem, signed_on, region_code) values ('cooperation_agreement', 'Nuevo', 'Problema', '2025-06-01', '91')$$),
  ('agreements', 'insert', 'in 92', $$insert into public.agreements (kind, title, problem, signed_on, region_code) values ('cooperation_agreement', 'Nuevo', 'Problema', '2025-06-01', '92')$$),
  ('agreements', 'insert', 'national', $$insert into public.agreements (kind, title, problem, signed_on, region_code) values ('working_group', 'Nuevo', 'Problema', '2025-06-01', null)$$),
  ('agreements', 'update', 'in 91', $$update public.agreements set title = title where id = {a91}$$),
  ('agreements', 'update', 'in 92', $$update public.agreements set title = title where id = {a92}$$),
  ('agreements', 'update', 'national', $$update public.agreements set title = title where id = {a_nat}$$),
  ('agreements', 'update into another region', 'from 91 to national', $$update public.agreements set region_code = null where id = {a91}$$),
  ('agreements', 'delete', 'in 91', $$delete from public.agreements where id = {a91}$$),
  ('agreements', 'delete', 'in 92', $$delete from public.agreements where id = {a92}$$),
  ('agreement_parties', 'select', 'in 91', $$select count(*) from public.agreement_parties where agreement_id = {a91}$$),
  ('agreement_parties', 'select', 'in 92', $$select count(*) from public.agreement_parties where agreement_id = {a92}$$),
  ('agreement_parties', 'select', 'national', $$select count(*) from public.agreement_parties where agreement_id = {a_nat}$$),
  ('agreement_parties', 'insert', 'in 91', $$insert into public.agreement_parties (agreement_id, institution_id, role) values ({a91}, {muni_91101}, 'implementer')$$),
  ('agreement_parties', 'insert', 'in 92', $$insert into public.agreement_parties (agreement_id, institution_id, role) values ({a92}, {dgop}, 'implementer')$$),
  ('agreement_parties', 'update', 'in 91', $$update public.agreement_parties set role = 'coordinator' where agreement_id = {a91}$$),
  ('agreement_parties', 'update', 'in 92', $$update public.agreement_parties set role = 'coordinator' where agreement_id = {a92}$$),
  ('agreement_parties', 'delete', 'in 91', $$delete from public.agreement_parties where agreement_id = {a91}$$),
  ('agreement_parties', 'delete', 'in 92', $$delete from public.agreement_parties where agreement_id = {a92}$$),
  ('agreement_communes', 'select', 'in 91', $$select count(*) from public.agreement_communes where agreement_id = {a91}$$),
  ('agreement_communes', 'select', 'in 92', $$select count(*) from public.agreement_communes where agreement_id = {a92}$$),
  ('agreement_communes', 'insert', 'in 91', $$insert into public.agreement_communes (agreement_id, commune_code) values ({a91}, '91102')$$),
  ('agreement_communes', 'insert', 'in 92', $$insert into public.agreement_communes (agreement_id, commune_code) values ({a92}, '92102')$$),
  ('agreement_communes', 'update', 'in 91', $$update public.agreement_communes set commune_code = '91102' where agreement_id = {a91}$$),
  ('agreement_communes', 'update', 'in 92', $$update public.agreement_communes set commune_code = '92102' where agreement_id = {a92}$$),
  ('agreement_communes', 'delete', 'in 91', $$delete from public.agreement_communes where agreement_id = {a91}$$),
  ('agreement_communes', 'delete', 'in 92', $$delete from public.agreement_communes where agreement_id = {a92}$$),
  ('commitments', 'select', 'in 91', $$select count(*) from public.commitments where id = {c91}$$),
  ('commitments', 'select', 'in 92', $$select count(*) from public.commitments where id = {c92}$$),
  ('commitments', 'select', 'national', $$select count(*) from public.commitments where id = {c_nat}$$),
  ('commitments', 'insert', 'in 91', $$insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on) values ({a91}, 'Nuevo', {gore_91}, 'territorio', '2026-06-30')$$),
  ('commitments', 'insert', 'in 92', $$insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on) values ({a92}, 'Nuevo', {gore_92}, 'territorio', '2026-06-30')$$),
  ('commitments', 'insert', 'national', $$insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on) values ({a_nat}, 'Nuevo', {dgop}, 'territorio', '2026-06-30')$$),
  ('commitments', 'update progress', 'in 91', $$update public.commitments set progress = 40, status = 'in_progress' where id = {c91}$$),
  ('commitments', 'update progress', 'in 92', $$update public.commitments set progress = 40, status = 'in_progress' where id = {c92}$$),
  ('commitments', 'update progress', 'national', $$update public.commitments set progress = 40, status = 'in_progress' where id = {c_nat}$$),
  ('commitments', 'update other columns', 'in 91', $$update public.commitments set title = 'Otro título', due_on = '2027-01-31' where id = {c91}$$),
  ('commitments', 'update other columns', 'in 92', $$update public.commitments set title = 'Otro título', due_on = '2027-01-31' where id = {c92}$$),
  ('commitments', 'update other columns', 'national', $$update public.commitments set title = 'Otro título', due_on = '2027-01-31' where id = {c_nat}$$),
  ('commitments', 'update into another region', 'from 91 to national', $$update public.commitments set agreement_id = {a_nat} where id = {c91}$$),
  ('commitments', 'delete', 'in 91', $$delete from public.commitments where id = {c91}$$),
  ('commitments', 'delete', 'in 92', $$delete from public.commitments where id = {c92}$$),
  ('commitments_with_status', 'select', 'in 91', $$select count(*) from public.commitments_with_status where id = {c91}$$),
  ('commitments_with_status', 'select', 'in 92', $$select count(*) from public.commitments_with_status where id = {c92}$$),
  ('commitments_with_status', 'select', 'national', $$select count(*) from public.commitments_with_status where id = {c_nat}$$),
  ('commitment_communes', 'select', 'in 91', $$select count(*) from public.commitment_communes where commitment_id = {c91}$$),
  ('commitment_communes', 'select', 'in 92', $$select count(*) from public.commitment_communes where commitment_id = {c92}$$),
  ('commitment_communes', 'insert', 'in 91', $$insert into public.commitment_communes (commitment_id, commune_code) values ({c91}, '91102')$$),
  ('commitment_communes', 'insert', 'in 92', $$insert into public.commitment_communes (commitment_id, commune_code) values ({c92}, '92102')$$),
  ('commitment_communes', 'update', 'in 91', $$update public.commitment_communes set commune_code = '91102' where commitment_id = {c91}$$),
  ('commitment_communes', 'update', 'in 92', $$update public.commitment_communes set commune_code = '92102' where commitment_id = {c92}$$),
  ('commitment_communes', 'delete', 'in 91', $$delete from public.commitment_communes where commitment_id = {c91}$$),
  ('commitment_communes', 'delete', 'in 92', $$delete from public.commitment_communes where commitment_id = {c92}$$),
  ('commitment_projects', 'select', 'in 91', $$select count(*) from public.commitment_projects where commitment_id = {c91}$$),
  ('commitment_projects', 'select', 'in 92', $$select count(*) from public.commitment_projects where commitment_id = {c92}$$),
  ('commitment_projects', 'insert', 'in 91', $$insert into public.commitment_projects (commitment_id, project_id) values ({c91}, {p91b})$$),
  ('commitment_projects', 'insert', 'in 92', $$insert into public.commitment_projects (commitment_id, project_id) values ({c92}, {p92b})$$),
  ('commitment_projects', 'update', 'in 91', $$update public.commitment_projects set project_id = project_id where commitment_id = {c91}$$),
  ('commitment_projects', 'update', 'in 92', $$update public.commitment_projects set project_id = project_id where commitment_id = {c92}$$),
  ('commitment_projects', 'delete', 'in 91', $$delete from public.commitment_projects where commitment_id = {c91}$$),
  ('commitment_projects', 'delete', 'in 92', $$delete from public.commitment_projects where commitment_id = {c92}$$),
  ('commitment_progress', 'select', 'in 91', $$select count(progress) from public.commitment_progress where commitment_id = {c91}$$),
  ('commitment_progress', 'select', 'in 92', $$select count(progress) from public.commitment_progress where commitment_id = {c92}$$),
  ('commitment_progress', 'select', 'national', $$select count(progress) from public.commitment_progress where commitment_id = {c_nat}$$),
  ('commitment_progress', 'select note', 'in 91', $$select count(note) + count(*) from public.commitment_progress where commitment_id = {c91}$$),
  ('commitment_progress', 'select note', 'in 92', $$select count(note) + count(*) from public.commitment_progress where commitment_id = {c92}$$),
  ('commitment_progress', 'select note', 'national', $$select count(note) + count(*) from public.commitment_progress where commitment_id = {c_nat}$$),
  ('commitment_progress', 'insert', 'in 91', $$insert into public.commitment_progress (commitment_id, progress, status) values ({c91}, 90, 'in_progress')$$),
  ('commitment_progress', 'update', 'in 91', $$update public.commitment_progress set progress = 90 where commitment_id = {c91}$$),
  ('commitment_progress', 'delete', 'in 91', $$delete from public.commitment_progress where commitment_id = {c91}$$),
  -- information flows
  ('information_flows', 'select', 'in 91', $$select count(*) from public.information_flows where id = {f91}$$),
  ('information_flows', 'select', 'in 92', $$select count(*) from public.information_flows where id = {f92}$$),
  ('information_flows', 'select', 'national', $$select count(*) from public.information_flows where id = {f_nat}$$),
  ('information_flows', 'insert', 'in 91', $$insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values ('91', 'Nuevo', {dgop}, 'email', 'once')$$),
  ('information_flows', 'insert', 'in 92', $$insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values ('92', 'Nuevo', {dgop}, 'email', 'once')$$),
  ('information_flows', 'insert', 'national', $$insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values (null, 'Nuevo', {dgop}, 'email', 'once')$$),
  ('information_flows', 'update', 'in 91', $$update public.information_flows set information = information where id = {f91}$$),
  ('information_flows', 'update', 'in 92', $$update public.information_flows set information = information where id = {f92}$$),
  ('information_flows', 'update', 'national', $$update public.information_flows set information = information where id = {f_nat}$$),
  ('information_flows', 'update into another region', 'from 91 to 92', $$update public.information_flows set region_code = '92' where id = {f91}$$),
  ('information_flows', 'delete', 'in 91', $$delete from public.information_flows where id = {f91}$$),
  ('information_flows', 'delete', 'in 92', $$delete from public.information_flows where id = {f92}$$),
  ('information_flow_recipients', 'select', 'in 91', $$select count(*) from public.information_flow_recipients where flow_id = {f91}$$),
  ('information_flow_recipients', 'select', 'in 92', $$select count(*) from public.information_flow_recipients where flow_id = {f92}$$),
  ('information_flow_recipients', 'select', 'national', $$select count(*) from public.information_flow_recipients where flow_id = {f_nat}$$),
  ('information_flow_recipients', 'insert', 'in 91', $$insert into public.information_flow_recipients (flow_id, institution_id) values ({f91}, {dgop})$$),
  ('information_flow_recipients', 'insert', 'in 92', $$insert into public.information_flow_recipients (flow_id, institution_id) values ({f92}, {dgop})$$),
  ('information_flow_recipients', 'update', 'in 91', $$update public.information_flow_recipients set institution_id = institution_id where flow_id = {f91}$$),
  ('information_flow_recipients', 'update', 'in 92', $$update public.information_flow_recipients set institution_id = institution_id where flow_id = {f92}$$),
  ('information_flow_recipients', 'delete', 'in 91', $$delete from public.information_flow_recipients where flow_id = {f91} and institution_id = {muni_91101}$$),
  ('information_flow_recipients', 'delete', 'in 92', $$delete from public.information_flow_recipients where flow_id = {f92}$$),
  -- publications
  ('publications', 'select', 'draft in 91', $$select count(*) from public.publications where id = {pub91_draft}$$),
  ('publications', 'select', 'scheduled in 91, not yet due', $$select count(*) from public.publications where id = {pub91_scheduled}$$),
  ('publications', 'select', 'published in 91', $$select count(*) from public.publications where id = {pub91_published}$$),
  ('publications', 'select', 'draft in 92', $$select count(*) from public.publications where id = {pub92_draft}$$),
  ('publications', 'select', 'published in 92', $$select count(*) from public.publications where id = {pub92_published}$$),
  ('publications', 'select', 'national, published', $$select count(*) from public.publications where id = {pubnat_published}$$),
  ('publications', 'select', 'national, draft', $$select count(*) from public.publications where id = {pubnat_draft}$$),
  ('publications', 'insert', 'in 91', $$insert into public.publications (region_code, title, kind) values ('91', 'Nueva', 'report')$$),
  ('publications', 'insert', 'in 91, in another author''s name', $$insert into public.publications (region_code, title, kind, author_id) values ('91', 'Nueva', 'report', {u_admin})$$),
  ('publications', 'insert', 'in 92', $$insert into public.publications (region_code, title, kind) values ('92', 'Nueva', 'report')$$),
  ('publications', 'insert', 'national', $$insert into public.publications (region_code, title, kind) values (null, 'Nueva', 'report')$$),
  ('publications', 'update', 'draft in 91', $$update public.publications set status = 'published', published_at = now() where id = {pub91_draft}$$),
  ('publications', 'update', 'published in 91', $$update public.publications set status = 'archived' where id = {pub91_published}$$),
  ('publications', 'update', 'published in 92', $$update public.publications set status = 'archived' where id = {pub92_published}$$),
  ('publications', 'update', 'national, published', $$update public.publications set status = 'archived' where id = {pubnat_published}$$),
  ('publications', 'update into another region', 'from 91 to 92', $$update public.publications set region_code = '92' where id = {pub91_draft}$$),
  ('publications', 'delete', 'draft in 91', $$delete from public.publications where id = {pub91_draft}$$),
  ('publications', 'delete', 'published in 91', $$delete from public.publications where id = {pub91_published}$$),
  ('publications', 'delete', 'draft in 92', $$delete from public.publications where id = {pub92_draft}$$),
  -- deliveries of flows (a view: read only)
  ('flow_deliveries', 'select', 'draft in 91', $$select count(*) from public.flow_deliveries where publication_id = {pub91_delivery_draft}$$),
  ('flow_deliveries', 'select', 'published in 91', $$select count(*) from public.flow_deliveries where publication_id = {pub91_published}$$),
  ('flow_deliveries', 'select', 'published in 92', $$select count(*) from public.flow_deliveries where publication_id = {pub92_published}$$),
  ('flow_deliveries', 'select', 'national', $$select count(*) from public.flow_deliveries where publication_id = {pubnat_delivery}$$)
;

-- The three link tables of a publication share one shape.
insert into tests.probes (tbl, op, target, template)
select link.tbl, probe.op, probe.target, replace(replace(probe.template, '%t', link.tbl), '%c', link.col)
from (values
  ('publication_communes', 'commune_code', $$'91102'$$),
  ('publication_projects', 'project_id', '{p92}'),
  ('publication_commitments', 'commitment_id', '{c92}')
) as link (tbl, col, other)
cross join lateral (values
  ('select', 'of a draft in 91', $$select count(*) from public.%t where publication_id = {pub91_draft}$$),
  ('select', 'of a publication in 91', $$select count(*) from public.%t where publication_id = {pub91_published}$$),
  ('select', 'of a publication in 92', $$select count(*) from public.%t where publication_id = {pub92_published}$$),
  ('insert', 'to a draft in 91', $$insert into public.%t (publication_id, %c) values ({pub91_draft}, $$ || link.other || ')'),
  ('insert', 'to a draft in 92', $$insert into public.%t (publication_id, %c) values ({pub92_draft}, $$ || link.other || ')'),
  ('update', 'of a draft in 91', $$update public.%t set %c = %c where publication_id = {pub91_draft}$$),
  ('update', 'of a publication in 92', $$update public.%t set %c = %c where publication_id = {pub92_published}$$),
  ('delete', 'of a draft in 91', $$delete from public.%t where publication_id = {pub91_draft}$$),
  ('delete', 'of a publication in 92', $$delete from public.%t where publication_id = {pub92_published}$$)
) as probe (op, target, template);

-- ── publishing (issue 9, area publishing): versions and the readers' view ──────────────────────
insert into tests.probes (tbl, op, target, template) values
  ('publication_versions', 'select', 'of a draft in 91', $$select count(*) from public.publication_versions where publication_id = {pub91_draft}$$),
  ('publication_versions', 'select', 'of a publication in 92', $$select count(*) from public.publication_versions where publication_id = {pub92_published}$$),
  ('publication_versions', 'insert', 'a forged version in 91', $$insert into public.publication_versions (publication_id, version, title, kind, status) values ({pub91_draft}, 99, 'Falsa', 'report', 'draft')$$),
  ('publication_versions', 'update', 'of a draft in 91', $$update public.publication_versions set title = 'Otra' where publication_id = {pub91_draft}$$),
  ('publication_versions', 'delete', 'of a draft in 91', $$delete from public.publication_versions where publication_id = {pub91_draft}$$),
  ('public_publications', 'select', 'published in 91', $$select count(*) from public.public_publications where id = {pub91_published}$$),
  ('public_publications', 'select', 'published in 92', $$select count(*) from public.public_publications where id = {pub92_published}$$);
-- Nobody, the owner included, lists what is not public yet through the readers' view.
insert into tests.probes (tbl, op, target, template, owner_can) values
  ('public_publications', 'select', 'draft in 91', $$select count(*) from public.public_publications where id = {pub91_draft}$$, false),
  ('public_publications', 'select', 'scheduled in 91, not yet due', $$select count(*) from public.public_publications where id = {pub91_scheduled}$$, false);
-- A regional publication links only comunas of its region: the probe into 92 names one of 92.
update tests.probes set template = replace(template, '''91102''', '''92102''')
where tbl = 'publication_communes' and target = 'to a draft in 92';
-- ── end publishing ─────────────────────────────────────────────────────────────────────────────

insert into tests.probes (tbl, op, target, template) values
  -- acknowledgements
  ('acknowledgements', 'select', 'by GORE 91', $$select count(*) from public.acknowledgements where id = {ack91}$$),
  ('acknowledgements', 'select', 'by GORE 92', $$select count(*) from public.acknowledgements where id = {ack92}$$),
  ('acknowledgements', 'insert', 'for GORE 91, addressed to it', $$insert into public.acknowledgements (publication_id, institution_id) values ({pub91_published}, {gore_91})$$),
  ('acknowledgements', 'insert', 'for another institution', $$insert into public.acknowledgements (publication_id, institution_id) values ({pub91_published}, {muni_91101})$$),
  ('acknowledgements', 'update', 'by GORE 91', $$update public.acknowledgements set acknowledged_at = acknowledged_at where id = {ack91}$$),
  ('acknowledgements', 'delete', 'by GORE 91', $$delete from public.acknowledgements where id = {ack91}$$),
  -- PMG
  -- ── pmg (area pmg): the evaluation workflow, draft → submitted → final ──
  ('pmg_evaluations', 'select', 'final in 91', $$select count(*) from public.pmg_evaluations where id = {pmg91_final}$$),
  ('pmg_evaluations', 'select', 'draft in 91', $$select count(*) from public.pmg_evaluations where id = {pmg91_draft}$$),
  ('pmg_evaluations', 'select', 'submitted in 91', $$select count(*) from public.pmg_evaluations where id = {pmg91_submitted}$$),
  ('pmg_evaluations', 'select', 'final in 92', $$select count(*) from public.pmg_evaluations where id = {pmg92_final}$$),
  ('pmg_evaluations', 'select', 'draft in 92', $$select count(*) from public.pmg_evaluations where id = {pmg92_draft}$$),
  ('pmg_evaluations', 'select', 'national, final', $$select count(*) from public.pmg_evaluations where id = {pmgnat_final}$$),
  ('pmg_evaluations', 'insert', 'draft in 91', $$insert into public.pmg_evaluations (institution_id, year, requirement_code) values ({gore_91}, 2098, '1.1')$$),
  ('pmg_evaluations', 'insert', 'draft of a national institution in 91', $$insert into public.pmg_evaluations (institution_id, year, requirement_code, region_code) values ({dgop}, 2098, '1.1', '91')$$),
  ('pmg_evaluations', 'insert', 'draft in 92', $$insert into public.pmg_evaluations (institution_id, year, requirement_code) values ({gore_92}, 2098, '1.1')$$),
  ('pmg_evaluations', 'insert', 'submitted in 91', $$insert into public.pmg_evaluations (institution_id, year, requirement_code, status) values ({gore_91}, 2098, '1.1', 'submitted')$$),
  ('pmg_evaluations', 'update', 'draft in 91', $$update public.pmg_evaluations set recommendations = 'Más' where id = {pmg91_draft}$$),
  ('pmg_evaluations', 'update', 'submitted in 91', $$update public.pmg_evaluations set recommendations = 'Más' where id = {pmg91_submitted}$$),
  ('pmg_evaluations', 'update', 'draft in 92', $$update public.pmg_evaluations set recommendations = 'Más' where id = {pmg92_draft}$$),
  ('pmg_evaluations', 'update', 'final in 91', $$update public.pmg_evaluations set recommendations = 'Más' where id = {pmg91_final}$$),
  ('pmg_evaluations', 'update', 'final in 92', $$update public.pmg_evaluations set recommendations = 'Más' where id = {pmg92_final}$$),
  ('pmg_evaluations', 'submit', 'draft in 91', $$update public.pmg_evaluations set status = 'submitted' where id = {pmg91_draft}$$),
  ('pmg_evaluations', 'submit', 'draft in 92', $$update public.pmg_evaluations set status = 'submitted' where id = {pmg92_draft}$$),
  ('pmg_evaluations', 'finalise', 'draft in 91', $$update public.pmg_evaluations set status = 'final' where id = {pmg91_draft}$$),
  ('pmg_evaluations', 'finalise', 'submitted in 91', $$update public.pmg_evaluations set status = 'final' where id = {pmg91_submitted}$$),
  ('pmg_evaluations', 'delete', 'draft in 91', $$delete from public.pmg_evaluations where id = {pmg91_draft}$$),
  ('pmg_evaluations', 'delete', 'submitted in 91', $$delete from public.pmg_evaluations where id = {pmg91_submitted}$$),
  ('pmg_evaluations', 'delete', 'final in 91', $$delete from public.pmg_evaluations where id = {pmg91_final}$$),
  -- ── end pmg ──
  -- audit trail
  ('audit_log', 'select', 'an entry', $$select count(*) from public.audit_log where table_name = 'projects' and record_id = {p91}::text$$),
  ('audit_log', 'insert', 'a forged entry', $$insert into public.audit_log (table_name, record_id, action, actor_role) values ('projects', '1', 'DELETE', 'authenticated')$$);
insert into tests.probes (tbl, op, target, template) values
  ('project_progress', 'select', 'of a project in 91', $$select count(*) from public.project_progress where project_id = {p91}$$),
  ('project_progress', 'select', 'of a project in 92', $$select count(*) from public.project_progress where project_id = {p92}$$),
  ('project_progress', 'insert', 'to a project in 91', $$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp) values ({p91}, '2026-02-28', 10, 2000)$$),
  ('project_progress', 'insert', 'to a project in 92', $$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp) values ({p92}, '2026-02-28', 10, 2000)$$),
  ('project_progress', 'update', 'of a project in 91', $$update public.project_progress set note = 'Corregido' where project_id = {p91}$$),
  ('project_progress', 'update', 'of a project in 92', $$update public.project_progress set note = 'Corregido' where project_id = {p92}$$),
  ('project_progress', 'delete', 'of a project in 91', $$delete from public.project_progress where project_id = {p91}$$),
  ('project_progress', 'delete', 'of a project in 92', $$delete from public.project_progress where project_id = {p92}$$),
  ('project_progress_latest', 'select', 'of a project in 91', $$select count(*) from public.project_progress_latest where project_id = {p91}$$),
  ('project_progress_latest', 'select', 'of a project in 92', $$select count(*) from public.project_progress_latest where project_id = {p92}$$),
  ('project_progress_latest', 'insert', 'to a project in 91', $$insert into public.project_progress_latest (project_id, reported_on, physical_progress, spent_clp) values ({p91}, '2026-03-31', 20, 3000) on conflict (project_id) do update set spent_clp = excluded.spent_clp$$),
  ('project_progress_latest', 'update', 'of a project in 91', $$update public.project_progress_latest set spent_clp = 0 where project_id = {p91}$$),
  ('project_progress_latest', 'delete', 'of a project in 91', $$delete from public.project_progress_latest where project_id = {p91}$$);
-- ── area exchange (issue 11 §3): data-quality flags, read-only views over public data ──────────
-- The fixture projects have no BIP code (missing_bip) and the national commitment has neither
-- project nor comuna (commitment_unlocated), so each probe has a row to see.
insert into tests.probes (tbl, op, target, template) values
  ('project_quality_flags', 'select', 'of a project in 91', $$select count(*) from public.project_quality_flags where project_id = {p91}$$),
  ('project_quality_flags', 'select', 'of a project in 92', $$select count(*) from public.project_quality_flags where project_id = {p92}$$),
  ('commitment_quality_flags', 'select', 'national', $$select count(*) from public.commitment_quality_flags where commitment_id = {c_nat}$$);
-- ── end of area exchange probes ──────────────────────────────────────────────────────────────
insert into tests.probes (tbl, op, target, template, owner_can) values
  ('audit_log', 'update', 'an entry', $$update public.audit_log set action = 'DELETE' where table_name = 'projects'$$, false),
  ('audit_log', 'delete', 'an entry', $$delete from public.audit_log where table_name = 'projects'$$, false);
insert into tests.probes (tbl, op, target, template) values
  -- area import
  ('import_mappings', 'select', 'own, shared with 91', $$select count(*) from public.import_mappings where id = {map91}$$),
  ('import_mappings', 'select', 'an admin''s', $$select count(*) from public.import_mappings where id = {map_admin}$$),
  ('import_mappings', 'select', 'shared with 92', $$select count(*) from public.import_mappings where id = {map92}$$),
  ('import_mappings', 'insert', 'own', $$insert into public.import_mappings (name, mapping) values ('Nuevas columnas', '{}')$$),
  ('import_mappings', 'insert', 'shared with 92', $$insert into public.import_mappings (name, region_code, mapping) values ('Nuevas columnas', '92', '{}')$$),
  ('import_mappings', 'update', 'own, shared with 91', $$update public.import_mappings set name = name where id = {map91}$$),
  ('import_mappings', 'update', 'shared with 92', $$update public.import_mappings set name = name where id = {map92}$$),
  ('import_mappings', 'delete', 'own, shared with 91', $$delete from public.import_mappings where id = {map91}$$),
  ('import_mappings', 'delete', 'shared with 92', $$delete from public.import_mappings where id = {map92}$$);
  -- end area import
-- ── pmg (area pmg): Regional Council sessions ──
insert into tests.probes (tbl, op, target, template) values
  ('council_sessions', 'select', 'in 91', $$select count(*) from public.council_sessions where id = {session91}$$),
  ('council_sessions', 'select', 'in 92', $$select count(*) from public.council_sessions where id = {session92}$$),
  ('council_sessions', 'insert', 'in 91', $$insert into public.council_sessions (region_code, held_on, kind, place) values ('91', '2026-11-02', 'extraordinary', 'Sala')$$),
  ('council_sessions', 'insert', 'in 92', $$insert into public.council_sessions (region_code, held_on, kind, place) values ('92', '2026-11-02', 'extraordinary', 'Sala')$$),
  ('council_sessions', 'update', 'in 91', $$update public.council_sessions set notes = 'Acuerdos' where id = {session91}$$),
  ('council_sessions', 'update', 'in 92', $$update public.council_sessions set notes = 'Acuerdos' where id = {session92}$$),
  ('council_sessions', 'delete', 'in 91', $$delete from public.council_sessions where id = {session91}$$),
  ('council_sessions', 'delete', 'in 92', $$delete from public.council_sessions where id = {session92}$$);
-- ── end pmg council sessions ──

-- ── Area flows (issue 9 §2–4): contacts, e-mail outbox, inbox, follows, digest settings ───────
insert into public.contacts (institution_id, name, email) values
  (tests.id('gore_91'), 'Ana de Prueba Norte', 'ana@gore91.invalid'),
  (tests.id('gore_92'), 'Beto de Prueba Sur', 'beto@gore92.invalid');
insert into public.email_outbox (publication_id, institution_id, to_address) values
  (tests.id('pub91_published'), tests.id('gore_91'), 'ana@gore91.invalid'),
  (tests.id('pub92_published'), tests.id('gore_92'), 'beto@gore92.invalid');
insert into public.follows (user_id, kind, region_code)
select tests.user_id(u), 'region', '91' from unnest(array['admin', 'planner', 'gore', 'secretariat', 'nomember', 'gore92']) u;
insert into public.digest_settings (user_id, frequency)
select tests.user_id(u), 'weekly' from unnest(array['admin', 'planner', 'gore', 'secretariat', 'nomember', 'gore92']) u;
insert into tests.ids (name, literal)
select name, quote_literal(id) from (values
  ('ct91', (select id from public.contacts where email = 'ana@gore91.invalid')),
  ('ct92', (select id from public.contacts where email = 'beto@gore92.invalid')),
  ('eo91', (select id from public.email_outbox where to_address = 'ana@gore91.invalid')),
  ('eo92', (select id from public.email_outbox where to_address = 'beto@gore92.invalid'))
) as v (name, id);

insert into tests.probes (tbl, op, target, template) values
  ('contacts', 'select', 'of GORE 91', $$select count(*) from public.contacts where id = {ct91}$$),
  ('contacts', 'select', 'of GORE 92', $$select count(*) from public.contacts where id = {ct92}$$),
  ('contacts', 'insert', 'for GORE 91', $$insert into public.contacts (institution_id, name, email) values ({gore_91}, 'Nueva', 'nueva@gore91.invalid')$$),
  ('contacts', 'insert', 'for GORE 92', $$insert into public.contacts (institution_id, name, email) values ({gore_92}, 'Nueva', 'nueva@gore92.invalid')$$),
  ('contacts', 'update', 'of GORE 91', $$update public.contacts set name = name where id = {ct91}$$),
  ('contacts', 'update', 'of GORE 92', $$update public.contacts set name = name where id = {ct92}$$),
  ('contacts', 'delete', 'of GORE 91', $$delete from public.contacts where id = {ct91}$$),
  ('contacts', 'delete', 'of GORE 92', $$delete from public.contacts where id = {ct92}$$),
  ('email_outbox', 'select', 'in 91', $$select count(*) from public.email_outbox where id = {eo91}$$),
  ('email_outbox', 'select', 'in 92', $$select count(*) from public.email_outbox where id = {eo92}$$),
  ('email_outbox', 'insert', 'in 91', $$insert into public.email_outbox (publication_id, institution_id, to_address) values ({pub91_acked}, {gore_91}, 'otra@gore91.invalid')$$),
  ('email_outbox', 'update', 'in 91', $$update public.email_outbox set attempts = attempts where id = {eo91}$$),
  ('email_outbox', 'delete', 'in 91', $$delete from public.email_outbox where id = {eo91}$$),
  ('follows', 'select', 'own', $$select count(*) from public.follows where user_id = (select auth.uid())$$),
  ('follows', 'select', 'of another user', $$select count(*) from public.follows where user_id = {u_gore92}$$),
  ('follows', 'insert', 'own', $$insert into public.follows (kind, region_code) values ('region', '92')$$),
  ('follows', 'update', 'own', $$update public.follows set region_code = region_code where user_id = (select auth.uid())$$),
  ('follows', 'update', 'of another user', $$update public.follows set region_code = region_code where user_id = {u_gore92}$$),
  ('follows', 'delete', 'own', $$delete from public.follows where user_id = (select auth.uid())$$),
  ('follows', 'delete', 'of another user', $$delete from public.follows where user_id = {u_gore92}$$),
  ('digest_settings', 'select', 'own', $$select count(*) from public.digest_settings where user_id = (select auth.uid())$$),
  ('digest_settings', 'select', 'of another user', $$select count(*) from public.digest_settings where user_id = {u_gore92}$$),
  ('digest_settings', 'insert', 'own', $$insert into public.digest_settings (frequency) values ('daily') on conflict (user_id) do update set frequency = excluded.frequency$$),
  ('digest_settings', 'update', 'own', $$update public.digest_settings set frequency = 'daily' where user_id = (select auth.uid())$$),
  ('digest_settings', 'update', 'of another user', $$update public.digest_settings set frequency = 'daily' where user_id = {u_gore92}$$),
  ('digest_settings', 'delete', 'own', $$delete from public.digest_settings where user_id = (select auth.uid())$$),
  ('digest_settings', 'delete', 'of another user', $$delete from public.digest_settings where user_id = {u_gore92}$$);
-- The inbox is keyed on the caller's institution; the owner's session carries the admin's JWT,
-- and an administrator acts for no institution, so nobody but a recipient sees a row.
insert into tests.probes (tbl, op, target, template, owner_can) values
  ('inbox', 'select', 'addressed to GORE 91', $$select count(*) from public.inbox where publication_id = {pub91_published}$$, false),
  ('inbox', 'select', 'addressed to GORE 92', $$select count(*) from public.inbox where publication_id = {pub92_published}$$, false);
-- ── end of area flows ─────────────────────────────────────────────────────────────────────────

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
-- Columns: anon (no JWT), nomember (signed in, no membership), planner, gore (region 91, its GORE),
-- secretariat (region 91), admin. '{*}' = every target probed; '{}' = none. One row per row of
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

  ('projects', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('projects', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('projects', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('projects', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('project_themes', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('project_themes', 'insert', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('project_themes', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('project_themes', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  ('project_progress', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('project_progress', 'insert', '{}', '{}', '{}', '{}', '{"to a project in 91"}', '{*}'),
  ('project_progress', 'update', '{}', '{}', '{}', '{}', '{"of a project in 91"}', '{*}'),
  ('project_progress', 'delete', '{}', '{}', '{}', '{}', '{"of a project in 91"}', '{*}'),
  ('project_progress_latest', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('project_progress_latest', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_progress_latest', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_progress_latest', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_communes', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('project_communes', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_communes', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('project_communes', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('agreements', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('agreements', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('agreements', 'update', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('agreements', 'update into another region', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('agreements', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),

  ('agreement_parties', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('agreement_parties', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('agreement_parties', 'update', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('agreement_parties', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),

  ('agreement_communes', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('agreement_communes', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('agreement_communes', 'update', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('agreement_communes', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),

  ('commitments', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('commitments', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('commitments', 'update progress', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('commitments', 'update other columns', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('commitments', 'update into another region', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('commitments', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),

  ('commitments_with_status', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),

  ('commitment_progress', 'select', '{*}', '{}', '{*}', '{"in 91",national}', '{"in 91",national}', '{*}'),
  ('commitment_progress', 'select note', '{}', '{}', '{*}', '{"in 91",national}', '{"in 91",national}', '{*}'),
  ('commitment_progress', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('commitment_progress', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('commitment_progress', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('commitment_communes', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('commitment_communes', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('commitment_communes', 'update', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('commitment_communes', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),

  ('commitment_projects', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('commitment_projects', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('commitment_projects', 'update', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('commitment_projects', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),

  ('information_flows', 'select', '{}', '{}', '{*}', '{"in 91",national}', '{"in 91",national}', '{*}'),
  ('information_flows', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('information_flows', 'update', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('information_flows', 'update into another region', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('information_flows', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),

  ('information_flow_recipients', 'select', '{}', '{}', '{*}', '{"in 91",national}', '{"in 91",national}', '{*}'),
  ('information_flow_recipients', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('information_flow_recipients', 'update', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('information_flow_recipients', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),

  ('publications', 'select', '{"published in 91","published in 92","national, published"}', '{"published in 91","published in 92","national, published"}', '{"scheduled in 91, not yet due","published in 91","published in 92","national, published"}', '{"scheduled in 91, not yet due","published in 91","published in 92","national, published"}', '{"draft in 91","scheduled in 91, not yet due","published in 91","published in 92","national, published"}', '{*}'),
  ('publications', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('publications', 'update', '{}', '{}', '{}', '{}', '{"draft in 91","published in 91"}', '{*}'),
  ('publications', 'update into another region', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('publications', 'delete', '{}', '{}', '{}', '{}', '{"draft in 91"}', '{*}'),

  ('flow_deliveries', 'select', '{}', '{}', '{"published in 91","published in 92",national}', '{"published in 91",national}', '{"draft in 91","published in 91",national}', '{*}'),

  ('publication_communes', 'select', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{*}', '{*}'),
  ('publication_communes', 'insert', '{}', '{}', '{}', '{}', '{"to a draft in 91"}', '{*}'),
  ('publication_communes', 'update', '{}', '{}', '{}', '{}', '{"of a draft in 91"}', '{*}'),
  ('publication_communes', 'delete', '{}', '{}', '{}', '{}', '{"of a draft in 91"}', '{*}'),

  ('publication_projects', 'select', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{*}', '{*}'),
  ('publication_projects', 'insert', '{}', '{}', '{}', '{}', '{"to a draft in 91"}', '{*}'),
  ('publication_projects', 'update', '{}', '{}', '{}', '{}', '{"of a draft in 91"}', '{*}'),
  ('publication_projects', 'delete', '{}', '{}', '{}', '{}', '{"of a draft in 91"}', '{*}'),

  ('publication_commitments', 'select', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{"of a publication in 91","of a publication in 92"}', '{*}', '{*}'),
  ('publication_commitments', 'insert', '{}', '{}', '{}', '{}', '{"to a draft in 91"}', '{*}'),
  ('publication_commitments', 'update', '{}', '{}', '{}', '{}', '{"of a draft in 91"}', '{*}'),
  ('publication_commitments', 'delete', '{}', '{}', '{}', '{}', '{"of a draft in 91"}', '{*}'),

  -- publishing (issue 9, area publishing)
  ('publication_versions', 'select', '{}', '{}', '{}', '{}', '{"of a draft in 91"}', '{*}'),
  ('publication_versions', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('publication_versions', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('publication_versions', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('public_publications', 'select', '{"published in 91","published in 92"}', '{"published in 91","published in 92"}', '{"published in 91","published in 92"}', '{"published in 91","published in 92"}', '{"published in 91","published in 92"}', '{"published in 91","published in 92"}'),
  -- end publishing

  ('acknowledgements', 'select', '{}', '{}', '{*}', '{"by GORE 91"}', '{"by GORE 91"}', '{*}'),
  ('acknowledgements', 'insert', '{}', '{}', '{}', '{"for GORE 91, addressed to it"}', '{}', '{*}'),
  ('acknowledgements', 'update', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('acknowledgements', 'delete', '{}', '{}', '{}', '{}', '{}', '{*}'),

  -- ── pmg (area pmg) ──
  ('pmg_evaluations', 'select', '{}', '{}', '{"final in 91","submitted in 91","final in 92","national, final"}', '{"final in 91","submitted in 91"}', '{"final in 91","draft in 91","submitted in 91"}', '{*}'),
  ('pmg_evaluations', 'insert', '{}', '{}', '{}', '{}', '{"draft in 91","draft of a national institution in 91"}', '{*}'),
  ('pmg_evaluations', 'update', '{}', '{}', '{}', '{}', '{"draft in 91"}', '{"draft in 91","submitted in 91","draft in 92"}'),
  ('pmg_evaluations', 'submit', '{}', '{}', '{}', '{}', '{"draft in 91"}', '{*}'),
  ('pmg_evaluations', 'finalise', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('pmg_evaluations', 'delete', '{}', '{}', '{}', '{}', '{"draft in 91"}', '{"draft in 91","submitted in 91"}'),
  -- ── end pmg ──

  -- area exchange (issue 11 §3): flags are as public as the projects and commitments they describe
  ('project_quality_flags', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  ('commitment_quality_flags', 'select', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}'),
  -- end of area exchange cells
  -- ── Area flows ──
  ('contacts', 'select', '{}', '{}', '{}', '{"of GORE 91"}', '{"of GORE 91"}', '{*}'),
  ('contacts', 'insert', '{}', '{}', '{}', '{}', '{"for GORE 91"}', '{*}'),
  ('contacts', 'update', '{}', '{}', '{}', '{}', '{"of GORE 91"}', '{*}'),
  ('contacts', 'delete', '{}', '{}', '{}', '{}', '{"of GORE 91"}', '{*}'),

  ('email_outbox', 'select', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('email_outbox', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('email_outbox', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('email_outbox', 'delete', '{}', '{}', '{}', '{}', '{}', '{}'),

  ('inbox', 'select', '{}', '{}', '{}', '{"addressed to GORE 91"}', '{}', '{}'),

  ('follows', 'select', '{}', '{own}', '{own}', '{own}', '{own}', '{own}'),
  ('follows', 'insert', '{}', '{own}', '{own}', '{own}', '{own}', '{own}'),
  ('follows', 'update', '{}', '{own}', '{own}', '{own}', '{own}', '{own}'),
  ('follows', 'delete', '{}', '{own}', '{own}', '{own}', '{own}', '{own}'),

  ('digest_settings', 'select', '{}', '{own}', '{own}', '{own}', '{own}', '{own}'),
  ('digest_settings', 'insert', '{}', '{own}', '{own}', '{own}', '{own}', '{own}'),
  ('digest_settings', 'update', '{}', '{own}', '{own}', '{own}', '{own}', '{own}'),
  ('digest_settings', 'delete', '{}', '{own}', '{own}', '{own}', '{own}', '{own}'),

  ('audit_log', 'select', '{}', '{}', '{}', '{}', '{}', '{*}'),
  ('audit_log', 'insert', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('audit_log', 'update', '{}', '{}', '{}', '{}', '{}', '{}'),
  ('audit_log', 'delete', '{}', '{}', '{}', '{}', '{}', '{}');
insert into tests.matrix (tbl, op, anon, nomember, planner, gore, secretariat, admin) values
  -- area import
  ('import_mappings', 'select', '{}', '{}', '{}', '{}', '{"own, shared with 91"}', '{*}'),
  ('import_mappings', 'insert', '{}', '{}', '{}', '{}', '{own}', '{*}'),
  ('import_mappings', 'update', '{}', '{}', '{}', '{}', '{"own, shared with 91"}', '{*}'),
  ('import_mappings', 'delete', '{}', '{}', '{}', '{}', '{"own, shared with 91"}', '{*}');
  -- end area import
-- ── pmg (area pmg): Regional Council sessions ──
insert into tests.matrix (tbl, op, anon, nomember, planner, gore, secretariat, admin) values
  ('council_sessions', 'select', '{}', '{}', '{}', '{"in 91"}', '{"in 91"}', '{*}'),
  ('council_sessions', 'insert', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('council_sessions', 'update', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}'),
  ('council_sessions', 'delete', '{}', '{}', '{}', '{}', '{"in 91"}', '{*}');
-- ── end pmg council sessions ──

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
  tests.outcome('owner', p.statement, p.op like 'select%'),
  case when p.owner_can then 'allowed' else 'refused' end,
  format('owner: %s %s (%s) %s', p.op, p.tbl, p.target, case when p.owner_can then 'works' else 'is refused' end)
)
from tests.probes p
order by p.tbl, p.op, p.target;

select is(
  tests.outcome(c.role, p.statement, p.op like 'select%'),
  case when p.target = any (c.allowed) or '*' = any (c.allowed) then 'allowed' else 'refused' end,
  format('%s: %s %s (%s)', c.role, p.op, p.tbl, p.target)
)
from tests.cells c join tests.probes p using (tbl, op)
order by c.tbl, c.op, c.role, p.target;

select * from finish();
rollback;
