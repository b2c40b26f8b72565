"""The PostgreSQL functions of a server set up by `judging-app server init` (store/
server_sql.py): they run with the owner's rights (SECURITY DEFINER, a fixed search_path),
so that a judge's login can append to the audit trail and keep the per-entry totals in
step without reading or writing either itself.

- `app_person_id()`, `app_my_judges()`, `app_has_role(role)`: who the login is.
- `login_judges`: each judge login's judge rows, kept by a trigger on people, their roles
  and judge links (`app_refresh_login_judges`). The judges' policies read it with a plain
  `login_role = session_user` (a function call per row checked cost a millisecond a query).
- `app_whoami()`: the signed-in person (what services/people.server_principal reads).
- `audit_append(...)`: appends one event, chained with HMAC-SHA256 under a key in
  `audit_secret`, a table no login can read; the actor is the person of `session_user`,
  never a value the client sends. `audit_verify()` recomputes the chain.
- `refresh_entry_totals(ids)`: store/entry_totals' refresh, built from the same SQL text
  (`ids` NULL: every entry), including the criteria keys (core/scoring/criteria_keys.py).
- `app_create_login`, `app_set_password`, `app_set_login`, `app_set_roles`: the
  secretariat manages people's logins without holding CREATEROLE itself; only this
  database's prefixed logins and groups are touched.

HMAC-SHA256 is written in SQL with the built-in sha256() (no extension needed). The
framing of the fields is services/audit.frame's: `name=<octets>:<value>\\n`.
"""

from __future__ import annotations

from judging_app.core.scoring.criteria_keys import MAX_COUNT, SCALE
from judging_app.store import entry_totals as et

AUDIT_FIELDS = ("competition_id", "at", "actor", "person_id", "verified", "action", "entity",
                "entity_key", "old", "new", "state")


def _frame_sql() -> str:
    parts = []
    for name in AUDIT_FIELDS:
        value = f"coalesce(v_{name}, '')"
        parts.append(f"'{name}=' || octet_length(convert_to({value}, 'UTF8'))::text || ':' "
                     f"|| {value} || E'\\n'")
    return " || ".join(parts)


def _totals_sql() -> str:
    """The body of refresh_entry_totals from store/entry_totals' statements."""
    only = "(ids IS NULL OR entry_id = ANY(ids))"
    only_sheet = "(ids IS NULL OR sh.entry_id = ANY(ids))"
    sheet_totals = (et._INSERT_SHEET + et._SHEET_TOTALS + f" AND {only_sheet}" + et._SHEET_GROUP)
    sheet_totals = sheet_totals.replace(":round_id", "r.round_id").replace(
        "CAST(:lcm AS BIGINT)", "r.l")
    criterion = et._INSERT_CRITERION + et._criterion_totals(f" AND {only_sheet}")
    rounds = et._INSERT_ROUND + f" WHERE {only}" + et._ROUND_GROUP
    zero = "'\\x0000000000000000'::bytea"
    keys = f"""
    UPDATE entry_round_totals t SET criteria_key = k.mk, median_criteria_key = k.dk
    FROM (
      SELECT ert.round_id, ert.entry_id,
        CASE WHEN bool_or(ect.score_count > {MAX_COUNT} OR ect.total_milli < 0) THEN NULL
             ELSE string_agg(CASE WHEN ect.entry_id IS NULL THEN {zero}
                  ELSE int8send(ect.total_milli * ({SCALE} / ect.score_count) + 1) END,
                  ''::bytea ORDER BY c.weight_milli DESC, c.position) END AS mk,
        CASE WHEN bool_or(ect.median2_milli < 0) THEN NULL
             ELSE string_agg(CASE WHEN ect.entry_id IS NULL THEN {zero}
                  ELSE int8send(ect.median2_milli::bigint + 1) END,
                  ''::bytea ORDER BY c.weight_milli DESC, c.position) END AS dk
      FROM entry_round_totals ert JOIN criteria c ON c.round_id = ert.round_id
      LEFT JOIN entry_criterion_totals ect ON ect.round_id = ert.round_id
        AND ect.entry_id = ert.entry_id AND ect.criterion_id = c.id
      WHERE ids IS NULL OR ert.entry_id = ANY(ids)
      GROUP BY ert.round_id, ert.entry_id
    ) k WHERE t.round_id = k.round_id AND t.entry_id = k.entry_id"""
    deletes = "\n".join(f"  DELETE FROM {t} WHERE {only};" for t in et._TABLES)
    return f"""
  PERFORM 1 FROM entries WHERE ids IS NULL OR id = ANY(ids) ORDER BY id FOR UPDATE;
{deletes}
  FOR r IN SELECT round_id, lcm_agg(scale_max_milli::bigint) AS l FROM criteria
           GROUP BY round_id LOOP
    {sheet_totals};
  END LOOP;
  {criterion};
  {rounds};
  {keys};"""


