import { beforeAll, describe, expect, it } from 'vitest';
import { hlcOf } from '$lib/sync/bodies';
import { deriveSyncKeys, hiddenId, seal, type SyncKeys } from '$lib/sync/crypto';
import { bodyId, openDoc, parseBody, sealBody } from '$lib/sync/documents';
import { SyncDocError } from '$lib/sync/errors';
import {
	EVERY_KIND,
	NOW,
	SECRET_FRONT,
	copy,
	interviewAnswer,
	mark,
	ownNotes,
	quizAttempt,
	review,
	setting
} from './bodies';

let keys: SyncKeys;

beforeAll(async () => {
	keys = await deriveSyncKeys('correct horse battery staple', new Uint8Array(16), 1_000);
});

/** The refusal parseBody gives a body under an id, as a rejected promise for `expect`. */
async function refusal(id: string, body: unknown): Promise<never> {
	parseBody(id, body);
	throw new Error('parseBody accepted the body');
}

describe('synced bodies', () => {
	it.each(EVERY_KIND)('%s comes back as it was sealed', async (_what, body) => {
		const doc = await sealBody(keys, body);
		const opened = await openDoc(keys, { ...doc, _rev: '2-abc' });
		expect(opened).toEqual({ id: doc._id, body });
	});

	it('history records are kept under their uid, per-key records under an id that hides the key', async () => {
		expect(await bodyId(keys, review)).toBe(`r:${review.review.uid}`);
		expect(await bodyId(keys, quizAttempt)).toBe(`q:${quizAttempt.attempt.uid}`);
		expect(await bodyId(keys, interviewAnswer)).toBe(`i:${interviewAnswer.answer.uid}`);
		const settingId = await bodyId(keys, setting);
		expect(settingId).toBe(await hiddenId(keys, 's', 'desiredRetention'));
		expect(await bodyId(keys, { ...setting, value: 0.8, hlc: setting.hlc })).toBe(settingId);
		expect(await bodyId(keys, mark)).toMatch(/^m:[A-Za-z0-9_-]{22}$/);
	});

	it('per-key records carry the clock reading that decides the newest edit; history has none', () => {
		expect(hlcOf(setting)).toEqual({ wall: NOW, counter: 0, node: 'laptop' });
		expect(hlcOf(mark)).toEqual({ wall: NOW, counter: 0, node: 'laptop' });
		expect(hlcOf(review)).toBeNull();
		expect(hlcOf(quizAttempt)).toBeNull();
	});

	it('show the server neither card text, nor field names, nor which setting or card', async () => {
		const [own, answer, set, marked] = await Promise.all(
			[EVERY_KIND[7]![1], review, setting, mark].map((body) => sealBody(keys, body))
		);
		expect(JSON.stringify(own)).not.toContain('Zanzibar');
		expect(JSON.stringify(own)).not.toContain(SECRET_FRONT);
		expect(JSON.stringify(answer)).not.toMatch(/rating|cto\/roles|mode/);
		expect(JSON.stringify(set)).not.toMatch(/desiredRetention|0\.85|setting/);
		expect(JSON.stringify(marked)).not.toMatch(/cto|Dana|flagged/);
	});

	it('a document whose content belongs under another id is refused', async () => {
		// Sealed correctly under an id, but not the id of its key: two documents would then hold
		// the marks of one card, and both could win.
		const otherCard = await hiddenId(keys, 'm', 'cto/roles/b/basic');
		const misplaced = await seal(keys, otherCard, mark);
		await expect(openDoc(keys, misplaced)).rejects.toThrow(
			/card mark was refused because its id is not the one its content has/
		);
		const wrongUid = await seal(keys, 'r:7c9e6679-7425-40de-944b-e07fc1f90ae7', review);
		await expect(openDoc(keys, wrongUid)).rejects.toThrow(/its id is not the one its content has/);
	});
});

