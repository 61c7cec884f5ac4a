/**
 * Where this build syncs: the origin of the CouchDB server its host named when building it
 * (`PUBLIC_SYNC_SERVER`, see origin.js), or null when it offers no sync. Small and eager, so any
 * page can say whether sync is offered without loading the sync code itself.
 */
export const SYNC_ORIGIN: string | null = __SYNC_ORIGIN__;
