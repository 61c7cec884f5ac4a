/**
 * A new id for a record of history: random, so two devices never give the same one, and it says
 * nothing about the record (a sync server sees it).
 */
export function newUid(): string {
	return crypto.randomUUID();
}

/** The record with its own id: the one it has, or a new one. */
export function withUid<T extends { uid?: string }>(record: T): T & { uid: string } {
	return { ...record, uid: record.uid ?? newUid() };
}
