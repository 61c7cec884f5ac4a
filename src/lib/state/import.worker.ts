/// <reference lib="webworker" />
// Reads a picked file of cards off the main thread: the importers (papaparse, htmlparser2; SQLite
// in WebAssembly for Anki packages) load here, in a worker of their own that the service worker
// does not precache, so no page's first load or install carries them. Nothing here stores.
import { errorMessage } from '$lib/errors';
import { inThread, type PickedFile, type ReadChoices } from './import-reader';

/** What the page asks: a file's cards read as chosen. */
export type ImportAsk = { file: PickedFile; choices: ReadChoices };

/** An ask, numbered so its answer finds it. */
export type ImportRequest = ImportAsk & { id: number };

/** What the worker answers: the value asked for, or why it could not, in words. */
export type ImportResponse = { id: number; value: unknown } | { id: number; problem: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
	const request = event.data;
	try {
		const value = await inThread.read(request.file, request.choices);
		scope.postMessage({ id: request.id, value } satisfies ImportResponse);
	} catch (error) {
		scope.postMessage({ id: request.id, problem: errorMessage(error) } satisfies ImportResponse);
	}
};
