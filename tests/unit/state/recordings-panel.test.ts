import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '$lib/state/app.svelte';
import {
	followUpKey,
	loadRecording,
	recordingsTotal,
	saveRecording
} from '$lib/storage/recordings';
import { SettingsPage } from '$lib/state/settings-page.svelte';
import { freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 23, 9, 0);

beforeEach(async () => {
	await freshDevice();
});

describe('the recordings on the Settings page', () => {
	it('counts them with their size, and deletes them all once confirmed', async () => {
		const db = await app.ready();
		for (const [item, size] of [
			['a/q/interview', 700_000],
			['b/q/interview', 500_000]
		] as const) {
			await saveRecording(db, {
				item,
				audio: new Blob([new Uint8Array(size)], { type: 'audio/webm' }),
				mimeType: 'audio/webm',
				size,
				recordedAt: NOW
			});
		}
		const { page: settings, leave } = await mounted(new SettingsPage());
		const page = settings.recordings;
		expect(page.total).toEqual({ count: 2, bytes: 1_200_000 });
		expect(settings.recordingBytes).toBe(1_200_000);
		page.ask();
		expect(page.confirming).toBe(true);
		page.cancel();
		expect(page.confirming).toBe(false);
		expect(await recordingsTotal(db)).toEqual({ count: 2, bytes: 1_200_000 });

		page.ask();
		await page.confirm();
		expect(page.confirming).toBe(false);
		expect(page.outcome).toEqual({
			status: 'Every recording on this device was deleted.',
			problem: null
		});
		expect(await recordingsTotal(db)).toEqual({ count: 0, bytes: 0 });
		// Once the delete is done, every count of recordings on the page is right, with no reload
		// to wait for: the section's and the backup's "Include my recordings" size are one count.
		expect(page.total).toEqual({ count: 0, bytes: 0 });
		expect(settings.recordingBytes).toBe(0);
		leave();
	});

	it('lists each recording with its question, date, length and size, and deletes one once confirmed', async () => {
		const db = await app.ready();
		const question = app.decks
			.flatMap((deck) => deck.items)
			.find((item) => item.kind === 'interview');
		if (question?.kind !== 'interview') throw new Error('the decks hold no interview question');
		const record = (item: string, size: number, recordedAt: number, spokenMs?: number) =>
			saveRecording(db, {
				item,
				audio: new Blob([new Uint8Array(size)], { type: 'audio/webm' }),
				mimeType: 'audio/webm',
				size,
				recordedAt,
				...(spokenMs === undefined ? {} : { spokenMs })
			});
		await record(question.id, 1000, NOW, 95_000);
		await record(followUpKey(question.id), 400, NOW + 60_000);
		await record('gone/topic/old/interview', 200, NOW - 60_000);

		const { page: settings, leave } = await mounted(new SettingsPage());
		const panel = settings.recordings;
		expect(panel.total).toEqual({ count: 3, bytes: 1600 });
		// Newest first; a follow-up is named by its question; a question the notes lost is said so.
		expect(panel.rows).toEqual([
			{
				key: followUpKey(question.id),
				question: question.question,
				followUp: true,
				recordedAt: NOW + 60_000,
				size: 400
			},
			{
				key: question.id,
				question: question.question,
				followUp: false,
				recordedAt: NOW,
				size: 1000,
				spokenMs: 95_000
			},
			{
				key: 'gone/topic/old/interview',
				question: null,
				followUp: false,
				recordedAt: NOW - 60_000,
				size: 200
			}
		]);

		const first = panel.rows?.[1];
		if (!first) throw new Error('no row');
		panel.askOne(first);
		expect(panel.deletingOne).toBe(first);
		panel.cancelOne();
		expect(panel.deletingOne).toBeNull();
		expect(await recordingsTotal(db)).toEqual({ count: 3, bytes: 1600 });

		panel.askOne(first);
		await panel.confirmOne();
		expect(panel.deletingOne).toBeNull();
		expect(panel.outcome).toEqual({ status: 'The recording was deleted.', problem: null });
		// Only that one went: the question's follow-up and the other stay.
		expect(await loadRecording(db, question.id)).toBeNull();
		expect(await recordingsTotal(db)).toEqual({ count: 2, bytes: 600 });
		expect(panel.rows?.map((row) => row.key)).toEqual([
			followUpKey(question.id),
			'gone/topic/old/interview'
		]);
		expect(panel.total).toEqual({ count: 2, bytes: 600 });
		expect(settings.recordingBytes).toBe(600);
		leave();
	});

	it('says when a recording could not be deleted, and keeps it listed', async () => {
		const db = await app.ready();
		await saveRecording(db, {
			item: 'a/q/interview',
			audio: new Blob([new Uint8Array(10)], { type: 'audio/webm' }),
			mimeType: 'audio/webm',
			size: 10,
			recordedAt: NOW
		});
		const { page: settings, leave } = await mounted(new SettingsPage());
		const panel = settings.recordings;
		const row = panel.rows?.[0];
		if (!row) throw new Error('no row');
		panel.askOne(row);
		const spy = vi
			.spyOn(db, 'delete')
			.mockRejectedValueOnce(new DOMException('busy', 'UnknownError'));
		await panel.confirmOne();
		spy.mockRestore();
		expect(panel.outcome.problem).toMatch(/^The recording was not deleted: /);
		expect(panel.rows).toHaveLength(1);
		expect(await recordingsTotal(db)).toEqual({ count: 1, bytes: 10 });
		leave();
	});
});
