-- Publications' texts get bounds through the API, as 20261203040300 gives the agreements and
-- projects: a secretariat calling the API directly could otherwise publish a title or summary of
-- megabytes that every reader, region page and feed would be served. The desk's form is stricter
-- (src/lib/publications/compose.ts: title 300, summary 2 000, body 200 000 characters); the
-- database's title and summary bounds leave room above it for what the service role writes (the
-- XSS test packs 44 vectors into one summary), since here the point is abuse, not the form's rule.
-- 23514, named by the constraint.

alter table public.publications
  add constraint publications_title_length check (length(title) <= 1000),
  add constraint publications_summary_length check (summary is null or length(summary) <= 10000),
  add constraint publications_body_length check (body_md is null or length(body_md) <= 200000);
