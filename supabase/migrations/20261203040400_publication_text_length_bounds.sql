-- Publications' texts have, through the API, the bounds of the desk's form (src/lib/publications/
-- compose.ts: title 300, summary 2 000, body 200 000 characters), as 20261203040300 does for the
-- agreements and projects: a secretariat calling the API directly could otherwise publish a body of
-- megabytes that every reader, region page and feed would be served. 23514, named by the constraint.

alter table public.publications
  add constraint publications_title_length check (length(title) <= 300),
  add constraint publications_summary_length check (summary is null or length(summary) <= 2000),
  add constraint publications_body_length check (body_md is null or length(body_md) <= 200000);
