import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '$lib/state/app.svelte';
import { RecordingsPanel } from '$lib/state/recordings-panel.svelte';
import { recordingsTotal, saveRecording } from '$lib/storage/recordings';
import { SettingsPage } from '$lib/state/settings-page.svelte';
import { freshDevice, mounted, until } from './site';

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
		const { page, leave } = await mounted(new RecordingsPanel());
		const settings = await mounted(new SettingsPage());
		expect(page.total).toEqual({ count: 2, bytes: 1_200_000 });
		expect(settings.page.recordingBytes).toBe(1_200_000);
		page.ask();
		expect(page.confirming).toBe(true);
		page.cancel();
		expect(page.confirming).toBe(false);
		expect(await recordingsTotal(db)).toEqual({ count: 2, bytes: 1_200_000 });

		page.ask();
		await page.confirm();
		expect(page.confirming).toBe(false);
		expect(page.total).toEqual({ count: 0, bytes: 0 });
		expect(page.outcome).toEqual({
			status: 'Every recording on this device was deleted.',
			problem: null
		});
		expect(await recordingsTotal(db)).toEqual({ count: 0, bytes: 0 });
		// The backup's "Include my recordings" says their size: it is counted again.
		await until(() => settings.page.recordingBytes === 0, 'the settings page to count again');
		settings.leave();
		leave();
	});
});
