import { AppError } from '$lib/errors';
import { RECORDING_BITS_PER_SECOND } from '$lib/limits';

// Only in the browser: loaded with import() when the candidate taps "Record my answer", never while
// a page is prerendered or a test runs in Node.

/** Why the microphone cannot record. */
export type MicrophoneProblem = 'denied' | 'missing' | 'unsupported' | 'failed';

const MESSAGES: Record<MicrophoneProblem, string> = {
	denied:
		'The microphone is not allowed for this app, so nothing was recorded. Allow it in the browser’s site settings to record; you can still answer aloud or type.',
	missing: 'No microphone was found, so nothing was recorded. You can still answer aloud or type.',
	unsupported:
		'This browser cannot record sound here, so nothing was recorded. You can still answer aloud or type.',
	failed: 'The microphone could not be started. Try again, or answer aloud or type.'
};

/** The microphone cannot record: the message says why and that typing still works. */
export class MicrophoneError extends AppError {
	readonly problem: MicrophoneProblem;

	constructor(problem: MicrophoneProblem, options?: { cause?: unknown }) {
		super(MESSAGES[problem], options);
		this.name = 'MicrophoneError';
		this.problem = problem;
	}
}

/** A recording under way. */
export interface Capture {
	/** Stops recording and lets go of the microphone; resolves with the sound recorded. */
	stop(): Promise<Blob>;
}

/** What getUserMedia's rejection means for the candidate. */
function problemOf(error: unknown): MicrophoneProblem {
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
	if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
	return 'failed';
}

/**
 * Starts recording from the microphone (the browser asks the candidate first).
 * @throws MicrophoneError when it is refused, missing or this browser cannot record
 */
export async function startCapture(): Promise<Capture> {
	if (
		typeof navigator === 'undefined' ||
		typeof navigator.mediaDevices?.getUserMedia !== 'function' ||
		typeof MediaRecorder === 'undefined'
	) {
		throw new MicrophoneError('unsupported');
	}
	let stream: MediaStream;
	try {
		stream = await navigator.mediaDevices.getUserMedia({ audio: true });
	} catch (error) {
		throw new MicrophoneError(problemOf(error), { cause: error });
	}
	const release = () => stream.getTracks().forEach((track) => track.stop());
	let recorder: MediaRecorder;
	try {
		recorder = new MediaRecorder(stream, { audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
		recorder.start();
	} catch (error) {
		release();
		throw new MicrophoneError('failed', { cause: error });
	}
	const chunks: Blob[] = [];
	recorder.ondataavailable = (event) => {
		if (event.data.size > 0) chunks.push(event.data);
	};
	return {
		stop: () =>
			new Promise<Blob>((resolve) => {
				recorder.onstop = () => {
					release();
					resolve(new Blob(chunks, { type: recorder.mimeType || 'audio/webm' }));
				};
				if (recorder.state === 'inactive') recorder.onstop(new Event('stop'));
				else recorder.stop();
			})
	};
}
