import type { StudyDatabase } from '$lib/storage/db';

/** A database whose every write fails as a full device's does. */
export function fullDevice(db: StudyDatabase): StudyDatabase {
	const full = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
	return new Proxy(db, {
		get: (target, key) => (key === 'put' || key === 'delete' ? full : bound(target, key))
	});
}

/** The database's own member, its methods bound to it (a proxy is not an IDBDatabase). */
export function bound(db: StudyDatabase, key: string | symbol): unknown {
	const value: unknown = Reflect.get(db, key, db);
	return typeof value === 'function' ? value.bind(db) : value;
}
