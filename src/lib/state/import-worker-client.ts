import type { Deck } from '$lib/content/types';
import type { ExportedDeck, ExportFormat } from '$lib/export';
import type { NotesInput, NotesOutcome } from '$lib/import/own-notes';
import type { PickedFile, ReadChoices, ReadOutcome } from './import-reader';
import type { ImportAsk } from './import.worker';
import { workerAsker } from './worker-asks';

/**
 * Reads files of cards and writes decks as files for other apps: in the importers' worker (see
 * import-reader.ts for in this thread).
 */
export interface CardReader {
	read(file: PickedFile, choices: ReadChoices): Promise<ReadOutcome>;
	export(deck: Deck, format: ExportFormat): Promise<ExportedDeck>;
	notes(input: NotesInput): Promise<NotesOutcome>;
	/**
	 * Loads every reader and writer now, to be kept for offline use.
	 * @returns the URLs of the files loaded for them (none when nothing is fetched, in Node)
	 */
	warm(): Promise<string[]>;
}

/**
 * Reads in the importers' worker, started on the first file and kept for the next ones. A worker
 * that cannot start (offline before it was ever loaded) is said in words.
 */
export function inWorker(): CardReader {
	const ask = workerAsker<ImportAsk>(
		() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
		'The importer could not be loaded. Connect to the internet once and try again; it is kept for offline use after that.'
	);
	return {
		read: async (file, choices) => (await ask({ file, choices })) as ReadOutcome,
		export: async (deck, format) => (await ask({ deck, format })) as ExportedDeck,
		notes: async (notes) => (await ask({ notes })) as NotesOutcome,
		warm: async () => (await ask({ warm: true })) as string[]
	};
}

/**
 * Loads every reader now and sees that the service worker has kept each file they came in.
 * @returns whether importing works offline from now on (false offline, before they were kept:
 *   reading a file then says so in words)
 */
export async function keptForOffline(reader: CardReader): Promise<boolean> {
	if (!('caches' in globalThis) || !('serviceWorker' in navigator)) return false;
	// On the first visit the service worker takes the page over only once installed: what is
	// fetched before that is not kept.
	if (!navigator.serviceWorker.controller) {
		await new Promise((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
		);
	}
	try {
		const urls = await reader.warm();
		return urls.length > 0 && (await allKept(urls));
	} catch {
		return false;
	}
}

/**
 * Whether the service worker has kept every one of these files, waiting a little for the ones it
 * is still writing (it keeps a file after handing it over).
 */
async function allKept(urls: readonly string[]): Promise<boolean> {
	for (let tries = 0; tries < 40; tries++) {
		const kept = await Promise.all(urls.map((url) => caches.match(url)));
		if (kept.every(Boolean)) return true;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return false;
}
