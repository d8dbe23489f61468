-- What the public sees (decided 2026-11-30): MOP's investment portfolio is public information in
-- Chile (active transparency, Ley 20.285; MOP and the BIP publish their projects on public maps).
-- Anyone, signed in or not, reads projects with their themes and comunas, and agreements with their
-- parties and commitments (status, due date, progress, cost) and the comunas and projects those
-- commitments concern. Progress notes (commitment_progress), flows, recipients, acknowledgements,
-- PMG evaluations, memberships, the audit trail and drafts stay internal.
--
-- `created_by` of projects and agreements is dropped rather than hidden: column privileges would
-- break `select=*` for anon (PostgREST selects `*`, which needs every column), and the audit trail
-- already records who inserted each row (audit_log.actor, read by administrators only). It was
-- also an editable copy of that fact.

alter table public.projects drop column created_by;
alter table public.agreements drop column created_by;

drop policy "projects by role: all, or those touching the region" on public.projects;
create policy "projects are public" on public.projects
  for select to anon, authenticated using (true);

drop policy "project themes follow their project" on public.project_themes;
create policy "project themes are public" on public.project_themes
  for select to anon, authenticated using (true);

drop policy "project comunas follow their project" on public.project_communes;
create policy "project comunas are public" on public.project_communes
  for select to anon, authenticated using (true);

drop function private.my_region_project_ids();

drop policy "agreements by role: all, or the region's and national" on public.agreements;
create policy "agreements are public" on public.agreements
  for select to anon, authenticated using (true);

drop policy "parties follow their agreement" on public.agreement_parties;
create policy "agreement parties are public" on public.agreement_parties
  for select to anon, authenticated using (true);

drop policy "commitments follow their agreement" on public.commitments;
create policy "commitments are public" on public.commitments
  for select to anon, authenticated using (true);

drop policy "commitment comunas follow their commitment" on public.commitment_communes;
create policy "commitment comunas are public" on public.commitment_communes
  for select to anon, authenticated using (true);

drop policy "commitment projects follow their commitment" on public.commitment_projects;
create policy "commitment projects are public" on public.commitment_projects
  for select to anon, authenticated using (true);

-- The history carries the secretariat's notes: internal, scoped like the agreement it belongs to
-- (it used to follow the commitment's visibility, which is now everyone's).
drop policy "progress history follows its commitment" on public.commitment_progress;
create policy "progress history by role: all, or the region's and national" on public.commitment_progress
  for select to authenticated
  using (
    (select private.my_role()) in ('admin', 'planner')
    or commitment_id in (
      select c.id from public.commitments c join public.agreements a on a.id = c.agreement_id
      where (select private.my_regional_region()) is not null
        and (a.region_code is null or a.region_code = (select private.my_regional_region()))
    )
  );

grant select on public.projects, public.project_themes, public.project_communes,
  public.agreements, public.agreement_parties, public.commitments,
  public.commitment_communes, public.commitment_projects, public.commitments_with_status
  to anon;
