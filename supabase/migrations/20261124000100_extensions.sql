-- PostGIS lives in the `extensions` schema, as on hosted Supabase, so that `public` only holds
-- the project's own objects (and PostgREST does not expose PostGIS's thousands of functions).
create schema if not exists extensions;
create extension if not exists postgis with schema extensions;
create extension if not exists pgcrypto with schema extensions;
