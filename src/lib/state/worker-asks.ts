import { AppError } from '$lib/errors';

/** What a worker of ours answers: the value asked for, or why it could not, in words. */
export type WorkerResponse = { id: number; value: unknown } | { id: number; problem: string };

/**
 * Asks a worker of ours, started on the first ask and kept for the next ones; each ask is numbered
 * so its answer finds it. A worker that cannot start (offline before it was ever loaded) fails
 * every ask waiting with `unavailable`, and is started again on the next.
 * @param start makes the worker (`new Worker(new URL(…), …)`, written where Vite can see it)
 */
export function workerAsker<Ask extends object>(
	start: () => Worker,
	unavailable: string
): (ask: Ask) => Promise<unknown> {
	let worker: Worker | null = null;
	let next = 0;
	const waiting = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();
	const failAll = () => {
		for (const { reject } of waiting.values()) reject(new AppError(unavailable));
		waiting.clear();
		worker?.terminate();
		worker = null;
	};
	return (ask) =>
		new Promise<unknown>((resolve, reject) => {
			if (!worker) {
				worker = start();
				worker.onmessage = ({ data }: MessageEvent<WorkerResponse>) => {
					const asked = waiting.get(data.id);
					waiting.delete(data.id);
					if ('problem' in data) asked?.reject(new AppError(data.problem));
					else asked?.resolve(data.value);
				};
				worker.onerror = (event) => {
					event.preventDefault();
					failAll();
				};
			}
			const id = ++next;
			waiting.set(id, { resolve, reject });
			worker.postMessage({ ...ask, id });
		});
}
