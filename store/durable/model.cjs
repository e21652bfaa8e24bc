// The one place that knows the in-memory model of @vercel/cosmosdb-server (lib/account): an
// Account holds Databases, each Database its Collections, each Collection its Documents, all
// `Items` containers that store a resource with `_set(data)` and remove it with `delete(id, pk)`
// (create, replace, upsert, patch, bulk and batch all end in those two).
//
// - observe(): reports every change as an op the journal can store and replay:
//     { k: 'db' | 'coll' | 'doc', db?, coll?, v: <stored resource>, rc }   put (create or replace)
//     { k, db?, coll?, del: { id, pk } }                                   delete
//   `rc` is the container's resource-id counter: restored with the data so that new resources
//   never reuse the `_rid` of an existing one.
// - apply(): replays ops idempotently, storing resources exactly as they were (same `_rid`,
//   `_etag`, `_ts`), so ETags held by clients stay valid across a restart.
// - capture(): the whole state as a list of puts, for a snapshot (references, no copies: the
//   model never changes a stored resource in place, it stores a new object).
'use strict';
const Account = require('@vercel/cosmosdb-server/lib/account').default;

const CHILDREN = { db: ['collections', 'coll'], coll: ['documents', 'doc'] };

function createAccount(host, port) {
  return new Account(host, port);
}

class ModelObserver {
  constructor(account, onOp) {
    this.onOp = onOp;
    this.paused = false;
    this.watch(account.databases, 'db', {});
  }

  /** Runs `work` without reporting its changes (replaying the journal must not journal again). */
  quietly(work) {
    this.paused = true;
    try {
      return work();
    } finally {
      this.paused = false;
    }
  }

  watch(items, kind, where) {
    const set = items._set;
    const del = items.delete;
    const replace = items.replace;
    const newItem = items._newItem;
    const report = (op) => {
      if (!this.paused) this.onOp(op);
    };
    // A replace is a delete and a set inside the model; the put alone says it all (replaying a
    // put removes what was there), so it is journaled once.
    let replacing = false;
    items.replace = (...args) => {
      replacing = true;
      try {
        return replace.apply(items, args);
      } finally {
        replacing = false;
      }
    };
    items._set = (data) => {
      const stored = set.call(items, data);
      report({ k: kind, ...where, v: stored, rc: items._ridCount });
      return stored;
    };
    items.delete = (idOrRid, partition) => {
      const existing = items._item('/id', idOrRid, partition).read();
      const result = del.call(items, idOrRid, partition);
      if (existing && !replacing) report({ k: kind, ...where, del: { id: existing.id, pk: items._getPartition(existing) } });
      return result;
    };
    const child = CHILDREN[kind];
    if (child) {
      // Databases and collections are created by their container: watch what each one holds.
      items._newItem = (data) => {
        const item = newItem.call(items, data);
        if (data) this.watch(item[child[0]], child[1], { ...where, [kind]: data.id });
        return item;
      };
    }
  }
}

function containerOf(account, op) {
  if (op.k === 'db') return account.databases;
  const database = account.database(op.db);
  if (!database.read()) throw new Error(`it names database "${op.db}", which does not exist at that point`);
  if (op.k === 'coll') return database.collections;
  const collection = database.collection(op.coll);
  if (!collection.read()) throw new Error(`it names container "${op.db}/${op.coll}", which does not exist at that point`);
  return collection.documents;
}

function put(items, resource) {
  const pk = items._getPartition(resource);
  const existing = items._item('/id', resource.id, pk).read();
  if (existing) items.delete(existing.id, pk);
  items._set(resource);
}

/** Applies one op (from the journal or a snapshot) to the model. */
function apply(account, op) {
  const items = containerOf(account, op);
  if (op.del) {
    if (items._item('/id', op.del.id, op.del.pk).read()) items.delete(op.del.id, op.del.pk);
    return;
  }
  if (op.vs) for (const resource of op.vs) put(items, resource);
  else put(items, op.v);
  if (op.rc > items._ridCount) items._ridCount = op.rc;
}

/**
 * The whole state as puts: databases, then their containers, then documents in chunks of
 * `chunk` ({ k: 'doc', db, coll, vs: [...], rc }). Synchronous: it is the state of one instant.
 */
function capture(account, chunk = 500) {
  const ops = [];
  let documents = 0;
  const databases = account.databases;
  for (const database of databases._data.values()) {
    const db = database.read();
    ops.push({ k: 'db', v: db, rc: databases._ridCount });
    const collections = database.collections;
    for (const collection of collections._data.values()) {
      const coll = collection.read();
      ops.push({ k: 'coll', db: db.id, v: coll, rc: collections._ridCount });
      const docs = collection.documents;
      const all = [...docs._data.values()].map((d) => d.read());
      documents += all.length;
      for (let i = 0; i < all.length || i === 0; i += chunk) {
        ops.push({ k: 'doc', db: db.id, coll: coll.id, vs: all.slice(i, i + chunk), rc: docs._ridCount });
      }
    }
  }
  return { ops, documents };
}

/** Documents across every container (for start-up reporting). */
function countDocuments(account) {
  let n = 0;
  for (const database of account.databases._data.values()) {
    for (const collection of database.collections._data.values()) n += collection.documents._data.size;
  }
  return n;
}

module.exports = { createAccount, ModelObserver, apply, capture, countDocuments };
