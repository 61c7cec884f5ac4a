import * as v from 'valibot';
import { MAX_RECORDING_BYTES, MAX_TRANSCRIPT_LENGTH } from '$lib/limits';
import { itemId, time } from './fields';

// Recordings of spoken answers, in a backup only when the user asks: audio as base64 text.

/** The audio types a backup may hold (the types browsers' recorders make), parameters aside. */
export const RECORDING_TYPES = ['audio/webm', 'audio/ogg', 'audio/mp4'] as const;

/** The most recording bytes a backup may hold in all (base64 makes them a third larger). */
export const MAX_RECORDINGS_BYTES = 30 * 1024 * 1024;

/** The most recordings a backup may hold (one per interview question). */
export const MAX_RECORDINGS = 1_000;

/** How much audio a backup may hold: what an import accepts (see `BackupRecordingsSchema`). */
export interface RecordingCaps {
	/** The most recordings in all. */
	count: number;
	/** The most bytes of audio in all. */
	bytes: number;
	/** The most bytes of audio in one recording. */
	each: number;
}

/** The caps an import checks: an export keeps within them, so every file it makes imports. */
export const RECORDING_CAPS: RecordingCaps = {
	count: MAX_RECORDINGS,
	bytes: MAX_RECORDINGS_BYTES,
	each: MAX_RECORDING_BYTES
};

/**
 * The recordings a backup holds: newest first, each one that still fits within the caps (an
 * older, smaller one may fit where a newer, larger one did not). Empty audio and a recording
 * without a date are left out too, since an import refuses them.
 * @param recordings the recordings on this device, with their audio's size in bytes
 * @returns those chosen, in the order given, and how many were left out
 */
export function selectRecordings<T extends { recordedAt: number; bytes: number }>(
	recordings: readonly T[],
	caps: RecordingCaps = RECORDING_CAPS
): { chosen: T[]; leftOut: number } {
	const newestFirst = recordings
		.filter(({ recordedAt, bytes }) => Number.isFinite(recordedAt) && bytes > 0)
		.sort((a, b) => b.recordedAt - a.recordedAt);
	const taken = new Set<T>();
	let total = 0;
	for (const recording of newestFirst) {
		if (taken.size >= caps.count) break;
		if (recording.bytes > caps.each || total + recording.bytes > caps.bytes) continue;
		taken.add(recording);
		total += recording.bytes;
	}
	const chosen = recordings.filter((recording) => taken.has(recording));
	return { chosen, leftOut: recordings.length - chosen.length };
}

// Checked as characters and length: a grouped pattern overflows the stack on megabytes of text.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const TYPE = /^(audio\/[a-z0-9-]+)(?:;[ a-z0-9=.,"-]{0,100})?$/;

/** How many bytes a base64 text decodes to. */
export function decodedBytes(base64: string): number {
	const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
	return (base64.length / 4) * 3 - padding;
}

/** A recording as a backup holds it. */
export const BackupRecordingSchema = v.strictObject(
	{
		item: itemId,
		mimeType: v.pipe(
			v.string('must be an audio type (text)'),
			v.check(
				(type) => {
					const base = TYPE.exec(type)?.[1];
					return (RECORDING_TYPES as readonly string[]).includes(base ?? '');
				},
				`must be one of the audio types ${RECORDING_TYPES.join(', ')}`
			)
		),
		recordedAt: time,
		data: v.pipe(
			v.string('must be audio as base64 text'),
			v.minLength(4, 'must not be empty'),
			v.maxLength(
				Math.ceil(MAX_RECORDING_BYTES / 3) * 4,
				`must be at most ${MAX_RECORDING_BYTES / (1024 * 1024)} MB of audio`
			),
			v.regex(BASE64, 'must be audio as base64 text'),
			v.check((data) => data.length % 4 === 0, 'must be audio as base64 text')
		),
		// What was heard on the device while recording, and how long the answer was spoken: absent
		// where the browser could not transcribe (and in files made before they were kept).
		transcript: v.optional(
			v.pipe(
				v.string('must be a transcript (text)'),
				v.maxLength(
					MAX_TRANSCRIPT_LENGTH,
					`must be at most ${MAX_TRANSCRIPT_LENGTH.toLocaleString('en-GB')} characters`
				)
			)
		),
		spokenMs: v.optional(
			v.pipe(
				v.number('must be a length in milliseconds (a number)'),
				v.finite('must be a length in milliseconds (a number)'),
				v.minValue(0, 'must not be negative'),
				v.maxValue(24 * 60 * 60 * 1000, 'must be at most a day')
			)
		)
	},
	'must be a recording (an object)'
);

export type BackupRecording = v.InferOutput<typeof BackupRecordingSchema>;

/** The recordings section of a backup: absent when the user left them out. */
export const BackupRecordingsSchema = v.pipe(
	v.array(BackupRecordingSchema, 'must be a list of recordings'),
	v.maxLength(MAX_RECORDINGS, `must hold at most ${MAX_RECORDINGS} recordings`),
	v.check(
		(recordings) =>
			new Set(recordings.map((recording) => recording.item)).size === recordings.length,
		'holds two recordings of one question'
	),
	v.check(
		(recordings) =>
			recordings.reduce((sum, recording) => sum + decodedBytes(recording.data), 0) <=
			MAX_RECORDINGS_BYTES,
		`must hold at most ${MAX_RECORDINGS_BYTES / (1024 * 1024)} MB of audio in all`
	)
);

/** Audio as base64 text (in chunks: one call with megabytes of arguments would overflow). */
export async function toBase64(audio: Blob): Promise<string> {
	const bytes = new Uint8Array(await audio.arrayBuffer());
	let text = '';
	for (let start = 0; start < bytes.length; start += 0x8000) {
		text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
	}
	return btoa(text);
}

/** Base64 text back as audio of the given type. */
export function fromBase64(data: string, mimeType: string): Blob {
	const text = atob(data);
	const bytes = new Uint8Array(text.length);
	for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
	return new Blob([bytes], { type: mimeType });
}
