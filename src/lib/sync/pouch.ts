// The part of PouchDB's API that sync uses, typed here: PouchDB ships no types, and the
// DefinitelyTyped ones bring Node's into the whole app. Written after PouchDB 9's documentation.

/** A write of bulkDocs: done, or refused (409: a conflict, the document is there already). */
export type BulkResult =
	| { ok: true; id: string; rev: string }
	| { error: string | boolean; status?: number; id?: string; message?: string; name?: string };

/**
 * A row of allDocs with `keys`: the document's current (winning) revision, and with
 * `include_docs` its content (null when deleted); or why there is none.
 */
export type AllDocsRow =
	| { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: unknown }
	| { key: string; error: string };

/** A change of the changes feed. */
export interface Change {
	id: string;
	seq: number | string;
	deleted?: boolean;
	doc?: unknown;
}

/** What a one-off replication reports. */
export interface ReplicationResult {
	ok: boolean;
	docs_read: number;
	docs_written: number;
	doc_write_failures: number;
	errors: unknown[];
}

/** Options of a one-off replication. */
export interface ReplicationOptions {
	batch_size?: number;
	batches_limit?: number;
	/** Applied to each document before it is written (a pull's documents are checked here). */
	filter?: (doc: unknown) => boolean;
}

/** A PouchDB database, local or on a server. */
export interface SyncDatabase {
	/**
	 * A document: its winning revision, or the revision `rev` (a leaf of a conflict, say). With
	 * `conflicts`, it has `_conflicts`: the revisions of its other leaves that are not deleted.
	 * @throws an error with `status` 404 when there is no such document or revision
	 */
	get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<unknown>;
	put(doc: object): Promise<{ ok: true; id: string; rev: string }>;
	/**
	 * Writes documents; with `new_edits: false`, each as the revision it names, as the replicator
	 * does (a leaf of a conflict can be made so).
	 */
	bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<BulkResult[]>;
	allDocs(options: { keys: string[]; include_docs?: boolean }): Promise<{ rows: AllDocsRow[] }>;
	/**
	 * Changes after `since`, each document's winning revision; with `conflicts`, each `doc` has
	 * `_conflicts` when it has other leaves (see get).
	 */
	changes(options: {
		since: number | string;
		limit: number;
		include_docs: true;
		conflicts?: boolean;
	}): Promise<{ results: Change[]; last_seq: number | string }>;
	replicate: {
		to(target: SyncDatabase, options?: ReplicationOptions): Promise<ReplicationResult>;
		from(source: SyncDatabase, options?: ReplicationOptions): Promise<ReplicationResult>;
	};
	info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
	destroy(): Promise<unknown>;
	close(): Promise<unknown>;
}

/** PouchDB's constructor, with its plugins added. */
export interface SyncDatabaseClass {
	new (name: string, options?: Record<string, unknown>): SyncDatabase;
	plugin(plugin: unknown): SyncDatabaseClass;
}
