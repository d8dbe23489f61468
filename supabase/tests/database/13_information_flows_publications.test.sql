-- Information flows, publications and acknowledgements: the values the schema accepts, when a
-- publication becomes public, and which receipts can be acknowledged.
begin;
\ir helpers/access.psql
select plan(25);

insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I');
insert into public.institutions (name, kind, level, region_code) values
  ('Gobierno Regional de Prueba', 'regional_government', 'regional', '99'),
  ('SEREMI de Obras Públicas de Prueba', 'seremi', 'regional', '99'),
  ('Secretaría Técnica de Prueba', 'council_secretariat', 'regional', '99');
select tests.create_user('secretariat', 'secretariat', '99');
select tests.create_user('gore', 'gore', '99');

create function tests.institution(name text) returns bigint language sql as $$
  select id from public.institutions i where i.name = institution.name;
$$;
create function tests.publication(title text) returns bigint language sql as $$
  select id from public.publications p where p.title = publication.title;
$$;
grant execute on all functions in schema tests to anon, authenticated, service_role;

select enum_has_labels('public', 'publication_status', array['draft', 'scheduled', 'published', 'archived'],
  'publication statuses are draft, scheduled, published and archived');
select enum_has_labels('public', 'information_channel', array['official_letter', 'email', 'portal', 'regional_council_session'],
  'flows travel by oficio, correo, portal or a session of the Consejo Regional');

-- ── Flows ───────────────────────────────────────────────────────────────────────────────────
select lives_ok(
  format($$insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity, next_due_on)
           values ('99', 'Estado de avance de la cartera regional', %s, 'regional_council_session', 'monthly', '2026-01-05')$$,
         tests.institution('Secretaría Técnica de Prueba')),
  'a flow names what, who produces it, how and how often'
);
insert into public.information_flow_recipients (flow_id, institution_id)
select f.id, tests.institution(r.name) from public.information_flows f
cross join (values ('Gobierno Regional de Prueba'), ('SEREMI de Obras Públicas de Prueba')) as r (name)
where f.information = 'Estado de avance de la cartera regional';
select throws_ok(
  $$insert into public.information_flows (information, producer_institution_id, channel, periodicity) values ('X', -1, 'portal', 'yearly')$$,
  '23503', 'insert or update on table "information_flows" violates foreign key constraint "information_flows_producer_institution_id_fkey"',
  'an unknown producer is refused'
);
select throws_ok(
  format($$insert into public.information_flows (information, producer_institution_id, channel, periodicity) values ('X', %s, 'fax', 'yearly')$$,
         tests.institution('Secretaría Técnica de Prueba')),
  '22P02', 'invalid input value for enum information_channel: "fax"',
  'an unknown channel is refused'
);
select throws_ok(
  format($$insert into public.information_flows (information, producer_institution_id, channel, periodicity) values ('  ', %s, 'portal', 'yearly')$$,
         tests.institution('Secretaría Técnica de Prueba')),
  '23514', 'new row for relation "information_flows" violates check constraint "information_flows_information_not_blank"',
  'a flow must say what information it carries'
);

-- ── Publications ────────────────────────────────────────────────────────────────────────────
select throws_ok(
  $$insert into public.publications (region_code, kind) values ('99', 'report')$$,
  '23502', 'null value in column "title" of relation "publications" violates not-null constraint',
  'a publication without a title is refused'
);
select throws_ok(
  $$insert into public.publications (region_code, title, kind) values ('99', '   ', 'report')$$,
  '23514', 'new row for relation "publications" violates check constraint "publications_title_not_blank"',
  'a blank title is refused too'
);
select throws_ok(
  $$insert into public.publications (region_code, title, kind, status) values ('99', 'Sin fecha', 'report', 'published')$$,
  '23514', 'new row for relation "publications" violates check constraint "publications_published_at_when_public"',
  'a published publication needs its publication time'
);
select throws_ok(
  $$insert into public.publications (region_code, title, kind, status) values ('99', 'X', 'report', 'publicada')$$,
  '22P02', 'invalid input value for enum publication_status: "publicada"',
  'an unknown status is refused'
);
select throws_ok(
  $$insert into public.publications (region_code, title, kind) values ('17', 'X', 'report')$$,
  '23503', 'insert or update on table "publications" violates foreign key constraint "publications_region_code_fkey"',
  'an unknown region code is refused'
);

