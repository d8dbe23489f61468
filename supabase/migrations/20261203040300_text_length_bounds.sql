-- The texts of issues 10 and 11 have, through the API, the bounds their forms already have (found by
-- the attack audit, tests/integration/attacks.test.ts). The forms cap an agreement's title (300) and
-- problem (4 000), a commitment's title (300) and a progress note (2 000)
-- (src/lib/agreements/form-schemas.ts), a project's name (500) and description (4 000)
-- (src/lib/import/validate.ts); the database did not, so a secretariat calling the API directly
-- could store a title of megabytes that every public list (/convenios, exports, feeds) would then
-- serve to every visitor. Same numbers here, so no text the app accepts is refused. 23514, the
-- constraint's name says which field (mapped to a message in src/lib/i18n/areas/audit.ts).

alter table public.agreements
  add constraint agreements_title_length check (length(title) <= 300),
  add constraint agreements_problem_length check (length(problem) <= 4000);

alter table public.commitments
  add constraint commitments_title_length check (length(title) <= 300);

alter table public.commitment_progress
  add constraint commitment_progress_note_length check (note is null or length(note) <= 2000);

alter table public.projects
  add constraint projects_name_length check (length(name) <= 500),
  add constraint projects_description_length check (description is null or length(description) <= 4000);
