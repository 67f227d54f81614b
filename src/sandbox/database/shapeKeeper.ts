/**
 * Keeps the database's optimized code valid while no deployment exists.
 *
 * V8 optimizes a hot function for the object shapes ("maps") it has seen,
 * and embeds those shapes weakly: once no object of a shape is left, a full
 * garbage collection drops the shape and throws away every piece of
 * optimized code that relied on it. The engine's own objects (tree nodes,
 * table stores, document versions, pending writes, commits) all belong to
 * some deployment, so when the last deployment is disposed and collected,
 * the whole write path falls back to the interpreter and the next deployment
 * pays to optimize it again (a fresh deployment's first mutations ran at
 * half speed after every such collection).
 *
 * One small database, written once when this module loads and then kept for
 * the life of the process, holds an object of each of those shapes. It is
 * never read or written again and holds about 200 KB.
 */
import { Database } from "./database.ts";
import type { Transaction } from "./transaction.ts";

/** Commits made: more than V8's slack tracking needs (a class's first constructions get provisional shapes). */
const COMMITS = 12;
/** Documents inserted per commit: 12 x 15 is more than one tree node holds (64), so the trees have inner nodes. */
const PER_COMMIT = 15;

interface Kept {
  db: Database;
  /** A transaction left open, so a transaction's own shapes stay alive too. */
  open: Transaction;
}

function keep(): Kept {
  const db = new Database();
  const ids: string[] = [];
  for (let c = 0; c < COMMITS; c++) {
    const tx = db.begin();
    for (let i = 0; i < PER_COMMIT; i++) ids.push(tx.insert("kept", { c, i }));
    tx.get(ids[c]);
    if (c > 0) tx.patch(ids[c - 1], { i: -1 });
    db.commit(tx);
  }
  const open = db.begin();
  open.replace(ids[0], { c: 0, i: 0 });
  open.delete(ids[1]);
  open.insert("kept", { c: COMMITS, i: 0 });
  return { db, open };
}

/** Held by this module for the life of the process. */
export const kept: Kept = keep();
