-- The publishing desk (issue 9 §1, §4): saving through save_publication (one transaction, optimistic
-- concurrency, the caller's RLS), the versions every save keeps, comunas kept in the publication's
-- region, and the view readers list (public now, drafts never, scheduled ones once their time came).
begin;
\ir helpers/access.psql
select plan(27);

select tests.create_territory();
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('secretariat92', 'secretariat', '92');
select tests.create_user('gore', 'gore', '91');
select tests.create_user('planner', 'planner');

create function tests.publication(title text) returns bigint language sql security definer as $$
  select id from public.publications p where p.title = publication.title;
$$;
create function tests.stamp(title text) returns timestamptz language sql security definer as $$
  select updated_at from public.publications p where p.title = stamp.title;
$$;
create function tests.versions(of_title text) returns bigint language sql security definer as $$
  select count(*) from public.publication_versions v where v.publication_id = tests.publication(of_title);
$$;
grant execute on all functions in schema tests to anon, authenticated;

-- As the data pipeline would load them.
insert into public.publications (region_code, title, kind, status, published_at, author_id) values
  ('92', 'Del sur', 'report', 'published', now() - interval '1 day', tests.user_id('secretariat92')),
  ('91', 'Programada vencida', 'bulletin', 'scheduled', now() - interval '1 minute', tests.user_id('secretariat')),
  ('91', 'Programada futura', 'bulletin', 'scheduled', now() + interval '1 day', tests.user_id('secretariat'));

-- ── Writing ────────────────────────────────────────────────────────────────────────────────────
select tests.authenticate_as('secretariat');
select lives_ok(
  $$select public.save_publication(null, null, '91', 'Informe norte', 'Resumen', '# Cuerpo', 'report', 'draft',
      null, null, null, array['91101', '91102'], null, null)$$,
  'the secretariat saves a draft in its region, linked to two comunas'
);
select is(
  (select author_id from public.publications where id = tests.publication('Informe norte')),
  tests.user_id('secretariat'),
  'the author is the caller, set by the database'
);
select is(
  (select array_agg(commune_code order by commune_code) from public.publication_communes
   where publication_id = tests.publication('Informe norte')),
  array['91101', '91102'],
  'its comunas are linked in the same call'
);
select is(
  (select row(version, saved_by, status)::text from public.publication_versions
   where publication_id = tests.publication('Informe norte')),
  row(1, tests.user_id('secretariat'), 'draft'::public.publication_status)::text,
  'the first save is version 1, by the caller'
);
select is(
  tests.refusal($$select public.save_publication(null, null, '91', 'Con comuna ajena', null, null, 'report', 'draft',
      null, null, null, array['92101'], null, null)$$),
  '23503 publication_communes_in_region',
  'a comuna of another region is refused'
);
select is(
  tests.refusal($$select public.save_publication(null, null, '92', 'En el sur', null, null, 'report', 'published',
      null, null, null, null, null, null)$$),
  '42501 -',
  'publishing in another region is refused by RLS'
);
select is(
  tests.refusal(format($$select public.save_publication(%s, %L, '92', 'Editada', null, null, 'report', 'archived',
      null, null, null, null, null, null)$$, tests.publication('Del sur'), tests.stamp('Del sur'))),
  '42501 publications_not_editable',
  'editing a publication of another region is refused, even with its current updated_at'
);
select is(
  (select title from public.publications where id = tests.publication('Del sur')),
  'Del sur',
  'and it is unchanged'
);
select is(
  tests.refusal($$insert into public.publications (region_code, title, kind, author_id)
      values ('91', 'A nombre de otro', 'report', tests.user_id('gore'))$$),
  '42501 publications_author_is_caller',
  'a publication cannot be written in someone else''s name'
);

-- Optimistic concurrency. One transaction has one now(), so "someone saved after I read" is the
-- reader holding an earlier updated_at than the row's.
select lives_ok(
  format($$select public.save_publication(%s, %L, '91', 'Informe norte', 'Resumen corregido', '# Cuerpo', 'report',
      'draft', null, null, null, array['91101'], null, null)$$, tests.publication('Informe norte'), tests.stamp('Informe norte')),
  'a save with the updated_at it read succeeds'
);
select is(
  tests.refusal(format($$select public.save_publication(%s, %L, '91', 'Informe norte', 'Otra versión', '# Cuerpo', 'report',
      'draft', null, null, null, array['91101'], null, null)$$, tests.publication('Informe norte'),
      tests.stamp('Informe norte') - interval '1 second')),
  'PT409 publications_edit_conflict',
  'a save based on an older updated_at is refused as a conflict'
);
select is(
  (select summary from public.publications where id = tests.publication('Informe norte')),
  'Resumen corregido',
  'and the first save stands'
);
select is(
  (select array_agg(commune_code) from public.publication_communes where publication_id = tests.publication('Informe norte')),
  array['91101'],
  'an unlinked comuna is removed'
);
select is(tests.versions('Informe norte'), 2::bigint, 'each save that changes the content is a version');
select lives_ok(
  format($$update public.publications set updated_at = updated_at where id = %s$$, tests.publication('Informe norte')),
  'a save that changes nothing a reader sees'
);
select is(tests.versions('Informe norte'), 2::bigint, 'is not a new version');

-- Schedule, then publish: the database's clock decides when it was published.
select lives_ok(
  format($$select public.save_publication(%s, %L, '91', 'Informe norte', 'Resumen corregido', '# Cuerpo', 'report',
      'scheduled', now() + interval '2 days', null, null, array['91101'], null, null)$$,
      tests.publication('Informe norte'), tests.stamp('Informe norte')),
  'the secretariat schedules it for the future'
);
select is(
  (select count(*) from public.public_publications where id = tests.publication('Informe norte')),
  0::bigint,
  'a publication scheduled for the future is not listed for readers'
);
select lives_ok(
  format($$select public.save_publication(%s, %L, '91', 'Informe norte', 'Resumen corregido', '# Cuerpo', 'report',
      'published', '2001-01-01', null, null, array['91101'], null, null)$$,
      tests.publication('Informe norte'), tests.stamp('Informe norte')),
  'and publishes it'
);
select ok(
  (select published_at > now() - interval '1 minute' from public.publications where id = tests.publication('Informe norte')),
  'published_at is the server''s time, not the date the client sent'
);
select is(
  tests.refusal(format($$select public.save_publication(%s, %L, '91', 'Informe norte', null, null, 'report',
      'draft', null, null, null, null, null, null)$$, tests.publication('Informe norte'), tests.stamp('Informe norte'))),
  '23514 publications_status_moves_forward',
  'what was published does not go back to draft'
);

-- ── Reading ────────────────────────────────────────────────────────────────────────────────────
select set_eq(
  $$select title from public.public_publications where region_code in ('91', '92')$$,
  array['Del sur', 'Programada vencida', 'Informe norte'],
  'the secretariat''s reader view lists what is public now, a scheduled one whose time came included'
);
select is(
  (select count(*) from public.publication_versions where publication_id = tests.publication('Del sur')),
  0::bigint,
  'the versions of another region''s publication are not readable'
);
select tests.authenticate_as('gore');
select is(
  (select count(*) from public.publication_versions),
  0::bigint,
  'a regional government reads no versions'
);
select tests.authenticate_as_anon();
select set_eq(
  $$select title from public.public_publications where region_code in ('91', '92')$$,
  array['Del sur', 'Programada vencida', 'Informe norte'],
  'anon lists the same'
);
select is(
  tests.refusal($$select public.save_publication(null, null, '91', 'Anónima', null, null, 'report', 'draft',
      null, null, null, null, null, null)$$),
  '42501 -',
  'anon cannot call save_publication'
);
select tests.clear_authentication();
select is(
  (select max(version) from public.publication_versions where publication_id = tests.publication('Informe norte')),
  4,
  'draft, corrected, scheduled, published: four versions'
);

select * from finish();
rollback;
