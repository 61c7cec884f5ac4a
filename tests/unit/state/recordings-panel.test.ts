import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '$lib/state/app.svelte';
import { recordingsTotal, saveRecording } from '$lib/storage/recordings';
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
});
