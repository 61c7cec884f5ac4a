import type { Deck } from '$lib/content/types';
import { AppError } from '$lib/errors';
import type { ExportedDeck, ExportFormat } from '$lib/export';
import type { NotesInput, NotesOutcome } from '$lib/import/own-notes';
import type { PickedFile, ReadChoices, ReadOutcome } from './import-reader';
import type { ImportAsk, ImportResponse } from './import.worker';

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
	let worker: Worker | null = null;
	let next = 0;
	const waiting = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();
	const failAll = (message: string) => {
		for (const { reject } of waiting.values()) reject(new AppError(message));
		waiting.clear();
		worker?.terminate();
		worker = null;
	};
	const ask = (request: ImportAsk) =>
		new Promise<unknown>((resolve, reject) => {
			if (!worker) {
				worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
				worker.onmessage = ({ data }: MessageEvent<ImportResponse>) => {
					const asked = waiting.get(data.id);
					waiting.delete(data.id);
					if ('problem' in data) asked?.reject(new AppError(data.problem));
					else asked?.resolve(data.value);
				};
				worker.onerror = (event) => {
					event.preventDefault();
					failAll(
						'The importer could not be loaded. Connect to the internet once and try again; it is kept for offline use after that.'
					);
				};
			}
			const id = ++next;
			waiting.set(id, { resolve, reject });
			worker.postMessage({ ...request, id });
		});
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
