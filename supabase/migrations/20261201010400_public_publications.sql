-- What readers list (issue 9 §4): the publications that are public now, whoever asks. The table's
-- RLS also shows signed-in staff their drafts; the reading pages and the feeds must not, so they
-- read this view. A scheduled publication appears here the moment its published_at passes —
-- computed on read by private.publication_is_public, so no job has to flip its status on time.
--
-- Security invoker: the table's RLS still applies. search_text is the accent- and case-free text
-- the text filter matches (private.search_key, as the dashboard's).

create view public.public_publications
with (security_invoker = true)
as
select
  p.id,
  p.region_code,
  p.title,
  p.summary,
  p.body_md,
  p.kind,
  p.published_at,
  p.updated_at,
  p.flow_id,
  p.due_on,
  private.search_key(concat_ws(' ', p.title, p.summary, p.body_md)) as search_text
from public.publications p
where private.publication_is_public(p.status, p.published_at);

revoke all on public.public_publications from anon, authenticated;
grant select on public.public_publications to anon, authenticated;
grant select on public.public_publications to service_role;
