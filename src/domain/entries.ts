/**
 * States keep items in plain records keyed by ids that come from outside: commands, paths,
 * token claims. `record[id]` would find Object.prototype's members for ids such as
 * "constructor" or "toString", so every lookup by such an id reads own entries only.
 * Entries are written with computed keys in object literals (`{ ...record, [id]: item }`),
 * which define own properties even for "__proto__"; never by assignment or Object.assign.
 */
export function entryOf<Item>(
  record: Readonly<Record<string, Item>>,
  id: string,
): Item | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