select tests.authenticate_as('secretariat');
select lives_ok(
  $$insert into public.publications (region_code, title, summary, body_md, kind) values
      ('99', 'Avance de la cartera [borrador]', 'Resumen', '# Avance', 'report')$$,
  'the secretariat drafts a publication in its region'
);
select is(
  (select author_id from public.publications where title = 'Avance de la cartera [borrador]'),
  tests.user_id('secretariat'), 'and is recorded as its author'
);
select tests.clear_authentication();
select throws_ok(
  $$insert into public.publication_communes (publication_id, commune_code) values (tests.publication('Avance de la cartera [borrador]'), '99999')$$,
  '23503', 'insert or update on table "publication_communes" violates foreign key constraint "publication_communes_commune_code_fkey"',
  'linking an unknown comuna is refused'
);

-- Public once published, or scheduled and its time has come; computed when read.
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
select '99', v.title, 'report', v.status::public.publication_status, now() + v.shift,
  (select id from public.information_flows where information = 'Estado de avance de la cartera regional'), v.due_on::date
from (values
  ('Publicada', 'published', interval '-1 day', '2026-01-05'),
  ('Programada, ya vencida', 'scheduled', interval '-1 minute', '2026-02-05'),
  ('Programada para mañana', 'scheduled', interval '1 day', '2026-03-05'),
  ('Archivada', 'archived', interval '-30 days', '2025-12-05')
) as v (title, status, shift, due_on);
select tests.authenticate_as_anon();
select set_eq(
  $$select title from public.publications where region_code = '99'$$,
  array['Publicada', 'Programada, ya vencida'],
  'anonymous visitors see published publications and scheduled ones whose time has come'
);
select tests.clear_authentication();

-- ── Acknowledgements ────────────────────────────────────────────────────────────────────────
select tests.authenticate_as('gore');
select lives_ok(
  format('insert into public.acknowledgements (publication_id, institution_id) values (%s, %s)',
    tests.publication('Publicada'), tests.institution('Gobierno Regional de Prueba')),
  'a regional government acknowledges a delivery addressed to it'
);
select results_eq(
  $$select user_id, acknowledged_at is not null from public.acknowledgements$$,
  format('values (%L::uuid, true)', tests.user_id('gore')),
  'recording who and when'
);
select throws_ok(
  format('insert into public.acknowledgements (publication_id, institution_id) values (%s, %s)',
    tests.publication('Publicada'), tests.institution('Gobierno Regional de Prueba')),
  '23505', 'duplicate key value violates unique constraint "acknowledgements_once_per_institution"',
  'once'
);
select throws_ok(
  format('insert into public.acknowledgements (publication_id, institution_id) values (%s, %s)',
    tests.publication('Programada, ya vencida'), tests.institution('SEREMI de Obras Públicas de Prueba')),
  '42501', 'new row violates row-level security policy for table "acknowledgements"',
  'it cannot acknowledge in another institution''s name'
);
select throws_ok(
  format('insert into public.acknowledgements (publication_id, institution_id) values (%s, %s)',
    tests.publication('Programada para mañana'), tests.institution('Gobierno Regional de Prueba')),
  '23514', 'Solo se puede acusar recibo de una publicación ya publicada.',
  'nor acknowledge what is not yet public'
);
select tests.clear_authentication();
select throws_ok(
  format('insert into public.acknowledgements (publication_id, institution_id) values (%s, %s)',
    tests.publication('Programada, ya vencida'), tests.institution('Secretaría Técnica de Prueba')),
  '23514', 'La institución no es destinataria del flujo de información que entrega esta publicación.',
  'only an institution the flow is addressed to can acknowledge it'
);
insert into public.publications (region_code, title, kind, status, published_at)
values ('99', 'Sin flujo', 'bulletin', 'published', now() - interval '1 hour');
select throws_ok(
  format('insert into public.acknowledgements (publication_id, institution_id) values (%s, %s)',
    tests.publication('Sin flujo'), tests.institution('Gobierno Regional de Prueba')),
  '23514', 'La institución no es destinataria del flujo de información que entrega esta publicación.',
  'a publication that delivers no flow has no one to acknowledge it'
);
select throws_ok(
  format('delete from public.publications where id = %s', tests.publication('Publicada')),
  '23503', null,
  'an acknowledged publication is kept (archive it instead)'
);
select lives_ok(
  format($$update public.publications set status = 'archived' where id = %s$$, tests.publication('Publicada')),
  'it can be archived'
);
select tests.authenticate_as('gore');
select is(
  (select count(*)::int from public.acknowledgements where publication_id = tests.publication('Publicada')),
  1, 'and its acknowledgement remains'
);
select tests.clear_authentication();

select * from finish();
rollback;
