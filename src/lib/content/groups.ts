import {
	choiceItem,
	CHOICES,
	normalizeChoice,
	pickDistractors,
	trueFalseItem,
	type Candidate
} from './choices';
import type { Context } from './context';
import { factId, sourceOf } from './context';
import { seededShuffle } from './hash';
import { asSentence, capitalize, fill, type TermPhrasing } from './phrasing';
import { slugify } from './slug';
import {
	MATCH_MINIMUM,
	NEXT_MINIMUM,
	type EntityTable,
	type Place,
	type Sequence,
	type TermEntry,
	type TermList
} from './structures';
import type { MatchPair } from './types';

/** Pairs in a matching question. */
export const MATCH_PAIRS = 5;

/**
 * Term cards and questions for a group of sibling terms. Distractors come from the group and from
 * a related group the notes name (`also`); a group too small for a fair question makes none.
 */
export function termItems(
	context: Context,
	place: Place,
	entries: readonly TermEntry[],
	phrasing: TermPhrasing,
	related: readonly TermEntry[] = []
) {
	const pool: Candidate[] = [...entries, ...related].map((entry) => ({
		text: entry.term,
		about: entry.explanation
	}));
	const explanations = [...entries, ...related].map((entry) => entry.explanation);
	for (const entry of entries) {
		const fact = factId(context, place, entry.term);
		const source = sourceOf(context, place, entry.line);
		const cards = [`${fact}/basic`, `${fact}/reverse`];
		const explanation = `${entry.term}: ${asSentence(entry.explanation)}`;
		const which = fill(phrasing.which, { explanation: entry.explanation });
		const base = { topic: place.topic, fact, source };
		context.add({
			...base,
			id: cards[0] as string,
			kind: 'basic',
			front: fill(phrasing.card, { term: entry.term }),
			back: asSentence(entry.explanation)
		});
		context.add({
			...base,
			id: cards[1] as string,
			kind: 'reverse',
			front: which,
			back: entry.term
		});
		const distractors = pickDistractors(
			{ text: entry.term, about: entry.explanation },
			pool,
			`${fact}/mcq`,
			which
		);
		if (distractors.length === CHOICES - 1) {
			context.add(
				choiceItem(
					{ ...base, id: `${fact}/mcq`, prompt: which, explanation, cards },
					entry.term,
					distractors
				)
			);
		}
		if (explanations.length > 1) {
			context.add(
				trueFalseItem(
					{ ...base, id: `${fact}/truefalse`, explanation, cards },
					(shown) => fill(phrasing.statement, { term: entry.term, explanation: shown }),
					entry.explanation,
					explanations
				)
			);
		}
	}
	if (phrasing.match && entries.length >= MATCH_MINIMUM) {
		matchItem(
			context,
			place,
			entries.map((entry) => ({
				key: entry.term,
				left: entry.term,
				right: asSentence(entry.explanation),
				card: `${factId(context, place, entry.term)}/basic`
			})),
			phrasing.match,
			'terms'
		);
	}
}

/** The items of a term list; `lists` are the file's term lists by name, for `also`. */
export function termListItems(context: Context, list: TermList, lists: Map<string, TermList>) {
	const also = list.phrasing.also;
	const related = also ? lists.get(also) : undefined;
	if (also && !related) {
		context.report(list.line, `"also: ${also}" names no term list of this file ("name: ${also}")`);
		return;
	}
	termItems(context, list, list.entries, list.phrasing, related?.entries);
}

function matchItem(
	context: Context,
	place: Place,
	candidates: { key: string; left: string; right: string; card: string }[],
	prompt: string,
	group: string
) {
	const firstKey = candidates.map((candidate) => slugify(candidate.key)).sort()[0] ?? group;
	const id = `${factId(context, place, firstKey, group)}/match`;
	const chosen = seededShuffle(candidates, id).slice(0, MATCH_PAIRS);
	const pairs: MatchPair[] = chosen.map(({ left, right }) => ({ left, right }));
	context.add({
		id,
		kind: 'match',
		topic: place.topic,
		fact: factId(context, place, firstKey, group),
		source: sourceOf(context, place, place.line),
		prompt,
		pairs,
		explanation: pairs.map((pair) => `${pair.left}: ${pair.right}`).join(' · '),
		cards: chosen.map((candidate) => candidate.card)
	});
}

