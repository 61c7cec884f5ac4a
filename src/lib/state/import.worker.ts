/// <reference lib="webworker" />
// Reads a picked file of cards (or the learner's notes) off the main thread, and writes a deck as a
// file for another app: the importers, the notes' generator and the exporters (papaparse,
// htmlparser2, micromark; SQLite in WebAssembly for Anki packages) load here, in a worker of their
// own that the service worker does not precache, so no page's first load or install carries them.
// Nothing here stores.
import type { Deck } from '$lib/content/types';
import { errorMessage } from '$lib/errors';
import type { ExportFormat } from '$lib/export';
import type { NotesInput } from '$lib/import/own-notes';
import { inThread, type PickedFile, type ReadChoices } from './import-reader';

/** What the page asks: a file's cards read as chosen, or a deck written in a format. */
export type ImportAsk =
	| { file: PickedFile; choices: ReadChoices }
	| { deck: Deck; format: ExportFormat }
	| { notes: NotesInput }
	| { warm: true };

/** An ask, numbered so its answer finds it. */
export type ImportRequest = ImportAsk & { id: number };

/** What the worker answers: the value asked for, or why it could not, in words. */
export type ImportResponse = { id: number; value: unknown } | { id: number; problem: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Loads every reader now; returns every file this worker fetched, to see that each is kept. */
async function warmed(): Promise<string[]> {
	await inThread.warm();
	return [
		scope.location.href,
		...performance.getEntriesByType('resource').map((entry) => entry.name)
	];
}

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
	const request = event.data;
	try {
		const value =
			'warm' in request
				? await warmed()
				: 'notes' in request
					? await inThread.notes(request.notes)
					: 'deck' in request
						? await inThread.export(request.deck, request.format)
						: await inThread.read(request.file, request.choices);
		scope.postMessage({ id: request.id, value } satisfies ImportResponse);
	} catch (error) {
		scope.postMessage({ id: request.id, problem: errorMessage(error) } satisfies ImportResponse);
	}
};
