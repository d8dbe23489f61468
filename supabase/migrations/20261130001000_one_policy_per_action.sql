-- One permissive policy per table, role and command (Supabase's linter: multiple_permissive_policies).
--
-- Postgres evaluates every permissive policy that applies to a role and command and ORs them, so two
-- SELECT policies cost two predicates per row, and a `for all` admin policy also adds itself to
-- SELECT. Each table now has one SELECT policy for the roles that read it (anon and authenticated
-- together where both may) and, for authenticated, one policy per write command that spells out
-- every role allowed. The access matrix (docs/SECURITY.md) is unchanged; 19_access_matrix proves it.
--
-- The role tests go through small helpers in `private` (not exposed by PostgREST), called as
-- `(select private.x())` so Postgres evaluates them once per statement (an initplan), not per row.
-- `public.current_membership()` was security definer and callable over the API
-- (/rest/v1/rpc/current_membership); nothing needs it now that `private.my_role()` exists.

create function private.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select m.role = 'admin' from public.memberships m where m.user_id = (select auth.uid())), false);
$$;

-- Regional roles (gore, secretariat) act in one region: the caller's, or null for anyone else.
create function private.my_regional_region()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select m.region_code from public.memberships m
  where m.user_id = (select auth.uid()) and m.role in ('gore', 'secretariat');
$$;

-- The secretariat's region, or null: what the secretariat's write policies compare against.
create function private.my_secretariat_region()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select m.region_code from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = 'secretariat';
$$;

revoke execute on function private.is_admin(), private.my_regional_region(), private.my_secretariat_region()
  from public;
grant execute on function private.is_admin(), private.my_regional_region(), private.my_secretariat_region()
  to anon, authenticated, service_role;

-- ── memberships ─────────────────────────────────────────────────────────────────────────────────
drop policy "users read their own membership" on public.memberships;
drop policy "admins read every membership" on public.memberships;
drop policy "admins manage memberships" on public.memberships;
drop function public.current_membership();

create policy "users read their own membership, admins every one" on public.memberships
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "admins grant memberships" on public.memberships
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins change memberships" on public.memberships
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins revoke memberships" on public.memberships
  for delete to authenticated using ((select private.is_admin()));

-- ── reference data: public to read, administrators write ────────────────────────────────────────
drop policy "admins manage institutions" on public.institutions;
drop policy "admins manage themes" on public.themes;
drop policy "admins manage MOP services" on public.mop_services;
drop policy "admins manage PMG requirements" on public.pmg_requirements;

do $$
declare
  reference text;