export function sequenceItems(context: Context, sequence: Sequence) {
	const { steps, phrasing } = sequence;
	const labels = steps.map((step) => step.label);
	const positionCards = steps.map(
		(step) => `${factId(context, sequence, step.label, 'position')}/basic`
	);
	const firstKey = labels.map(slugify).sort()[0] as string;
	const orderFact = factId(context, sequence, firstKey, 'sequence');
	context.add({
		id: `${orderFact}/order`,
		kind: 'order',
		topic: sequence.topic,
		fact: orderFact,
		source: sourceOf(context, sequence, sequence.line),
		prompt: phrasing.order,
		steps: labels,
		explanation: labels.join(' → '),
		cards: positionCards
	});
	steps.forEach((step, index) => {
		const source = sourceOf(context, sequence, step.line);
		const position = factId(context, sequence, step.label, 'position');
		context.add({
			id: `${position}/basic`,
			kind: 'basic',
			topic: sequence.topic,
			fact: position,
			source,
			front: fill(phrasing.position, { n: String(index + 1) }),
			back: step.explanation ? `${step.label}: ${asSentence(step.explanation)}` : step.label
		});
		const next = steps[index + 1];
		if (next && phrasing.next && steps.length >= NEXT_MINIMUM) {
			const nextFact = factId(context, sequence, step.label, 'next');
			const prompt = fill(phrasing.next, { step: step.label });
			context.add(
				choiceItem(
					{
						id: `${nextFact}/mcq`,
						topic: sequence.topic,
						fact: nextFact,
						source,
						prompt,
						explanation: `${step.label} → ${next.label}`,
						cards: [positionCards[index + 1] as string]
					},
					next.label,
					pickDistractors(
						{ text: next.label },
						labels.filter((label) => label !== step.label).map((text) => ({ text })),
						nextFact,
						prompt
					)
				)
			);
		}
	});
	const terms = steps.flatMap((step) =>
		step.explanation ? [{ term: step.label, explanation: step.explanation, line: step.line }] : []
	);
	if (phrasing.terms && terms.length > 1) termItems(context, sequence, terms, phrasing.terms);
}

export function tableItems(context: Context, table: EntityTable) {
	const { rows, columns } = table;
	const attributes = columns.slice(1);
	const entities: Candidate[] = rows.map((row) => ({ text: row.entity }));
	attributes.forEach((attribute, column) => {
		const phrasing = table.phrasing.get(attribute);
		if (!phrasing) return;
		const values = rows.map((row) => row.values[column] ?? '');
		const distinct = new Set(values.map(normalizeChoice));
		for (const row of rows) {
			const value = row.values[column] ?? '';
			const fact = factId(context, table, row.entity, attribute);
			const source = sourceOf(context, table, row.line);
			const base = { topic: table.topic, fact, source };
			const unique =
				values.filter((other) => normalizeChoice(other) === normalizeChoice(value)).length === 1;
			const which = unique && phrasing.which ? fill(phrasing.which, { value }) : undefined;
			const cards = which ? [`${fact}/basic`, `${fact}/reverse`] : [`${fact}/basic`];
			const question = fill(phrasing.ask, { entity: row.entity });
			const explanation = fill(phrasing.statement, { entity: row.entity, value });
			context.add({
				...base,
				id: `${fact}/basic`,
				kind: 'basic',
				front: question,
				back: capitalize(value)
			});
			if (which) {
				context.add({
					...base,
					id: `${fact}/reverse`,
					kind: 'reverse',
					front: which,
					back: row.entity
				});
			}
			if (distinct.size >= CHOICES) {
				context.add(
					choiceItem(
						{ ...base, id: `${fact}/mcq`, prompt: question, explanation, cards },
						value,
						pickDistractors(
							{ text: value },
							values.map((text) => ({ text })),
							`${fact}/mcq`,
							question
						)
					)
				);
			}
			if (which && rows.length >= CHOICES) {
				context.add(
					choiceItem(
						{ ...base, id: `${fact}/mcq-entity`, prompt: which, explanation, cards },
						row.entity,
						pickDistractors({ text: row.entity }, entities, `${fact}/mcq-entity`, which)
					)
				);
			}
			if (distinct.size > 1) {
				context.add(
					trueFalseItem(
						{ ...base, id: `${fact}/truefalse`, explanation, cards },
						(shown) => fill(phrasing.statement, { entity: row.entity, value: shown }),
						value,
						values
					)
				);
			}
		}
		if (rows.length >= MATCH_MINIMUM) {
			matchItem(
				context,
				table,
				rows.map((row) => ({
					key: row.entity,
					left: row.entity,
					right: capitalize(row.values[column] ?? ''),
					card: `${factId(context, table, row.entity, attribute)}/basic`
				})),
				phrasing.match,
				slugify(attribute)
			);
		}
	});
}
