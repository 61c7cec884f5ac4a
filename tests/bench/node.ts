// Benchmarks that run in Node: the study queue and the Stats page figures for up to 100,000 cards,
// and the deck generator on the real notes and on notes 10 and 100 times larger.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLibrary, countKinds } from '$lib/content/deck';
import { seededRandom } from '$lib/content/hash';
import type { NotesFile } from '$lib/content/markdown';
import { isCardItem, type Deck, type Item } from '$lib/content/types';
import { studyDayEnd, studyDayStart } from '$lib/srs/day';
import { buildQueue, nextCard, queueCounts, siblingKeysById, studiedToday } from '$lib/srs/queue';
import { factOf } from '$lib/content/ids';
import { cardsInScope, type StudyScope } from '$lib/srs/scope';
import {
	cardsByState,
	dueForecast,
	studyDayRanges,
	studyStreak,
	trueRetention
} from '$lib/srs/stats';
import { Rating, State, type CardState, type Grade, type Review } from '$lib/srs/types';
import { median, round } from './numbers';
import type { Bench, Figure, Section } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A fixed clock, so every run studies the same day. */
const NOW = Date.UTC(2026, 10, 23, 9, 0);
const DAY_START_HOUR = 4;
/** The app's defaults and the Stats page's windows (src/lib/storage/settings.ts, state/stats.ts). */
const LIMITS = { newPerDay: 20, newPerDeck: 10, reviewsPerDay: 200 };
const CALENDAR_DAYS = 7 * 26;
const FORECAST_DAYS = 30;
const RETENTION_DAYS = 30;
/** Noise allowed on a growth figure before it counts as growing faster than n log n. */
const GROWTH_SLACK = 1.25;

// ---------------------------------------------------------------------------------------------
// Timing

/**
 * CPU time of this process in ms. The figures are ratios of one run, and on a shared machine wall
 * time mostly measures the other processes: CPU time does not count the time spent waiting for a core.
 */
