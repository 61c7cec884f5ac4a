import type { StudyDatabase } from '$lib/storage/db';
import { markEditsToSend, storeMarkEdits } from '$lib/storage/sync-marks';
import { myAnswerEditsToSend, storeMyAnswerEdits } from '$lib/storage/sync-my-answers';
import { ownDeckEditsToSend, storeOwnDeckEdits } from '$lib/storage/sync-own-decks';
import { settingEditsToSend, storeSettingEdits } from '$lib/storage/sync-settings';
import { SYNC_KINDS, type SyncBody, type SyncBodyOf, type SyncKind } from './bodies';

// The per-key kinds (see per-key.ts): how each one's edits are read from this device's storage
// to be sent, and how those received are stored. Storage decides what a record holds and how it
// is stored; this table only turns records into bodies and back.

/** How one per-key kind is read from and stored on this device. */
export interface PerKeyKind {
	kind: SyncKind;
	/**
	 * This device's records edited after the reading `after` (null: all), as bodies with their
	 * readings, oldest edit first; a record edited before edits were stamped is among them.
	 */
	toSend(db: StudyDatabase, after: string | null): Promise<SyncBody[]>;
	/**
	 * Stores checked bodies from other devices, each where its edit is newer than the one here,
	 * the clock advanced past each; refuses those stamped too far ahead of `now`.
	 * @returns how many were stored, and how many were refused for their clock
	 */
	store(
		db: StudyDatabase,
		bodies: readonly SyncBody[],
		now: number
	): Promise<{ stored: number; skewed: number }>;
}

const isSetting = (body: SyncBody): body is SyncBodyOf<'setting'> => body.kind === 'setting';
const isMark = (body: SyncBody): body is SyncBodyOf<'mark'> => body.kind === 'mark';
const isMyAnswer = (body: SyncBody): body is SyncBodyOf<'myAnswer'> => body.kind === 'myAnswer';
const isOwnDeck = (body: SyncBody): body is SyncBodyOf<'ownDeck'> => body.kind === 'ownDeck';

/** Every per-key kind, in the order their edits are sent. */
export const PER_KEY: readonly PerKeyKind[] = [
	{
		kind: 'setting',
		toSend: async (db, after) =>
			(await settingEditsToSend(db, after)).map(
				(edit) => ({ kind: 'setting', ...edit }) as SyncBodyOf<'setting'>
			),
		store: async (db, bodies, now) => {
			const edits = bodies.filter(isSetting).map(({ key, value, hlc }) => ({ key, value, hlc }));
			return storeSettingEdits(db, edits, now);
		}
	},
	{
		kind: 'mark',
		toSend: async (db, after) =>
			(await markEditsToSend(db, after)).map(({ record, hlc }) => ({
				kind: 'mark',
				mark: record,
				hlc
			})),
		store: (db, bodies, now) =>
			storeMarkEdits(
				db,
				bodies.filter(isMark).map(({ mark, hlc }) => ({ record: mark, hlc })),
				now
			)
	},
	{
		kind: 'myAnswer',
		toSend: async (db, after) =>
			(await myAnswerEditsToSend(db, after)).map(({ record, hlc }) => ({
				kind: 'myAnswer',
				answer: record,
				hlc
			})),
		store: (db, bodies, now) =>
			storeMyAnswerEdits(
				db,
				bodies.filter(isMyAnswer).map(({ answer, hlc }) => ({ record: answer, hlc })),
				now
			)
	},
	{
		kind: 'ownDeck',
		toSend: async (db, after) =>
			(await ownDeckEditsToSend(db, after)).map(({ record, hlc }) => ({
				kind: 'ownDeck',
				deck: record,
				hlc
			})),
		store: (db, bodies, now) =>
			storeOwnDeckEdits(
				db,
				bodies.filter(isOwnDeck).map(({ deck, hlc }) => ({ record: deck, hlc })),
				now
			)
	}
];

/** The per-key kinds by the prefix of their documents' ids. */
export const KIND_OF: ReadonlyMap<string, PerKeyKind> = new Map(
	PER_KEY.map((kind) => [SYNC_KINDS[kind.kind].prefix, kind])
);
