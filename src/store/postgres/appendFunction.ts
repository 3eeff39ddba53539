import { GENESIS_HASH } from "../hashChain.js";

/** Advisory lock held by every append transaction: appends commit one at a time, in position order. */
export const APPEND_LOCK = 727_001_001;
/** NOTIFY channel on which each append announces its last position to every process. */
export const APPENDED_CHANNEL = "casustafel_events_appended";

/**
 * A group commit in one statement, so one round trip: under APPEND_LOCK it checks each
 * request's expected revision and event ids against the stored heads and ids (and the requests
 * before it), links and hashes the events of those that pass, writes them, moves the stream
 * heads and wakes other processes. A refused request writes nothing and refuses nothing else.
 * Each event arrives as its canonical envelope split around the revision (hashChain.ts), so
 * the hash is the chain's SHA-256 over the same bytes. One row per request, in order.
 * Run outside a transaction, the lock is held from before positions are picked until commit.
 */
export const APPEND_FUNCTION = `
CREATE OR REPLACE FUNCTION casustafel_append(
  stream_ids text[], expected text[], counts int[], event_ids text[], types text[],
  schema_versions int[], recorded timestamptz, datas json[], metadatas json[],
  hash_heads text[], hash_tails text[])
RETURNS TABLE (outcome text, at_revision int, at_position bigint, duplicate_id text)
LANGUAGE plpgsql AS $fn$
DECLARE
  head bigint;
  start_head bigint;
  heads jsonb;
  stored text[];
  repeated text[];
  written text[] := '{}';
  moved text[] := '{}';
  tip jsonb;
  lo int := 1;
  hi int;
  actual int;
  link text;
  picked int[] := '{}';
  picked_streams text[] := '{}';
  picked_revisions int[] := '{}';
  picked_prevs text[] := '{}';
  picked_hashes text[] := '{}';
BEGIN
  PERFORM set_config('synchronous_commit', 'on', true);
  PERFORM pg_advisory_xact_lock(${APPEND_LOCK});
  SELECT coalesce(max(e.position), 0) INTO head FROM events e;
  start_head := head;
  SELECT coalesce(jsonb_object_agg(s.stream_id, jsonb_build_array(s.revision, s.hash, s.position)), '{}')
    INTO heads FROM streams s WHERE s.stream_id = ANY(stream_ids);
  SELECT coalesce(array_agg(e.event_id), '{}') INTO stored
    FROM events e WHERE e.event_id = ANY(event_ids);
  -- Ids sent more than once: only these need comparing with the call's other events.
  SELECT coalesce(array_agg(d.id), '{}') INTO repeated
    FROM (SELECT x AS id FROM unnest(event_ids) x GROUP BY x HAVING count(*) > 1) d;
  FOR r IN 1 .. coalesce(array_length(stream_ids, 1), 0) LOOP
    hi := lo + counts[r] - 1;
    tip := heads -> stream_ids[r];
    actual := coalesce((tip ->> 0)::int, -1);
    outcome := 'written'; at_revision := actual; at_position := NULL; duplicate_id := NULL;
    IF NOT (expected[r] = 'any' OR (expected[r] = 'no_stream' AND actual = -1)
            OR (expected[r] = 'exists' AND actual >= 0) OR expected[r] = actual::text) THEN
      outcome := 'wrong_revision';
    ELSE
      FOR i IN lo .. hi LOOP
        IF event_ids[i] = ANY(stored) OR (event_ids[i] = ANY(repeated)
            AND (event_ids[i] = ANY(written) OR event_ids[i] = ANY(event_ids[lo:i - 1]))) THEN
          outcome := 'duplicate'; duplicate_id := event_ids[i];
          EXIT;
        END IF;
      END LOOP;
    END IF;
    IF outcome = 'written' AND counts[r] = 0 THEN
      at_position := coalesce((tip ->> 2)::bigint, 0);
    ELSIF outcome = 'written' THEN
      link := coalesce(tip ->> 1, '${GENESIS_HASH}');
      FOR i IN lo .. hi LOOP
        actual := actual + 1;
        head := head + 1;
        picked := picked || i;
        picked_streams := picked_streams || stream_ids[r];
        picked_revisions := picked_revisions || actual;
        picked_prevs := picked_prevs || link;
        link := encode(sha256(convert_to(link || hash_heads[i] || actual::text || hash_tails[i], 'UTF8')), 'hex');
        picked_hashes := picked_hashes || link;
      END LOOP;
      IF cardinality(repeated) > 0 THEN written := written || event_ids[lo:hi]; END IF;
      heads := heads || jsonb_build_object(stream_ids[r], jsonb_build_array(actual, link, head));
      moved := moved || stream_ids[r];
      at_revision := actual;
      at_position := head;
    END IF;
    RETURN NEXT;
    lo := hi + 1;
  END LOOP;
  IF head > start_head THEN
    INSERT INTO events (position, event_id, stream_id, revision, type, schema_version,
                        recorded_at, data, metadata, prev_hash, hash)
    SELECT start_head + w.n, event_ids[w.i], w.stream_id, w.revision, types[w.i],
           schema_versions[w.i], recorded, datas[w.i], metadatas[w.i], w.prev_hash, w.hash
    FROM unnest(picked, picked_streams, picked_revisions, picked_prevs, picked_hashes)
         WITH ORDINALITY AS w(i, stream_id, revision, prev_hash, hash, n);
    INSERT INTO streams (stream_id, revision, hash, position)
    SELECT h.key, (h.value ->> 0)::int, h.value ->> 1, (h.value ->> 2)::bigint
    FROM jsonb_each(heads) AS h WHERE h.key = ANY(moved)
    ON CONFLICT (stream_id) DO UPDATE
      SET revision = excluded.revision, hash = excluded.hash, position = excluded.position;
    PERFORM pg_notify('${APPENDED_CHANNEL}', head::text);
  END IF;
END
$fn$`;
