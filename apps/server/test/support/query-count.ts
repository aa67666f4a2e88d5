import type { KyselyPlugin } from 'kysely';
import type { Db } from '../../src/platform/transactions.js';

/** A view of db that counts the statements sent through it (and names their kinds). */
export function countingDb(db: Db): { db: Db; count: () => number; kinds: () => string[] } {
  const kinds: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      kinds.push(args.node.kind);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), count: () => kinds.length, kinds: () => [...kinds] };
}