describe('a synced body is refused, saying what and why', () => {
	const reviewId = `r:${review.review.uid}`;

	it.each([
		[
			'a rating of 7',
			{ review: { ...review.review, rating: 7 } },
			/answer to a card.*review\.rating must be 1, 2, 3 or 4/
		],
		[
			'an unknown mode',
			{ review: { ...review.review, mode: 'skim' } },
			/review\.mode must be "review", "interview" or "cram"/
		],
		[
			'a field it does not have',
			{ review: { ...review.review, id: 12 } },
			/review has a field "id" that a synced answer to a card does not have/
		],
		['no uid', { review: { ...review.review, uid: undefined } }, /review\.uid is missing/],
		[
			'a uid that is not random',
			{ review: { ...review.review, uid: '1' } },
			/review\.uid must be a random uid/
		],
		[
			'a date before the app',
			{ review: { ...review.review, time: 0 } },
			/review\.time must be a date/
		],
		['an extra field beside it', { extra: true }, /it has a field "extra"/]
	])('an answer with %s', async (_what, change, reason) => {
		const result = refusal(reviewId, { ...copy(review), ...change });
		await expect(result).rejects.toThrow(SyncDocError);
		await expect(result).rejects.toThrow(reason);
	});

	it('markup in any string, even deep in a body', async () => {
		const body = copy(quizAttempt);
		body.attempt.answers[1]!.topic = '<script>alert(1)</script>';
		const result = refusal(`q:${quizAttempt.attempt.uid}`, body);
		await expect(result).rejects.toThrow(SyncDocError);
		await expect(result).rejects.toThrow(
			/quiz attempt was refused because attempt\.answers\[1\]\.topic contains HTML or a script/
		);
		const note = { ...copy(mark), mark: { ...mark.mark, note: 'see javascript:alert(1)' } };
		await expect(refusal('m:AAAAAAAAAAAAAAAAAAAAAA', note)).rejects.toThrow(
			/mark\.note contains HTML/
		);
	});

	it('a key that reaches prototypes', async () => {
		const body = JSON.parse(
			`{"kind":"setting","key":"newPerDay","value":20,"hlc":"${setting.hlc}","__proto__":{"admin":true}}`
		) as unknown;
		await expect(refusal('s:AAAAAAAAAAAAAAAAAAAAAA', body)).rejects.toThrow(
			/setting was refused because it has a field named "__proto__"/
		);
		const nested = JSON.parse(
			JSON.stringify(mark).replace('"note"', '"constructor":{},"note"')
		) as unknown;
		await expect(refusal('m:AAAAAAAAAAAAAAAAAAAAAA', nested)).rejects.toThrow(
			/mark has a field named "constructor"/
		);
	});

	it('nesting deeper than any record', async () => {
		let deep: unknown = 'x';
		for (let level = 0; level < 10; level += 1) deep = [deep];
		const result = refusal(`r:${review.review.uid}`, { ...copy(review), extra: deep });
		await expect(result).rejects.toThrow(/is nested deeper than anything the app syncs/);
		// The deepest real body, an own deck of notes with interview phrases, passes.
		const notes = ownNotes();
		expect(parseBody(await bodyId(keys, notes), notes)).toEqual(notes);
	});

	it('a kind that does not match its id', async () => {
		await expect(refusal(`q:${review.review.uid}`, review)).rejects.toThrow(
			/answer to a card was refused because it is stored under the id of a quiz attempt/
		);
		await expect(refusal('x:abc', setting)).rejects.toThrow(/under the id of something else/);
		await expect(refusal('r:abc', { ...setting, kind: 'secret' })).rejects.toThrow(
			/of a kind this app does not know/
		);
		await expect(refusal('r:abc', { ...setting, kind: 'toString' })).rejects.toThrow(
			/of a kind this app does not know/
		);
	});

	it('a body that is not an object', async () => {
		for (const body of [null, 'review', 3, [review]]) {
			await expect(refusal('r:abc', body)).rejects.toThrow(/body is not an object/);
		}
	});

	it('a setting out of its range, or of a name the app does not have', async () => {
		const id = 's:AAAAAAAAAAAAAAAAAAAAAA';
		await expect(refusal(id, { ...setting, value: 2 })).rejects.toThrow(
			/setting was refused because value must be a number from 0.7 to 0.99/
		);
		await expect(refusal(id, { ...setting, key: 'isAdmin' })).rejects.toThrow(
			/key must be one of the settings/
		);
		await expect(refusal(id, { ...setting, hlc: 'yesterday' })).rejects.toThrow(
			/hlc must be a clock reading/
		);
		await expect(refusal('s:short', setting)).rejects.toThrow(/its id is not the one/);
	});

	it('a body larger than its kind can be', async () => {
		const body = {
			...copy(setting),
			key: 'newPerDay',
			value: 20,
			hlc: `${setting.hlc}${'x'.repeat(1_000)}`
		};
		await expect(refusal('s:AAAAAAAAAAAAAAAAAAAAAA', body)).rejects.toThrow(
			/setting was refused because it is larger than a setting can be/
		);
	});

	it('and nothing is sealed that would be refused when opened', async () => {
		await expect(
			sealBody(keys, { ...review, review: { ...review.review, rating: 7 as 1 } })
		).rejects.toThrow(/review\.rating must be 1, 2, 3 or 4/);
	});
});
