-- Every foreign key has an index led by its column (Supabase's linter: unindexed_foreign_keys).
-- Without one, deleting or re-keying a referenced row (a user, a comuna, a theme) scans the whole
-- referencing table under a lock, and joins from the parent side cannot use an index.

create index publications_author_id_idx on public.publications (author_id);
create index publication_communes_commune_code_idx on public.publication_communes (commune_code);
create index projects_created_by_idx on public.projects (created_by);
create index agreements_created_by_idx on public.agreements (created_by);
create index pmg_evaluations_requirement_code_idx on public.pmg_evaluations (requirement_code);
create index institutions_province_code_idx on public.institutions (province_code);
create index institutions_commune_code_idx on public.institutions (commune_code);
create index commitments_theme_code_idx on public.commitments (theme_code);
create index commitment_progress_changed_by_idx on public.commitment_progress (changed_by);
create index commitment_communes_commune_code_idx on public.commitment_communes (commune_code);
create index acknowledgements_user_id_idx on public.acknowledgements (user_id);