function cpuMs(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

/**
 * The median CPU time of one call, in ms. A call that takes less than `minSampleMs` is repeated
 * within one sample and the sample divided, so that 1,000 cards are not measured at the timer's grain.
 */
function medianMs(
	task: () => unknown,
	{ warmups, samples, minSampleMs = 20 }: { warmups: number; samples: number; minSampleMs?: number }
): number {
	for (let i = 0; i < warmups; i++) keep(task());
	let calls = 1;
	for (;;) {
		const start = cpuMs();
		for (let i = 0; i < calls; i++) keep(task());
		if (cpuMs() - start >= minSampleMs || calls >= 1 << 16) break;
		calls *= 2;
	}
	const times: number[] = [];
	for (let sample = 0; sample < samples; sample++) {
		const start = cpuMs();
		for (let i = 0; i < calls; i++) keep(task());
		times.push((cpuMs() - start) / calls);
	}
	return median(times);
}

let sink = 0;
/** Uses a result, so the engine cannot drop the work that made it. */
function keep(value: unknown): void {
	if (value === sink) sink += 1;
}

// ---------------------------------------------------------------------------------------------
// Synthetic learner: decks of n cards, their states and a year of reviews

interface Learner {
	decks: Deck[];
	states: Map<string, CardState>;
	/** Scheduled answers since today's study day began, as `reviewsSince` returns them. */
	reviewsToday: Review[];
	/** Answers of the last 30 days, oldest first, as the Stats page reads them. */
	recent: Review[];
	/** Answers per study day of the calendar, as `countAnswers` counts them with the time index. */
	perDay: Map<string, number>;
	reviewCount: number;
	/** The flashcard ids in deck order, for the floor. */
	cardIds: string[];
}

const DECKS = 8;
const TOPICS_PER_DECK = 6;
/** Real notes yield about 0.7 quiz questions per flashcard (npm run content:report). */
const QUIZ_PER_CARD = 0.7;
const REVIEWS_PER_STUDIED_CARD = 10;

/** Decks holding `n` flashcards: terms as basic + reverse sibling pairs, key phrases as cloze cards. */
function syntheticDecks(n: number, random: () => number): Deck[] {
	const decks: Deck[] = [];
	for (let d = 0; d < DECKS; d++) {
		const deckId = `deck-${d}`;
		const cards = Math.floor(n / DECKS) + (d < n % DECKS ? 1 : 0);
		const items: Item[] = [];
		let made = 0;
		for (let fact = 0; made < cards; fact++) {
			const topic = `topic-${fact % TOPICS_PER_DECK}`;
			const factId = `${deckId}/${topic}/fact-${fact}`;
			const source = { file: `${deckId}.md`, heading: topic, anchor: topic, line: fact + 1 };
			const base = { topic, fact: factId, source };
			if (random() < 0.7 && cards - made >= 2) {
				items.push({ ...base, id: `${factId}/basic`, kind: 'basic', front: 'Term', back: 'Text' });
				items.push({ ...base, id: `${factId}/reverse`, kind: 'reverse', front: 'Text', back: 'T' });
				made += 2;
			} else {
				items.push({ ...base, id: `${factId}/cloze`, kind: 'cloze', text: 'A […].', answer: 'b' });
				made += 1;
			}
			if (random() < QUIZ_PER_CARD * 1.5) {
				items.push({
					...base,
					id: `${factId}/mcq`,
					kind: 'mcq',
					prompt: 'Which?',
					choices: ['a', 'b', 'c', 'd'],
					answer: 0,
					explanation: 'a',
					cards: [`${factId}/basic`]
				});
			}
		}
		const topics = Array.from({ length: TOPICS_PER_DECK }, (_, t) => ({
			id: `topic-${t}`,
			title: `Topic ${t}`
		}));
		decks.push({
			id: deckId,
			title: `Deck ${d}`,
			description: 'Synthetic',
			order: d,
			url: `/decks/${deckId}.json`,
			hash: 'synthetic',
			counts: countKinds(items),
			topics,
			items
		});
	}
	return decks;
}

/** A studied card's state: mostly review cards due from a month ago to four months ahead. */
function syntheticState(id: string, deck: string, random: () => number): CardState {
	const roll = random();
	const state = roll < 0.08 ? State.Learning : roll < 0.1 ? State.Relearning : State.Review;
	const due =
		state === State.Review
			? NOW + Math.floor((random() * 150 - 30) * DAY_MS)
			: NOW + Math.floor((random() * 1.2 - 0.2) * DAY_MS);
	return {
		id,
		deck,
		fact: factOf(id),
		due,
		stability: 1 + random() * 60,
		difficulty: 1 + random() * 9,
		elapsedDays: Math.floor(random() * 30),
		scheduledDays: Math.floor(random() * 60),
		learningSteps: state === State.Review ? 0 : 1,
		reps: 1 + Math.floor(random() * 20),
		lapses: Math.floor(random() * 3),
		state,
		lastReview: due - DAY_MS * 5,
		retired: random() < 0.005,
		requested: random() < 0.002 ? NOW - Math.floor(random() * DAY_MS) : null
	};
}

function syntheticReview(card: CardState, time: number, random: () => number): Review {
	const roll = random();
	const state = roll < 0.1 ? State.New : roll < 0.25 ? State.Learning : State.Review;
	const rating: Grade = random() < 0.1 ? Rating.Again : random() < 0.8 ? Rating.Good : Rating.Easy;
	return {
		card: card.id,
		deck: card.deck,
		rating,
		time,
		durationMs: 4000,
		mode: 'review',
		state,
		logDue: time,
		dueBefore: time,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: 3,
		lastElapsedDays: 2,
		scheduledDays: 5,
		learningSteps: 0,
		retention: 0.9,
		fuzz: true
	};
}

/**
 * A learner with `n` flashcards, three quarters of them studied, and a year of answers (about ten
 * per studied card). Only answer times are kept for the whole year: the app never reads a year of
 * reviews into memory (the calendar counts them with the time index), only the last 30 days.
 */
function syntheticLearner(n: number): Learner {
	const random = seededRandom(`learner-${n}`);
	const decks = syntheticDecks(n, random);
	const states = new Map<string, CardState>();
	for (const deck of decks) {
		for (const item of deck.items) {
			if (isCardItem(item) && random() < 0.75) {
				states.set(item.id, syntheticState(item.id, deck.id, random));
			}
		}
	}
	const studied = [...states.values()];
	const reviewCount = studied.length * REVIEWS_PER_STUDIED_CARD;
	const times = new Float64Array(reviewCount);
	for (let i = 0; i < reviewCount; i++) times[i] = NOW - random() * 365 * DAY_MS;
	times.sort();

	const todayStart = studyDayStart(NOW, DAY_START_HOUR);
	const recentSince = NOW - RETENTION_DAYS * DAY_MS;
	const recent: Review[] = [];
	for (const time of times) {
		if (time < recentSince) continue;
		const card = studied[Math.floor(random() * studied.length)] as CardState;
		recent.push(syntheticReview(card, time, random));
	}
	const perDay = new Map<string, number>();
	for (const range of studyDayRanges(NOW, DAY_START_HOUR, CALENDAR_DAYS)) {
		perDay.set(range.key, lowerBound(times, range.end) - lowerBound(times, range.start));
	}
	// IndexedDB hands back structured clones: flat strings and plain objects, as the app sees them.
	const stored = structuredClone({ decks, states, recent });
	return {
		...stored,
		reviewsToday: stored.recent.filter((review) => review.time >= todayStart),
		perDay,
		reviewCount,
		cardIds: stored.decks.flatMap((deck) => deck.items.filter(isCardItem).map((item) => item.id))
	};
}

/** The first index whose value is at least `value`, in a sorted array. */
function lowerBound(sorted: Float64Array, value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if ((sorted[middle] ?? 0) < value) low = middle + 1;
		else high = middle;
	}
	return low;
}

