/**
 * The sync replica's worker: PouchDB's browser build (IndexedDB and HTTP
 * adapters, replication) serving the page's stand-in for it
 * (`annotations/replica/pouch-host.ts` says why it runs here). The layers'
 * local databases are the same IndexedDB databases as when PouchDB ran on
 * the page (same adapter, same names): a replica made before keeps working.
 */
/// <reference lib="webworker" />
import PouchDB from 'pouchdb';
import { hostPouch } from '../../annotations/replica/pouch-host.ts';

hostPouch(self as unknown as DedicatedWorkerGlobalScope, PouchDB);
