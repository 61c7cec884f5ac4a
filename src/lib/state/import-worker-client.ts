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
		notes: async (notes) => (await ask({ notes })) as NotesOutcome
	};
}