// ---------------------------------------------------------------------------------------------
// What the app computes, composed as src/lib/state does (its modules also read IndexedDB)

/** `StudySession.start` in review mode over all decks: the queue and the first card. */
function startSession(learner: Learner): unknown {
	const { cards } = cardsInScope(learner.decks, {});
	const today = studiedToday(learner.reviewsToday, siblingKeysById(cards));
	const dayEnd = studyDayEnd(NOW, DAY_START_HOUR);
	const queue = buildQueue(cards, learner.states, today, LIMITS, dayEnd);
	return nextCard(queue, NOW);
}

/** `deckOverviews`: the counts of all decks together and of each deck, on the study page. */
function deckOverviews(learner: Learner): unknown {
	const all = cardsInScope(learner.decks, {}).cards;
	const today = studiedToday(learner.reviewsToday, siblingKeysById(all));
	const dayEnd = studyDayEnd(NOW, DAY_START_HOUR);
	const queueOf = (scope: StudyScope) =>
		buildQueue(cardsInScope(learner.decks, scope).cards, learner.states, today, LIMITS, dayEnd);
	return {
		all: queueCounts(queueOf({})),
		decks: learner.decks.map((deck) => queueCounts(queueOf({ deck: deck.id })))
	};
}

/** `loadStats` after its reads: every figure of the Stats page. */
function statsView(learner: Learner): unknown {
	const { decks, states, recent, perDay } = learner;
	const todayStart = studyDayStart(NOW, DAY_START_HOUR);
	const cardIds = decks.flatMap((deck) => deck.items.filter(isCardItem).map((item) => item.id));
	return {
		answersToday: recent.filter((review) => review.time >= todayStart).length,
		streak: studyStreak(perDay, NOW, DAY_START_HOUR),
		retention: trueRetention(recent, NOW, RETENTION_DAYS),
		cards: cardsByState(cardIds, states),
		forecast: dueForecast(states.values(), NOW, DAY_START_HOUR, FORECAST_DAYS),
		calendar: [...perDay].map(([key, count]) => ({ key, count }))
	};
}

/**
 * The floor: look up every card's stored state once, the least any study queue must do. It grows
 * only with n, but on real hardware a pass over 100,000 cards costs more per card than over 1,000
 * (the data no longer fits in the caches), so growth is judged against it rather than against n.
 */
function readEveryState(learner: Learner): number {
	let studied = 0;
	for (const id of learner.cardIds) if (learner.states.get(id)) studied += 1;
	return studied;
}

// ---------------------------------------------------------------------------------------------
// Section 3: study queue and stats

const TASKS = [
	{ name: 'study session queue', run: startSession },
	{ name: 'deck overviews', run: deckOverviews },
	{ name: 'stats page', run: statsView }
] as const;

