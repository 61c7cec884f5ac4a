import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openStudyDB } from '$lib/storage/db';
import { loadInterviewAnswers } from '$lib/storage/history';
import { loadMyAnswer, loadMyAnswers, saveMyAnswer } from '$lib/storage/my-answers';
import {
	deleteRecordings,
	loadRecording,
	recordingsTotal,
	saveRecording
} from '$lib/storage/recordings';
import { EMPTY_ANSWER } from '$lib/quiz/my-answer';
import { freshDB } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';
const STORY = {
	...EMPTY_ANSWER,
	situation: 'Two teams shipped the same service twice.',
	action: 'I merged them.\nThen I wrote the <b>plan</b>.',
	item: QUESTION,
	updatedAt: NOW
};

/** A sound of `bytes` bytes, as a recorder hands it over. */
function sound(bytes: number): Blob {
	return new Blob([new Uint8Array(bytes)], { type: 'audio/webm;codecs=opus' });
}

/**
 * A database as version 3 of the app left it, built with version 3's own schema steps (frozen
 * here, so later changes to the migrations cannot change the fixture).
 */
async function versionThreeFixture(name: string): Promise<void> {
	const db = await openDB(name, 3, {
		upgrade(database) {
			database.createObjectStore('decks', { keyPath: 'id' });
			const cards = database.createObjectStore('cards', { keyPath: 'id' });
			cards.createIndex('by-due', 'due');
			cards.createIndex('by-deck', 'deck');
			const reviews = database.createObjectStore('reviews', { keyPath: 'id', autoIncrement: true });
			reviews.createIndex('by-card', 'card');
			reviews.createIndex('by-time', 'time');
			database.createObjectStore('settings', { keyPath: 'key' });
			const attempts = database.createObjectStore('quizAttempts', {
				keyPath: 'id',
				autoIncrement: true
			});
			attempts.createIndex('by-time', 'finishedAt');
			const interviews = database.createObjectStore('interviewAnswers', {
				keyPath: 'id',
				autoIncrement: true
			});
			interviews.createIndex('by-item', 'item');
			interviews.createIndex('by-time', 'time');
		}
	});
	await db.add('interviewAnswers', {
		item: QUESTION,
		deck: 'cto-role',
		time: NOW,
		durationMs: 1000,
		covered: [0],
		keyPoints: 3,
		score: 1 / 3,
		notes: 'typed then',
		mock: null
	});
	await db.put('settings', { key: 'newPerDay', value: 35 });
	db.close();
}

describe('upgrading from version 3', () => {
	it('adds the stores for your own answers and recordings, keeping every record', async () => {
		const name = `fixture-v3-${Math.random()}`;
		await versionThreeFixture(name);
		const db = await openStudyDB(name);
		expect(db.version).toBe(DB_VERSION);
		expect(db.objectStoreNames.contains('myAnswers')).toBe(true);
		expect(db.objectStoreNames.contains('recordings')).toBe(true);
		const [answer] = await loadInterviewAnswers(db);
		expect(answer?.notes).toBe('typed then');
		expect(answer?.id).toBe(1);
		expect(await db.get('settings', 'newPerDay')).toEqual({ key: 'newPerDay', value: 35 });
		// The new stores work at once.
		await saveMyAnswer(db, STORY);
		expect(await loadMyAnswer(db, QUESTION)).toEqual(STORY);
		db.close();
	});
});

describe('your own answers', () => {
	it('are kept per question, as typed, one record over the last', async () => {
		const db = await freshDB();
		expect(await loadMyAnswer(db, QUESTION)).toBeNull();
		await saveMyAnswer(db, STORY);
		await saveMyAnswer(db, { ...STORY, result: 'One service.', updatedAt: NOW + 1 });
		expect(await loadMyAnswer(db, QUESTION)).toEqual({
			...STORY,
			result: 'One service.',
			updatedAt: NOW + 1
		});
		expect(await loadMyAnswers(db)).toHaveLength(1);
	});

	it('go when everything is erased', async () => {
		const db = await freshDB();
		await saveMyAnswer(db, STORY);
		await saveMyAnswer(db, { ...STORY, ...EMPTY_ANSWER, notes: '  ' });
		expect(await loadMyAnswer(db, QUESTION)).toBeNull();
	});

	it('a damaged record is told apart from none, never read as a wrong answer; lists skip it', async () => {
		const db = await freshDB();
		await db.put('myAnswers', { ...STORY, action: 42 } as unknown as typeof STORY);
		await db.put('myAnswers', { ...STORY, item: 'other', notes: 'x'.repeat(4001) });
		await expect(loadMyAnswer(db, QUESTION)).rejects.toThrow(
			'Your answer stored for this question is damaged and cannot be shown.'
		);
		expect(await loadMyAnswer(db, 'nothing-here')).toBeNull();
		expect(await loadMyAnswers(db)).toEqual([]);
	});
});

describe('recordings', () => {
	it('keep the newest per question, and are counted with their total size', async () => {
		const db = await freshDB();
		expect(await recordingsTotal(db)).toEqual({ count: 0, bytes: 0 });
		const base = { mimeType: 'audio/webm;codecs=opus', recordedAt: NOW };
		await saveRecording(db, { ...base, item: QUESTION, audio: sound(1000), size: 1000 });
		await saveRecording(db, {
			...base,
			item: QUESTION,
			audio: sound(2500),
			size: 2500,
			recordedAt: NOW + 60_000
		});
		await saveRecording(db, { ...base, item: 'other/q/interview', audio: sound(700), size: 700 });
		expect(await recordingsTotal(db)).toEqual({ count: 2, bytes: 3200 });
		const kept = await loadRecording(db, QUESTION);
		expect(kept?.recordedAt).toBe(NOW + 60_000);
		expect(kept?.audio.size).toBe(2500);
		expect(kept?.audio.type).toBe('audio/webm;codecs=opus');

		await deleteRecordings(db);
		expect(await recordingsTotal(db)).toEqual({ count: 0, bytes: 0 });
		expect(await loadRecording(db, QUESTION)).toBeNull();
	});

	it('a record that does not read back as a recording is refused in plain words', async () => {
		const db = await freshDB();
		const good = {
			item: QUESTION,
			audio: sound(10),
			mimeType: 'audio/webm',
			size: 10,
			recordedAt: NOW
		};
		for (const bad of [
			{ ...good, audio: 'not a blob' },
			{ ...good, size: 'ten' },
			{ ...good, recordedAt: Number.NaN },
			{ ...good, transcript: 42 },
			{ ...good, spokenMs: -1 },
			{ item: QUESTION }
		]) {
			await db.put('recordings', bad as never);
			await expect(loadRecording(db, QUESTION)).rejects.toThrow(
				'The recording kept for this question is damaged, so it cannot be played. Record your answer again to replace it.'
			);
		}
		await saveRecording(db, good);
		expect(await loadRecording(db, QUESTION)).toMatchObject({ size: 10, recordedAt: NOW });
		// The transcript and how long it was spoken are kept beside the audio when there are some.
		await saveRecording(db, { ...good, transcript: 'We cut the scope.', spokenMs: 4000 });
		expect(await loadRecording(db, QUESTION)).toMatchObject({
			transcript: 'We cut the scope.',
			spokenMs: 4000
		});
	});
});
