import type BetterSqlite3 from "better-sqlite3";

/**
 * Writes that arrive while one is pending go into one IMMEDIATE transaction on the next turn
 * of the event loop: one WAL sync for all of them instead of one each, which under concurrent
 * intake would cost every request a disk flush on the event loop. Each write keeps its own
 * outcome: one that throws fails alone, the others commit.
 */
export function coalescedWrites<In, Out>(
  db: BetterSqlite3.Database,
  writeOne: (input: In) => Out,
): (input: In) => Promise<Out> {
  type Outcome = { ok: true; value: Out } | { ok: false; error: unknown };
  let pending: { input: In; settle: (outcome: Outcome) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    let outcomes: Outcome[];
    try {
      outcomes = db
        .transaction(() =>
          batch.map(({ input }): Outcome => {
            try {
              return { ok: true, value: writeOne(input) };
            } catch (error) {
              return { ok: false, error };
            }
          }),
        )
        .immediate();
    } catch (error) {
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    for (const [i, { settle }] of batch.entries()) settle(outcomes[i]!);
  };
  return (input) =>
    new Promise<Out>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({
        input,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
      });
    });
}