/** How much faster than n log n a task grew over a step, with the floor standing for n. */
function growth(task: readonly number[], floor: readonly number[], sizes: number[], i: number) {
	const taskRatio = (task[i] ?? 0) / (task[i - 1] ?? 1);
	const floorRatio = (floor[i] ?? 0) / (floor[i - 1] ?? 1);
	const logRatio = Math.log2(sizes[i] ?? 2) / Math.log2(sizes[i - 1] ?? 2);
	return taskRatio / (floorRatio * logRatio);
}

function nLogN(n: number): number {
	return n * Math.log2(n);
}

async function queueSection(quick: boolean): Promise<Section> {
	const sizes = [1_000, 10_000, 100_000];
	const times = new Map<string, number[]>(TASKS.map((task) => [task.name, []]));
	const floor: number[] = [];
	let reviews = 0;
	for (const n of sizes) {
		const learner = syntheticLearner(n);
		reviews = learner.reviewCount;
		floor.push(medianMs(() => readEveryState(learner), { warmups: 5, samples: quick ? 5 : 15 }));
		for (const task of TASKS) {
			const ms = medianMs(() => task.run(learner), {
				warmups: quick ? 2 : 5,
				samples: quick ? 5 : 15
			});
			times.get(task.name)?.push(ms);
		}
		// Let the event loop breathe between sizes (and let the previous learner be collected).
		await new Promise((resolve) => setImmediate(resolve));
	}
	const figures: Figure[] = sizes.map((n, i) => ({
		name: `floor: read every card's state, ${n.toLocaleString('en')} cards`,
		value: round(floor[i] ?? 0, 3),
		unit: 'ms'
	}));
	const plainGrowth: string[] = [];
	for (const task of TASKS) {
		const ms = times.get(task.name) ?? [];
		sizes.forEach((n, i) => {
			const value = ms[i] ?? 0;
			figures.push({
				name: `${task.name}, ${n.toLocaleString('en')} cards`,
				value: round(value, value < 1 ? 3 : 1),
				unit: 'ms',
				...(n === 100_000 ? { target: '≤ 200 ms', pass: value <= 200 } : {})
			});
		});
		for (let i = 1; i < sizes.length; i++) {
			const small = sizes[i - 1] as number;
			const large = sizes[i] as number;
			const step = `${small / 1000}k → ${large / 1000}k`;
			const value = growth(ms, floor, sizes, i);
			figures.push({
				name: `${task.name}, growth ${step} ÷ n log n`,
				value: round(value, 2),
				unit: 'x',
				target: '≤ 1 (+25% noise)',
				pass: value <= GROWTH_SLACK
			});
			const plain = (ms[i] ?? 0) / (ms[i - 1] ?? 1) / (nLogN(large) / nLogN(small));
			plainGrowth.push(`${task.name} ${step} ${round(plain, 2)}`);
		}
	}
	return {
		title: 'Study queue and stats (Node)',
		figures,
		notes: [
			'The pure functions the app runs (src/lib/srs), composed as src/lib/state composes them: ' +
				'study session = cardsInScope + studiedToday + buildQueue + nextCard over all decks; ' +
				'deck overviews = the queue counts of all decks and of each deck; stats page = every ' +
				'figure loadStats computes once IndexedDB has answered.',
			`Synthetic learner (seeded): ${DECKS} decks, 70% of facts as basic + reverse pairs, ` +
				'0.7 quiz items per card, 75% of cards studied (90% review, 10% learning, due from 30 days ' +
				`ago to 120 days ahead), ${REVIEWS_PER_STUDIED_CARD} answers per studied card over a ` +
				`year (${reviews.toLocaleString('en')} at 100,000 cards).`,
			'The calendar counts and the last 30 days of answers are prepared as IndexedDB returns ' +
				'them (counts per day, not the reviews), so storage time is not in these figures.',
			'Times are CPU time of the process (the machine may be shared), the median of ' +
				`${quick ? 5 : 15} samples after warm-up; a call under 20 ms is repeated within a sample.`,
			'Growth, for each tenfold step: (time ratio) ÷ (floor ratio × log n ratio), the floor ' +
				'standing for n as this machine pays for it (caches make a pass over 100,000 cards dearer ' +
				'per card than over 1,000). ≤ 1 means no faster than n log n; it passes up to ' +
				`${GROWTH_SLACK} to allow for measurement noise.`,
			`Growth against the bare n log n ratio, with no floor: ${plainGrowth.join('; ')}.`
		]
	};
}

