import type { StudyDatabase } from '$lib/storage/db';

/** A database whose every write fails as a full device's does (a write transaction too). */
export function fullDevice(db: StudyDatabase): StudyDatabase {
	const error = () => new DOMException('full', 'QuotaExceededError');
	const full = () => Promise.reject(error());
	return new Proxy(db, {
		get: (target, key) => {
			if (key === 'put' || key === 'delete') return full;
			if (key !== 'transaction') return bound(target, key);
			return (stores: never, mode?: IDBTransactionMode) => {
				if (mode === 'readwrite') throw error();
				return target.transaction(stores, mode);
			};
		}
	});
}

/** The database's own member, its methods bound to it (a proxy is not an IDBDatabase). */
export function bound(db: StudyDatabase, key: string | symbol): unknown {
	const value: unknown = Reflect.get(db, key, db);
	return typeof value === 'function' ? value.bind(db) : value;
}
