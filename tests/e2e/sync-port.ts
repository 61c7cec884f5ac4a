/** The port of the CouchDB-protocol server the sync tests start (the e2e build syncs with it). */
export const SYNC_PORT = 5989;
