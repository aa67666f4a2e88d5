import type { KyselyPlugin, QueryId } from 'kysely';
import type { Db } from '../../src/platform/transactions.js';

/**
 * A view of db that counts the statements sent through it (and names their kinds). Counted when
 * the result comes back, so a builder nested in another statement (INSERT ... SELECT) is not
 * taken for a statement of its own.
 */
export function countingDb(db: Db): { db: Db; count: () => number; kinds: () => string[] } {
  const kinds: string[] = [];
  const pending = new WeakMap<QueryId, string>();
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      pending.set(args.queryId, args.node.kind);
      return args.node;
    },
    transformResult: async (args) => {
      const kind = pending.get(args.queryId);
      if (kind !== undefined) kinds.push(kind);
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), count: () => kinds.length, kinds: () => [...kinds] };
}
