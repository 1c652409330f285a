// PouchDB ships no types; the replica types the part it uses (annotations/replica/pouch-types.ts).
declare module 'pouchdb' {
  const PouchDB: import('../../annotations/replica/pouch-types.ts').PouchBrowserConstructor;
  export default PouchDB;
}
// The `indexeddb` adapter: a PouchDB plugin (`PouchDB.plugin(adapter)`).
declare module 'pouchdb-adapter-indexeddb' {
  const adapter: unknown;
  export default adapter;
}