begin
  foreach reference in array array['institutions', 'themes', 'mop_services', 'pmg_requirements'] loop
    execute format('create policy "admins add reference data" on public.%I
      for insert to authenticated with check ((select private.is_admin()))', reference);
    execute format('create policy "admins change reference data" on public.%I
      for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()))', reference);
    execute format('create policy "admins delete reference data" on public.%I
      for delete to authenticated using ((select private.is_admin()))', reference);
  end loop;
end;
$$;

-- ── projects ────────────────────────────────────────────────────────────────────────────────────
drop policy "admins and planners read every project" on public.projects;
drop policy "regional roles read projects touching their region" on public.projects;
drop policy "admins add projects" on public.projects;
drop policy "admins change projects" on public.projects;
drop policy "admins delete projects" on public.projects;

create policy "projects by role: all, or those touching the region" on public.projects
  for select to authenticated
  using (
    (select private.my_role()) in ('admin', 'planner')
    or id in (select private.my_region_project_ids())
  );
create policy "admins add projects" on public.projects
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins change projects" on public.projects
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete projects" on public.projects
  for delete to authenticated using ((select private.is_admin()));

drop policy "admins classify projects" on public.project_themes;
create policy "admins classify projects" on public.project_themes
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins reclassify projects" on public.project_themes
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins unclassify projects" on public.project_themes
  for delete to authenticated using ((select private.is_admin()));

-- ── agreements and commitments ──────────────────────────────────────────────────────────────────
drop policy "admins and planners read every agreement" on public.agreements;
drop policy "regional roles read their region's and national agreements" on public.agreements;
drop policy "admins add agreements" on public.agreements;
drop policy "admins change agreements" on public.agreements;
drop policy "admins delete agreements" on public.agreements;

create policy "agreements by role: all, or the region's and national" on public.agreements
  for select to authenticated
  using (
    (select private.my_role()) in ('admin', 'planner')
    or (
      (select private.my_regional_region()) is not null
      and (region_code is null or region_code = (select private.my_regional_region()))
    )
  );
create policy "admins add agreements" on public.agreements
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins change agreements" on public.agreements
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete agreements" on public.agreements
  for delete to authenticated using ((select private.is_admin()));

drop policy "admins manage parties" on public.agreement_parties;
create policy "admins add parties" on public.agreement_parties
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins change parties" on public.agreement_parties
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins remove parties" on public.agreement_parties
  for delete to authenticated using ((select private.is_admin()));

drop policy "admins add commitments" on public.commitments;
drop policy "admins change commitments" on public.commitments;
drop policy "secretariat reports progress in its region" on public.commitments;
drop policy "admins delete commitments" on public.commitments;

create policy "admins add commitments" on public.commitments
  for insert to authenticated with check ((select private.is_admin()));
-- The secretariat reaches its region's commitments; a trigger limits it to progress and status.
create policy "admins change commitments, secretariat reports its region's" on public.commitments
  for update to authenticated
  using (
    (select private.is_admin())
    or agreement_id in (
      select a.id from public.agreements a where a.region_code = (select private.my_secretariat_region())
    )
  )
  with check (
    (select private.is_admin())
    or agreement_id in (
      select a.id from public.agreements a where a.region_code = (select private.my_secretariat_region())
    )
  );
create policy "admins delete commitments" on public.commitments
  for delete to authenticated using ((select private.is_admin()));

drop policy "admins link commitments to comunas" on public.commitment_communes;
create policy "admins link commitments to comunas" on public.commitment_communes
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins relink commitments to comunas" on public.commitment_communes
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins unlink commitments from comunas" on public.commitment_communes
  for delete to authenticated using ((select private.is_admin()));

drop policy "admins link commitments to projects" on public.commitment_projects;
create policy "admins link commitments to projects" on public.commitment_projects
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins relink commitments to projects" on public.commitment_projects
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins unlink commitments from projects" on public.commitment_projects
  for delete to authenticated using ((select private.is_admin()));

-- ── information flows ───────────────────────────────────────────────────────────────────────────
drop policy "admins and planners read every flow" on public.information_flows;
drop policy "regional roles read their region's and national flows" on public.information_flows;
drop policy "secretariat manages flows in its region" on public.information_flows;
drop policy "admins manage flows" on public.information_flows;

create policy "flows by role: all, or the region's and national" on public.information_flows
  for select to authenticated
  using (
    (select private.my_role()) in ('admin', 'planner')
    or (
      (select private.my_regional_region()) is not null
      and (region_code is null or region_code = (select private.my_regional_region()))
    )
  );
create policy "admins and the region's secretariat add flows" on public.information_flows
  for insert to authenticated
  with check ((select private.is_admin()) or region_code = (select private.my_secretariat_region()));
create policy "admins and the region's secretariat change flows" on public.information_flows
  for update to authenticated
  using ((select private.is_admin()) or region_code = (select private.my_secretariat_region()))
  with check ((select private.is_admin()) or region_code = (select private.my_secretariat_region()));
create policy "admins and the region's secretariat delete flows" on public.information_flows
  for delete to authenticated
  using ((select private.is_admin()) or region_code = (select private.my_secretariat_region()));

drop policy "secretariat addresses flows in its region" on public.information_flow_recipients;
drop policy "admins address flows" on public.information_flow_recipients;

create policy "admins and the region's secretariat address flows" on public.information_flow_recipients
  for insert to authenticated
  with check (
    (select private.is_admin())
    or flow_id in (select f.id from public.information_flows f where f.region_code = (select private.my_secretariat_region()))
  );
create policy "admins and the region's secretariat readdress flows" on public.information_flow_recipients
  for update to authenticated
  using (
    (select private.is_admin())
    or flow_id in (select f.id from public.information_flows f where f.region_code = (select private.my_secretariat_region()))
  )
  with check (
    (select private.is_admin())
    or flow_id in (select f.id from public.information_flows f where f.region_code = (select private.my_secretariat_region()))
  );
create policy "admins and the region's secretariat remove recipients" on public.information_flow_recipients
  for delete to authenticated
  using (
    (select private.is_admin())
    or flow_id in (select f.id from public.information_flows f where f.region_code = (select private.my_secretariat_region()))
  );

-- ── publications ────────────────────────────────────────────────────────────────────────────────
drop policy "anyone reads public publications" on public.publications;
drop policy "admins and planners read publications not in draft" on public.publications;
drop policy "regional governments read their region's and national publications not in draft" on public.publications;
drop policy "secretariat reads its region's publications and national ones not in draft" on public.publications;
drop policy "secretariat publishes in its region" on public.publications;
drop policy "secretariat edits publications in its region" on public.publications;
drop policy "secretariat deletes drafts in its region" on public.publications;
drop policy "admins add publications" on public.publications;
drop policy "admins change publications" on public.publications;
drop policy "admins delete publications" on public.publications;

-- Anyone: what is public. Admins: everything. Planners: nothing in draft. Regional roles: their
-- region's and national ones not in draft, and the secretariat its own region's drafts too.
create policy "anyone reads public publications, members what their role may" on public.publications
  for select to anon, authenticated
  using (
    private.publication_is_public(status, published_at)
    or (select private.is_admin())
    or (status <> 'draft' and (select private.my_role()) = 'planner')
    or (
      status <> 'draft'
      and (select private.my_regional_region()) is not null
      and (region_code is null or region_code = (select private.my_regional_region()))
    )
    or region_code = (select private.my_secretariat_region())
  );
create policy "admins and the region's secretariat publish, in their own name" on public.publications
  for insert to authenticated
  with check (
    (select private.is_admin())
    or (region_code = (select private.my_secretariat_region()) and author_id = (select auth.uid()))
  );
create policy "admins and the region's secretariat edit publications" on public.publications
  for update to authenticated
  using ((select private.is_admin()) or region_code = (select private.my_secretariat_region()))
  with check ((select private.is_admin()) or region_code = (select private.my_secretariat_region()));
-- What has been public stays on record: the secretariat archives it, and deletes drafts only.
create policy "admins delete publications, the region's secretariat its drafts" on public.publications
  for delete to authenticated
  using (
    (select private.is_admin())
    or (region_code = (select private.my_secretariat_region()) and status = 'draft')
  );

do $$
declare
  link text;
begin
  foreach link in array array['publication_communes', 'publication_projects', 'publication_commitments'] loop
    execute format('drop policy if exists "publication editors link comunas" on public.%I', link);
    execute format('drop policy if exists "publication editors link projects" on public.%I', link);
    execute format('drop policy if exists "publication editors link commitments" on public.%I', link);
    execute format('create policy "publication editors add links" on public.%I
      for insert to authenticated with check (private.can_edit_publication(publication_id))', link);
    execute format('create policy "publication editors change links" on public.%I
      for update to authenticated
      using (private.can_edit_publication(publication_id)) with check (private.can_edit_publication(publication_id))', link);
    execute format('create policy "publication editors remove links" on public.%I
      for delete to authenticated using (private.can_edit_publication(publication_id))', link);
  end loop;
end;
$$;

-- ── acknowledgements ────────────────────────────────────────────────────────────────────────────
drop policy "admins and planners read every acknowledgement" on public.acknowledgements;
drop policy "regional roles read acknowledgements of their region" on public.acknowledgements;
drop policy "regional governments acknowledge deliveries to their institution" on public.acknowledgements;
drop policy "admins manage acknowledgements" on public.acknowledgements;

create policy "receipts by role: all, or the region's and the institution's" on public.acknowledgements
  for select to authenticated
  using (
    (select private.my_role()) in ('admin', 'planner')
    or (
      (select private.my_regional_region()) is not null
      and (
        institution_id = (select private.my_institution())
        or publication_id in (
          select p.id from public.publications p where p.region_code = (select private.my_regional_region())
        )
      )
    )
  );
create policy "admins acknowledge, regional governments for their institution" on public.acknowledgements
  for insert to authenticated
  with check (
    (select private.is_admin())
    or (
      (select private.my_role()) = 'gore'
      and institution_id = (select private.my_institution())
      and user_id = (select auth.uid())
    )
  );
create policy "admins change acknowledgements" on public.acknowledgements
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete acknowledgements" on public.acknowledgements
  for delete to authenticated using ((select private.is_admin()));

-- ── PMG evaluations ─────────────────────────────────────────────────────────────────────────────
drop policy "admins read every evaluation" on public.pmg_evaluations;
drop policy "planners read evaluations not in draft" on public.pmg_evaluations;
drop policy "regional roles read their region's evaluations not in draft" on public.pmg_evaluations;
drop policy "admins add evaluations" on public.pmg_evaluations;
drop policy "admins change evaluations" on public.pmg_evaluations;
drop policy "admins delete evaluations" on public.pmg_evaluations;

create policy "evaluations: admins all, planners and the region's not in draft" on public.pmg_evaluations
  for select to authenticated
  using (
    (select private.is_admin())
    or (status <> 'draft' and (select private.my_role()) = 'planner')
    or (
      status <> 'draft'
      and institution_id in (
        select i.id from public.institutions i where i.region_code = (select private.my_regional_region())
      )
    )
  );
create policy "admins add evaluations" on public.pmg_evaluations
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins change evaluations" on public.pmg_evaluations
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete evaluations" on public.pmg_evaluations
  for delete to authenticated using ((select private.is_admin()));