def functions_sql(schema: str, prefix: str, owner: str, groups: dict[str, str]) -> str:
    """Every function, created or replaced, owned by the owner role."""
    login_prefix = f"{prefix}_u_"
    definer = f"SECURITY DEFINER SET search_path = {schema}, pg_temp"
    return f"""
CREATE OR REPLACE AGGREGATE {schema}.lcm_agg(bigint) (sfunc = lcm, stype = bigint, initcond = '1');

CREATE OR REPLACE FUNCTION {schema}.app_login() RETURNS text LANGUAGE sql STABLE {definer} AS $$
  SELECT CASE WHEN left(session_user::text, {len(login_prefix)}) = '{login_prefix}'
              THEN substr(session_user::text, {len(login_prefix) + 1}) END
$$;

CREATE OR REPLACE FUNCTION {schema}.app_person_id() RETURNS integer LANGUAGE sql STABLE {definer} AS $$
  SELECT id FROM people WHERE login = {schema}.app_login() AND NOT disabled
$$;

CREATE OR REPLACE FUNCTION {schema}.app_has_role(wanted text) RETURNS boolean LANGUAGE sql STABLE {definer} AS $$
  SELECT EXISTS (SELECT 1 FROM person_roles WHERE person_id = {schema}.app_person_id()
                 AND role = wanted)
$$;

CREATE OR REPLACE FUNCTION {schema}.app_my_judges() RETURNS SETOF integer LANGUAGE sql STABLE {definer} AS $$
  SELECT judge_id FROM person_judges WHERE person_id = {schema}.app_person_id()
    AND {schema}.app_has_role('judge')
$$;

CREATE OR REPLACE FUNCTION {schema}.app_refresh_login_judges() RETURNS trigger
LANGUAGE plpgsql {definer} AS $$
BEGIN
  DELETE FROM login_judges;
  INSERT INTO login_judges (login_role, judge_id)
    SELECT '{login_prefix}' || p.login, pj.judge_id FROM people p
    JOIN person_judges pj ON pj.person_id = p.id
    JOIN person_roles r ON r.person_id = p.id AND r.role = 'judge'
    WHERE NOT p.disabled;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_whoami()
RETURNS TABLE (id integer, login text, name text, roles text[], judges integer[])
LANGUAGE sql STABLE {definer} AS $$
  SELECT p.id, p.login, p.name,
    ARRAY(SELECT role FROM person_roles WHERE person_id = p.id ORDER BY role)::text[],
    ARRAY(SELECT judge_id FROM person_judges WHERE person_id = p.id ORDER BY judge_id)
  FROM people p WHERE p.id = {schema}.app_person_id()
$$;

CREATE OR REPLACE FUNCTION {schema}.app_sheet_complete(p_sheet integer, p_round integer)
RETURNS boolean LANGUAGE sql STABLE {definer} AS $$
  SELECT NOT EXISTS (SELECT 1 FROM criteria c WHERE c.round_id = p_round AND NOT EXISTS (
    SELECT 1 FROM scores s WHERE s.sheet_id = p_sheet AND s.criterion_id = c.id))
$$;

CREATE OR REPLACE FUNCTION {schema}.app_hmac(k bytea, msg bytea) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
DECLARE kk bytea; ipad bytea; opad bytea; i integer;
BEGIN
  kk := CASE WHEN length(k) > 64 THEN sha256(k) ELSE k END;
  kk := kk || decode(repeat('00', 64 - length(kk)), 'hex');
  ipad := kk; opad := kk;
  FOR i IN 0..63 LOOP
    ipad := set_byte(ipad, i, get_byte(kk, i) # 54);
    opad := set_byte(opad, i, get_byte(kk, i) # 92);
  END LOOP;
  RETURN sha256(opad || sha256(ipad || msg));
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_check_claims(p_state text) RETURNS void
LANGUAGE plpgsql STABLE {definer} AS $$
DECLARE st jsonb;
BEGIN
  -- what an event records is what verify-audit vouches for: a login that is neither
  -- secretariat nor chair (a judge's, an observer's) records only its own sheets and
  -- assignments and the competitions' status as it is; otherwise a judge could make the
  -- check vouch for another judge's sheet, or report a finalized competition put back
  IF {schema}.app_has_role('secretariat') OR {schema}.app_has_role('chair')
     OR p_state IS NULL OR p_state = 'null' THEN
    RETURN;
  END IF;
  st := p_state::jsonb;
  IF jsonb_typeof(st) <> 'object' OR EXISTS (
      SELECT 1 FROM jsonb_object_keys(st) k WHERE k NOT IN ('sheets', 'status', 'assignments'))
     OR EXISTS (SELECT 1 FROM jsonb_each_text(coalesce(st -> 'status', '{{}}')) x
                WHERE NOT EXISTS (SELECT 1 FROM competitions c
                                  WHERE c.id::text = x.key AND c.status = x.value))
     OR EXISTS (SELECT 1 FROM jsonb_each(coalesce(st -> 'sheets', '{{}}')) x
                WHERE NOT EXISTS (SELECT 1 FROM score_sheets sh WHERE sh.id::text = x.key
                                  AND sh.judge_id IN (SELECT {schema}.app_my_judges()))
                  AND (jsonb_typeof(x.value) <> 'null' OR EXISTS (
                       SELECT 1 FROM score_sheets sh WHERE sh.id::text = x.key)))
     OR EXISTS (SELECT 1 FROM jsonb_each(coalesce(st -> 'assignments', '{{}}')) c,
                jsonb_object_keys(c.value) j
                WHERE j NOT IN (SELECT {schema}.app_my_judges()::text)) THEN
    RAISE EXCEPTION 'an event of this login may record only its own sheets and assignments'
      USING ERRCODE = '42501';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION {schema}.audit_append(
  p_competition_id integer, p_action text, p_entity text, p_entity_key text,
  p_old text, p_new text, p_state text) RETURNS text
LANGUAGE plpgsql {definer} AS $$
DECLARE
  h record; person record; digest text;
  v_competition_id text; v_at text; v_actor text; v_person_id text; v_verified text;
  v_action text; v_entity text; v_entity_key text; v_old text; v_new text; v_state text;
BEGIN
  PERFORM {schema}.app_check_claims(p_state);
  SELECT last_hash, count INTO h FROM audit_head WHERE id = 1 FOR UPDATE;
  SELECT id, name INTO person FROM people WHERE login = {schema}.app_login() AND NOT disabled;
  v_competition_id := p_competition_id::text;
  v_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00';
  v_actor := coalesce(person.name, session_user::text);
  v_person_id := person.id::text;
  v_verified := '1';
  v_action := p_action; v_entity := p_entity; v_entity_key := coalesce(p_entity_key, '');
  v_old := coalesce(p_old, 'null'); v_new := coalesce(p_new, 'null');
  v_state := coalesce(p_state, 'null');
  digest := encode({schema}.app_hmac((SELECT secret FROM audit_secret WHERE id = 1),
    convert_to(h.last_hash || E'\\n' || {_frame_sql()}, 'UTF8')), 'hex');
  INSERT INTO audit_events (competition_id, at, actor, person_id, verified, action, entity,
                            entity_key, old, new, state, prev_hash, hash, scheme)
  VALUES (p_competition_id, v_at, v_actor, person.id, true, v_action, v_entity,
          v_entity_key, v_old, v_new, v_state, h.last_hash, digest, 'server');
  UPDATE audit_head SET last_hash = digest, count = h.count + 1 WHERE id = 1;
  RETURN digest;
END $$;

CREATE OR REPLACE FUNCTION {schema}.audit_verify()
RETURNS TABLE (problem text, event integer, action text, events integer)
LANGUAGE plpgsql {definer} AS $$
DECLARE
  e record; prev text := repeat('0', 64); n integer := 0; k bytea; expected text;
  v_competition_id text; v_at text; v_actor text; v_person_id text; v_verified text;
  v_action text; v_entity text; v_entity_key text; v_old text; v_new text; v_state text;
BEGIN
  SELECT secret INTO k FROM audit_secret WHERE id = 1;
  FOR e IN SELECT * FROM audit_events ORDER BY id LOOP
    n := n + 1;
    IF e.prev_hash <> prev THEN
      RETURN QUERY SELECT 'audit.chain_broken'::text, e.id, e.action, n; RETURN;
    END IF;
    IF e.scheme = 'server' THEN
      v_competition_id := e.competition_id::text; v_at := e.at; v_actor := e.actor;
      v_person_id := e.person_id::text;
      v_verified := CASE WHEN e.verified THEN '1' ELSE '0' END;
      v_action := e.action; v_entity := e.entity; v_entity_key := e.entity_key;
      v_old := e.old; v_new := e.new; v_state := e.state;
      expected := encode({schema}.app_hmac(k, convert_to(prev || E'\\n' || {_frame_sql()},
                                                       'UTF8')), 'hex');
      IF expected <> e.hash THEN
        RETURN QUERY SELECT 'audit.event_changed'::text, e.id, e.action, n; RETURN;
      END IF;
    END IF;
    prev := e.hash;
  END LOOP;
  IF NOT EXISTS (SELECT 1 FROM audit_head WHERE id = 1 AND last_hash = prev AND count = n) THEN
    RETURN QUERY SELECT 'audit.head_mismatch'::text, NULL::integer, NULL::text, n;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION {schema}.refresh_entry_totals(ids integer[]) RETURNS void
LANGUAGE plpgsql {definer} AS $$
DECLARE r record;
BEGIN{_totals_sql()}
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_check_login(p_login text) RETURNS text
LANGUAGE plpgsql STABLE {definer} AS $$
BEGIN
  IF p_login !~ '^[a-z][a-z0-9_]{{1,30}}$' THEN
    RAISE EXCEPTION 'not a login: %', p_login USING ERRCODE = '22023';
  END IF;
  RETURN '{login_prefix}' || p_login;
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_set_roles(p_login text, p_roles text[]) RETURNS void
LANGUAGE plpgsql {definer} AS $$
DECLARE role_name text; g text;
BEGIN
  IF NOT {schema}.app_has_role('secretariat') THEN
    RAISE EXCEPTION 'only the secretariat manages logins' USING ERRCODE = '42501';
  END IF;
  role_name := {schema}.app_check_login(p_login);
  FOREACH g IN ARRAY ARRAY['secretariat', 'chair', 'judge', 'observer'] LOOP
    CONTINUE WHEN (g = ANY(p_roles)) = pg_has_role(role_name, '{prefix}_' || g, 'MEMBER');
    IF g = 'chair' AND {schema}.app_chair_exists(p_login) AND NOT {schema}.app_has_role('chair') THEN
      RAISE EXCEPTION 'only a chair gives or takes the chair role' USING ERRCODE = '42501';
    END IF;
    IF g = ANY(p_roles) THEN
      EXECUTE format('GRANT %I TO %I', '{prefix}_' || g, role_name);
    ELSE
      EXECUTE format('REVOKE %I FROM %I', '{prefix}_' || g, role_name);
    END IF;
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_create_login(p_login text, p_verifier text,
                                                     p_roles text[]) RETURNS void
LANGUAGE plpgsql {definer} AS $$
DECLARE role_name text;
BEGIN
  IF NOT {schema}.app_has_role('secretariat') THEN
    RAISE EXCEPTION 'only the secretariat manages logins' USING ERRCODE = '42501';
  END IF;
  role_name := {schema}.app_check_login(p_login);
  EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', role_name, '{groups["app"]}');
  IF p_verifier IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', role_name, p_verifier);
  END IF;
  PERFORM {schema}.app_set_roles(p_login, p_roles);
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_set_password(p_login text, p_verifier text) RETURNS void
LANGUAGE plpgsql {definer} AS $$
BEGIN
  IF NOT ({schema}.app_has_role('secretariat') OR {schema}.app_login() = p_login) THEN
    RAISE EXCEPTION 'only the secretariat or the person changes a password'
      USING ERRCODE = '42501';
  END IF;
  IF {schema}.app_login() <> p_login AND NOT {schema}.app_has_role('chair') AND pg_has_role(
      {schema}.app_check_login(p_login), '{prefix}_chair', 'MEMBER') THEN
    RAISE EXCEPTION 'only a chair sets another chair''s password' USING ERRCODE = '42501';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', {schema}.app_check_login(p_login), p_verifier);
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_set_login(p_login text, p_enabled boolean) RETURNS void
LANGUAGE plpgsql {definer} AS $$
BEGIN
  IF NOT {schema}.app_has_role('secretariat') THEN
    RAISE EXCEPTION 'only the secretariat manages logins' USING ERRCODE = '42501';
  END IF;
  EXECUTE format('ALTER ROLE %I %s', {schema}.app_check_login(p_login),
                 CASE WHEN p_enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_chair_exists(p_besides text) RETURNS boolean
LANGUAGE sql STABLE {definer} AS $$
  SELECT EXISTS (SELECT 1 FROM person_roles r JOIN people p ON p.id = r.person_id
                 WHERE r.role = 'chair' AND p.login IS DISTINCT FROM p_besides)
$$;

CREATE OR REPLACE FUNCTION {schema}.app_guard_chair() RETURNS trigger
LANGUAGE plpgsql {definer} AS $$
BEGIN
  -- once a chair exists, only a chair makes or unmakes one: otherwise one secretariat
  -- could make a chair of their own and sign off a reopening (or decide ties) alone
  IF pg_has_role(session_user, '{groups["app"]}', 'MEMBER')
      AND ((TG_OP <> 'INSERT' AND OLD.role = 'chair') OR (TG_OP <> 'DELETE' AND NEW.role = 'chair'))
      AND {schema}.app_chair_exists(NULL) AND NOT {schema}.app_has_role('chair') THEN
    RAISE EXCEPTION 'only a chair gives or takes the chair role' USING ERRCODE = '42501';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_guard_finalized() RETURNS trigger
LANGUAGE plpgsql {definer} AS $$
DECLARE row_round integer;
BEGIN
  -- a finalized competition's sheets and scores stay as they were finalized
  IF TG_TABLE_NAME IN ('score_sheets', 'scores') THEN
    FOREACH row_round IN ARRAY ARRAY(
        SELECT sh.round_id FROM score_sheets sh WHERE TG_TABLE_NAME = 'scores' AND sh.id IN (
          CASE WHEN TG_OP <> 'INSERT' THEN (to_jsonb(OLD) ->> 'sheet_id')::integer END,
          CASE WHEN TG_OP <> 'DELETE' THEN (to_jsonb(NEW) ->> 'sheet_id')::integer END)
        UNION ALL SELECT x FROM unnest(ARRAY[
          CASE WHEN TG_OP <> 'INSERT' THEN (to_jsonb(OLD) ->> 'round_id')::integer END,
          CASE WHEN TG_OP <> 'DELETE' THEN (to_jsonb(NEW) ->> 'round_id')::integer END]) x
        WHERE TG_TABLE_NAME = 'score_sheets') LOOP
      IF EXISTS (SELECT 1 FROM rounds r JOIN competitions c ON c.id = r.competition_id
                 WHERE r.id = row_round AND c.status = 'finalized') THEN
        RAISE EXCEPTION 'the competition is finalized: its sheets are locked'
          USING ERRCODE = '42501';
      END IF;
    END LOOP;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  -- leaving 'finalized' needs the chair's sign-off for the competition's latest snapshot
  IF TG_TABLE_NAME = 'competitions' THEN
    IF OLD.status = 'finalized' AND NEW.status <> 'finalized' AND NOT EXISTS (
        SELECT 1 FROM decisions d WHERE d.competition_id = NEW.id
          AND d.kind = 'reopen_approval' AND (d.subject::jsonb ->> 'snapshot')::integer =
          (SELECT max(id) FROM result_snapshots WHERE competition_id = NEW.id)) THEN
      RAISE EXCEPTION 'reopening finalized results needs the chair''s sign-off'
        USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  -- a snapshot of a finalized competition stays (else an older sign-off would match)
  IF EXISTS (SELECT 1 FROM competitions WHERE id = OLD.competition_id
             AND status = 'finalized') THEN
    RAISE EXCEPTION 'a finalized competition keeps its snapshots' USING ERRCODE = '42501';
  END IF;
  RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION {schema}.app_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = '42501';
END $$;

ALTER FUNCTION {schema}.app_login() OWNER TO {owner};
ALTER FUNCTION {schema}.app_person_id() OWNER TO {owner};
ALTER FUNCTION {schema}.app_has_role(text) OWNER TO {owner};
ALTER FUNCTION {schema}.app_my_judges() OWNER TO {owner};
ALTER FUNCTION {schema}.app_whoami() OWNER TO {owner};
ALTER FUNCTION {schema}.app_refresh_login_judges() OWNER TO {owner};
ALTER FUNCTION {schema}.app_hmac(bytea, bytea) OWNER TO {owner};
ALTER FUNCTION {schema}.app_sheet_complete(integer, integer) OWNER TO {owner};
ALTER FUNCTION {schema}.app_check_claims(text) OWNER TO {owner};
ALTER FUNCTION {schema}.audit_append(integer, text, text, text, text, text, text) OWNER TO {owner};
ALTER FUNCTION {schema}.audit_verify() OWNER TO {owner};
ALTER FUNCTION {schema}.refresh_entry_totals(integer[]) OWNER TO {owner};
ALTER FUNCTION {schema}.app_check_login(text) OWNER TO {owner};
ALTER FUNCTION {schema}.app_set_roles(text, text[]) OWNER TO {owner};
ALTER FUNCTION {schema}.app_create_login(text, text, text[]) OWNER TO {owner};
ALTER FUNCTION {schema}.app_set_password(text, text) OWNER TO {owner};
ALTER FUNCTION {schema}.app_set_login(text, boolean) OWNER TO {owner};
ALTER FUNCTION {schema}.app_refuse_change() OWNER TO {owner};
ALTER FUNCTION {schema}.app_guard_finalized() OWNER TO {owner};
ALTER FUNCTION {schema}.app_chair_exists(text) OWNER TO {owner};
ALTER FUNCTION {schema}.app_guard_chair() OWNER TO {owner};
ALTER AGGREGATE {schema}.lcm_agg(bigint) OWNER TO {owner};
"""
