// PouchDB ships no types; the replica types the part it uses (annotations/replica/pouch-types.ts).
declare module 'pouchdb' {
  const PouchDB: import('../../annotations/replica/pouch-types.ts').PouchConstructor;
  export default PouchDB;
}