// ---------------------------------------------------------------------------------------------
// Section 4: deck generator

const CONTENT_DIR = join(import.meta.dirname, '../../content');

function realNotes(): NotesFile[] {
	return readdirSync(CONTENT_DIR)
		.filter((file) => file.endsWith('.md') && file.toLowerCase() !== 'readme.md')
		.map((file) => ({ file, text: readFileSync(join(CONTENT_DIR, file), 'utf8') }));
}

const FRONTMATTER = /^---\n[\s\S]*?\n---\n/;
const HEADING = /^(#{2,3}) +(.*)$/gm;
const GROUP_NAME = /^(name|also): *(.*)$/gm;

/**
 * A notes file `copies` times as long: its body repeated, each copy's headings prefixed with
 * "Copy N:" so topics, anchors and with them every item id stay unique, as the generator demands
 * (and each copy's group names suffixed, for the same reason).
 * The prefix goes first because slugs are cut at 64 characters.
 */
function enlarged(notes: NotesFile, copies: number): NotesFile {
	const frontmatter = FRONTMATTER.exec(notes.text)?.[0];
	if (!frontmatter) throw new Error(`${notes.file}: no frontmatter to keep`);
	const body = notes.text.slice(frontmatter.length);
	const parts = [frontmatter, body];
	for (let copy = 2; copy <= copies; copy++) {
		parts.push(
			'\n',
			body
				.replace(HEADING, (_, marks: string, title: string) => `${marks} Copy ${copy}: ${title}`)
				// Group names (for `also`) are unique within a file too.
				.replace(GROUP_NAME, (_, key: string, name: string) => `${key}: ${name}-copy-${copy}`)
		);
	}
	return { file: notes.file, text: parts.join('') };
}

function itemCount(files: readonly NotesFile[]): number {
	return buildLibrary(files).decks.reduce((sum, deck) => sum + deck.items.length, 0);
}

async function generatorSection(quick: boolean): Promise<Section> {
	const real = realNotes();
	const scales = [
		{ factor: 1, warmups: 5, samples: quick ? 5 : 15 },
		{ factor: 10, warmups: 1, samples: quick ? 2 : 5 },
		{ factor: 100, warmups: quick ? 0 : 1, samples: quick ? 1 : 3 }
	];
	const perItemMs: number[] = [];
	const figures: Figure[] = [];
	let realItems = 0;
	for (const { factor, warmups, samples } of scales) {
		const files = factor === 1 ? real : real.map((notes) => enlarged(notes, factor));
		const items = itemCount(files);
		if (factor === 1) realItems = items;
		else if (items !== realItems * factor) {
			throw new Error(`${factor}x notes yield ${items} items, expected ${realItems * factor}`);
		}
		const ms = medianMs(() => buildLibrary(files), { warmups, samples, minSampleMs: 0 });
		perItemMs.push(ms / items);
		figures.push({
			name: `generator, ${factor}x notes (${items.toLocaleString('en')} items)`,
			value: Math.round(items / (ms / 1000)),
			unit: 'items/s'
		});
		await new Promise((resolve) => setImmediate(resolve));
	}
	const ratio = (perItemMs[2] ?? 0) / (perItemMs[0] ?? 1);
	figures.push({
		name: 'generator, time per item at 100x ÷ at 1x',
		value: round(ratio, 2),
		unit: 'x',
		target: '≤ 1.2x',
		pass: ratio <= 1.2
	});
	return {
		title: 'Deck generator (Node)',
		figures,
		notes: [
			`buildLibrary on content/*.md (${real.length} decks, ${realItems} items), as the build runs it.`,
			'10x and 100x: each file with its body repeated 10 or 100 times, headings of every copy ' +
				'prefixed "Copy N:" so every topic and item id stays unique; one deck per file, so decks ' +
				'are 10 and 100 times larger. Item counts are checked to be exactly 10 and 100 times.',
			'CPU time; median of ' +
				scales.map(({ factor, samples }) => `${samples} at ${factor}x`).join(', ') +
				' after warm-up.'
		]
	};
}

/** Benchmarks 3 (study queue and stats) and 4 (deck generator). */
export const bench: Bench = async ({ quick }) => [
	await queueSection(quick),
	await generatorSection(quick)
];
