import * as v from 'valibot';
import { AppError } from '$lib/errors';
import type { Deck, DeckIndex } from './types';

const text = v.string();
const texts = v.array(v.string());

const SourceSchema = v.object({
	file: text,
	heading: text,
	anchor: text,
	line: v.pipe(v.number(), v.integer())
});

const base = {
	id: v.pipe(v.string(), v.nonEmpty()),
	topic: text,
	fact: text,
	source: SourceSchema
};

const choiceFields = {
	prompt: text,
	choices: v.pipe(texts, v.minLength(2)),
	answer: v.pipe(v.number(), v.integer(), v.minValue(0)),
	explanation: text,
	cards: texts
};

const ItemSchema = v.variant('kind', [
	v.object({
		...base,
		kind: v.picklist(['basic', 'reverse']),
		front: text,
		back: text,
		tags: v.optional(texts)
	}),
	v.object({
		...base,
		kind: v.literal('cloze'),
		text,
		answer: text,
		extra: v.optional(text),
		tags: v.optional(texts)
	}),
	v.pipe(
		v.object({ ...base, kind: v.picklist(['mcq', 'truefalse']), ...choiceFields }),
		v.check((item) => item.answer < item.choices.length, 'answer is not one of the choices')
	),
	v.object({
		...base,
		kind: v.literal('order'),
		prompt: text,
		steps: texts,
		explanation: text,
		cards: texts
	}),
	v.object({
		...base,
		kind: v.literal('match'),
		prompt: text,
		pairs: v.array(v.object({ left: text, right: text })),
		explanation: text,
		cards: texts
	}),
	v.object({
		...base,
		kind: v.literal('interview'),
		question: text,
		answer: text,
		keyPoints: v.pipe(texts, v.minLength(2)),
		synonyms: v.optional(v.array(texts)),
		evidence: v.pipe(texts, v.minLength(1)),
		followUps: v.pipe(v.array(v.pipe(v.string(), v.endsWith('?'))), v.minLength(1), v.maxLength(3))
	})
]);

const counts = v.record(v.string(), v.number());
const topics = v.array(v.object({ id: text, title: text }));

const SummarySchema = v.object({
	id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
	title: text,
	description: text,
	order: v.number(),
	url: text,
	hash: text,
	counts,
	topics
});

/** The published deck index, as checked when read from the network. */
export const DeckIndexSchema = v.object({ schema: v.literal(1), decks: v.array(SummarySchema) });

/** A published deck, as checked when read from the network. */
export const DeckSchema = v.object({
	...SummarySchema.entries,
	items: v.array(ItemSchema),
	moved: v.optional(v.record(v.string(), v.string()))
});

/** A published deck file that is not what the app expects; nothing of it is stored. */
export class DeckFileError extends AppError {
	constructor(what: string, issues: readonly v.BaseIssue<unknown>[]) {
		super(
			`The site sent ${what} the app cannot read, so nothing of it was stored. Try again later.`,
			{
				cause: v.summarize(issues as [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]])
			}
		);
		this.name = 'DeckFileError';
	}
}

/** Checks a deck index read from outside; throws a readable error when it is not one. */
export function parseDeckIndex(data: unknown): DeckIndex {
	const result = v.safeParse(DeckIndexSchema, data);
	if (!result.success) throw new DeckFileError('a list of decks', result.issues);
	return result.output as DeckIndex;
}

/** Checks a deck read from outside; throws a readable error when it is not one. */
export function parseDeck(data: unknown): Deck {
	const result = v.safeParse(DeckSchema, data);
	if (!result.success) throw new DeckFileError('a deck', result.issues);
	return result.output as Deck;
}
