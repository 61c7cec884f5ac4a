import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyAnswerEditor } from '$lib/state/my-answer.svelte';
import { storageStatus } from '$lib/state/storage-status.svelte';
import type { StudyDatabase } from '$lib/storage/db';
import { loadMyAnswer } from '$lib/storage/my-answers';
import { freshDB } from '../storage/db';
import { until } from './site';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';
const now = () => NOW;

/**
 * A database whose every write fails as a full device's does (a write transaction too), with the
 * error it fails with.
 */
function fullDevice(db: StudyDatabase, full: DOMException): StudyDatabase {
	return new Proxy(db, {
		get: (target, key) => {
			if (key === 'put' || key === 'delete') return () => Promise.reject(full);
			if (key === 'transaction') {
				return (stores: never, mode?: IDBTransactionMode) => {
					if (mode === 'readwrite') throw full;
					return target.transaction(stores, mode);
				};
			}
			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

afterEach(() => {
	storageStatus.dismissUnsaved();
	vi.restoreAllMocks();
});

describe('leaving a question with your own answer unsaved', () => {
	it('says so on the app’s banner when the save on leaving fails, and logs why', async () => {
		const db = await freshDB();
		const full = new DOMException('full', 'QuotaExceededError');
		let failing = false;
		const editor = new MyAnswerEditor(QUESTION, {
			open: async () => (failing ? fullDevice(db, full) : db),
			now,
			delayMs: 60_000
		});
		await editor.load();
		const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		failing = true;
		editor.edit('result', 'Half the pages.');
		editor.dispose();
		await until(() => storageStatus.unsaved !== null, 'the banner');
		expect(storageStatus.unsaved).toBe(
			'Your answer to an interview question was not saved when you left it, so what you typed last is lost. Your device is out of storage space, so this was not saved. Nothing already saved was changed. Free some space and try again.'
		);
		expect(log).toHaveBeenCalledWith(
			expect.stringContaining(QUESTION),
			expect.objectContaining({ name: 'StorageError', cause: full })
		);
		expect(await loadMyAnswer(db, QUESTION)).toBeNull();
		storageStatus.dismissUnsaved();
		expect(storageStatus.unsaved).toBeNull();
	});

	it('says nothing when the save on leaving works', async () => {
		const db = await freshDB();
		const editor = new MyAnswerEditor(QUESTION, { open: async () => db, now, delayMs: 60_000 });
		await editor.load();
		editor.edit('result', 'Half the pages.');
		editor.dispose();
		await until(() => editor.state === 'saved', 'the save on leaving');
		expect(storageStatus.unsaved).toBeNull();
		expect((await loadMyAnswer(db, QUESTION))?.result).toBe('Half the pages.');
	});
});
