/**
 * The in-page half of the browser benchmarks. browser.ts bundles this file with the app's own storage
 * and scheduling modules into one script and adds it to pages of the app's origin, so that it reads
 * and writes the very IndexedDB database the app uses. It is code for the page, never for Node.
 */
import { seededRandom } from '$lib/content/hash';
import { isCardItem } from '$lib/content/types';
import { studyDayStart } from '$lib/srs/day';
import { buildQueue, siblingKeysById, studiedToday } from '$lib/srs/queue';
import { cardsInScope } from '$lib/srs/scope';
import { Rating, State, type CardState, type Grade, type ScheduledReview } from '$lib/srs/types';
import { loadCardStates } from '$lib/storage/cards';
import { recordAnswer } from '$lib/state/answers';
import { DB_NAME, openStudyDB, type StoredDeck } from '$lib/storage/db';
import { loadDecks } from '$lib/storage/decks';
import { reviewsSince } from '$lib/storage/reviews';
import { DEFAULT_SETTINGS } from '$lib/settings';
import { loadSettings } from '$lib/storage/settings';
import { median } from './numbers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Records per seeding transaction: large enough to be fast, small enough not to hold the page. */
const BATCH = 10_000;
/** Seeding needs no flush to disk per transaction: it is set-up, not what is measured. */
const SEEDING: IDBTransactionOptions = { durability: 'relaxed' };
/** How long a UI step may take before the benchmark gives up on it. */
const UI_TIMEOUT_MS = 60_000;

/** Per-operation times (ms) of storing one answer, the app's way and two raw floors. */
export interface AnswerTimes {
	recordAnswer: number[];
	rawPut: number[];
	rawGetTwoWrites: number[];
	rawTwoWrites: number[];
}

/** Median times (ms) of the steps that lead to the first card, each taken on its own. */
export interface FirstCardSteps {
	rawGetAllCards: number;
	loadCardStates: number;
	loadSettings: number;
	reviewsSince: number;
	cardsInScope: number;
	buildQueue: number;
	loadDecks: number;
}

/** What the page offers the Node side, as `window.ctoBench`. */
export interface BenchPage {
	seedStates(now: number): Promise<{ cards: number; states: number }>;
	seedReviews(from: number, count: number, total: number, now: number): Promise<void>;
	readFloor(): Promise<number>;
	firstCard(): Promise<number>;
	answersOnScreen(count: number): Promise<number[]>;
	answerTimes(rounds: number, warmup: number): Promise<AnswerTimes>;
	firstCardSteps(runs: number): Promise<FirstCardSteps>;
}

interface SeededCard {
	id: string;
	deck: string;
}

let rawConnection: Promise<IDBDatabase> | undefined;
let seeded: SeededCard[] = [];

/** A plain connection to the app's database, without idb, for the floors and for seeding. */
function raw(): Promise<IDBDatabase> {
	rawConnection ??= new Promise((resolve, reject) => {
		// No version: open whatever the app created, never upgrade it.
		const request = indexedDB.open(DB_NAME);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('open failed'));
	});
	return rawConnection;
}

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('request failed'));
	});
}

function transactionDone(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
		tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
	});
}

/** A learner's state for a card: 10% never studied, 5% being learned today, the rest in review. */
function stateOf(card: StoredDeck['items'][number], random: () => number, now: number) {
	const roll = random();
	if (roll < 0.1) return null;
	const learning = roll < 0.15;
	const stability = learning ? 0.2 + random() : 1 + random() * 300;
	const lastReview = now - Math.round((learning ? random() * 12 * HOUR : random() * 300 * DAY) + 1);
	const state: CardState = {
		id: card.id,
		deck: card.id.slice(0, card.id.indexOf('/')),
		fact: card.fact,
		// Review cards fall due from 20 days ago to 300 days ahead; learning cards within the hour.
		due: Math.round(learning ? now + (random() * 2 - 1) * HOUR : now + (random() * 320 - 20) * DAY),
		stability,
		difficulty: 1 + random() * 9,
		elapsedDays: Math.floor((now - lastReview) / DAY),
		scheduledDays: learning ? 0 : Math.max(1, Math.round(stability)),
		learningSteps: learning ? 1 : 0,
		reps: 1 + Math.floor(random() * 20),
		lapses: Math.floor(random() * 3),
		state: learning ? (random() < 0.5 ? State.Learning : State.Relearning) : State.Review,
		lastReview,
		retired: false,
		requested: null
	};
	return state;
}

/**
 * Gives most cards of the stored decks a state (review, learning or none), in large transactions,
 * and stores the default settings as a learner who opened Settings would have them.
 */
async function seedStates(now: number): Promise<{ cards: number; states: number }> {
	const db = await raw();
	const decks = await requestDone(
		db.transaction('decks').objectStore('decks').getAll() as IDBRequest<StoredDeck[]>
	);
	const random = seededRandom('bench-states');
	const cards = decks.flatMap((deck) => deck.items.filter(isCardItem));
	const states = cards.map((card) => stateOf(card, random, now)).filter((state) => state !== null);
	seeded = states.map((state) => ({ id: state.id, deck: state.deck }));
	for (let start = 0; start < states.length; start += BATCH) {
		const tx = db.transaction('cards', 'readwrite', SEEDING);
		const store = tx.objectStore('cards');
		for (const state of states.slice(start, start + BATCH)) store.put(state);
		await transactionDone(tx);
	}
	const tx = db.transaction('settings', 'readwrite');
	for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
		tx.objectStore('settings').put({ key, value });
	}
	await transactionDone(tx);
	return { cards: cards.length, states: states.length };
}

/** One scheduled review of the log, as recordAnswer would have stored it. */
function reviewOf(card: SeededCard, time: number, random: () => number): ScheduledReview {
	const stability = 1 + random() * 100;
	return {
		card: card.id,
		deck: card.deck,
		rating: (1 + Math.floor(random() * 4)) as Grade,
		time,
		durationMs: Math.round(2000 + random() * 10_000),
		mode: 'review',
		state: random() < 0.1 ? State.New : State.Review,
		logDue: time - Math.round(stability * DAY),
		dueBefore: time - Math.round(random() * DAY),
		stability,
		difficulty: 1 + random() * 9,
		elapsedDays: Math.round(stability),
		lastElapsedDays: Math.round(stability / 2),
		scheduledDays: Math.round(stability),
		learningSteps: 0,
		retention: DEFAULT_SETTINGS.desiredRetention,
		fuzz: true
	};
}

/** How many of the log's reviews were given today (a busy study day). */
const REVIEWS_TODAY = 150;

/**
 * Adds reviews `from` to `from + count` of a log of `total`: in time order (as they are appended in
 * use) over the year before today's study day, the last REVIEWS_TODAY of them today.
 */
async function seedReviews(from: number, count: number, total: number, now: number): Promise<void> {
	if (seeded.length === 0) throw new Error('Seed the card states first.');
	const db = await raw();
	const dayStart = studyDayStart(now, DEFAULT_SETTINGS.dayStartHour);
	const history = total - REVIEWS_TODAY;
	const random = seededRandom(`bench-reviews-${from}`);
	const timeOf = (k: number) =>
		k < history
			? Math.round(dayStart - 365 * DAY + (k / history) * 365 * DAY)
			: Math.round(dayStart + ((k - history) / REVIEWS_TODAY) * (now - dayStart));
	for (let start = from; start < from + count; start += BATCH) {
		const tx = db.transaction('reviews', 'readwrite', SEEDING);
		const store = tx.objectStore('reviews');
		for (let k = start; k < Math.min(from + count, start + BATCH); k++) {
			const card = seeded[Math.floor(random() * seeded.length)] as SeededCard;
			store.add(reviewOf(card, timeOf(k), random));
		}
		await transactionDone(tx);
	}
}

/**
 * The floor of the first card: the same records the app reads to start a session (settings, every
 * card state, today's reviews through the same index and range), read raw, in one transaction.
 */
async function readFloor(): Promise<number> {
	const db = await raw();
	const since = studyDayStart(Date.now(), DEFAULT_SETTINGS.dayStartHour);
	const start = performance.now();
	const tx = db.transaction(['settings', 'cards', 'reviews'], 'readonly');
	await Promise.all([
		requestDone(tx.objectStore('settings').getAll()),
		requestDone(tx.objectStore('cards').getAll()),
		requestDone(tx.objectStore('reviews').index('by-time').getAll(IDBKeyRange.lowerBound(since)))
	]);
	return performance.now() - start;
}

function buttonNamed(name: string): HTMLButtonElement | null {
	for (const button of document.querySelectorAll('button')) {
		if (button.textContent?.trim() === name) return button;
	}
	return null;
}

/** Resolves once `condition` holds, checked now and after every change to the document. */
function whenTrue(condition: () => boolean): Promise<void> {
	return new Promise((resolve, reject) => {
		if (condition()) return resolve();
		const observer = new MutationObserver(() => {
			if (!condition()) return;
			observer.disconnect();
			clearTimeout(timer);
			resolve();
		});
		const timer = setTimeout(() => {
			observer.disconnect();
			reject(new Error(`Timed out waiting for the page after ${UI_TIMEOUT_MS} ms`));
		}, UI_TIMEOUT_MS);
		observer.observe(document, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true
		});
	});
}

/** Resolves after the next frame has been painted (a task queued from requestAnimationFrame). */
function painted(): Promise<void> {
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Time to first card as a learner sees it: from the click on "Study all decks" until the first
 * card, with its "Show answer" button, has been painted.
 */
async function firstCard(): Promise<number> {
	const button = buttonNamed('Study all decks');
	if (!button) throw new Error('The deck picker shows no "Study all decks" button.');
	const start = performance.now();
	button.click();
	await whenTrue(() => buttonNamed('Show answer') !== null);
	await painted();
	return performance.now() - start;
}

function shownCard(): string | null {
	return document.querySelector('[data-testid="study-card"]')?.getAttribute('data-card') ?? null;
}

function press(key: string): void {
	document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

/**
 * Answers `count` cards of a running session with the keyboard ("Space", then "3" for Good) and
 * times each from the key press until the next card has been painted.
 */
async function answersOnScreen(count: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const card = shownCard();
		press(' ');
		await whenTrue(() => buttonNamed('Show answer') === null);
		await painted();
		const start = performance.now();
		press('3');
		await whenTrue(() => shownCard() !== card && buttonNamed('Show answer') !== null);
		await painted();
		times.push(performance.now() - start);
	}
	return times;
}

/** Review cards to answer: each answer of the benchmark goes to a card not answered before. */
async function reviewCards(needed: number): Promise<CardState[]> {
	const db = await raw();
	const states = await requestDone(
		db.transaction('cards').objectStore('cards').getAll() as IDBRequest<CardState[]>
	);
	const review = states.filter((state) => state.state === State.Review);
	if (review.length < needed) throw new Error(`Only ${review.length} review cards to answer.`);
	return review.slice(0, needed);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await work();
	return performance.now() - start;
}

/**
 * Stores answers four ways, interleaved so that drift affects each alike: the app's recordAnswer
 * (read the state, FSRS, write state and review in one transaction), a raw single-record put, a raw
 * get plus two writes in one transaction (what recordAnswer does, without idb or FSRS), and the two
 * writes without the read (what a design that trusts the page's copy of the state would do).
 */
async function answerTimes(rounds: number, warmup: number): Promise<AnswerTimes> {
	const app = await openStudyDB();
	const db = await raw();
	const cards = await reviewCards(4 * (rounds + warmup));
	const params = { retention: DEFAULT_SETTINGS.desiredRetention, fuzz: true };
	const random = seededRandom('bench-answers');
	const ways: ((card: CardState) => Promise<unknown>)[] = [
		(card) =>
			recordAnswer(app, {
				card: { id: card.id, deck: card.deck },
				grade: Rating.Good,
				mode: 'review',
				now: Date.now(),
				durationMs: 4000,
				params
			}),
		(card) => {
			const tx = db.transaction('cards', 'readwrite');
			tx.objectStore('cards').put({ ...card, due: Date.now() + DAY, reps: card.reps + 1 });
			return transactionDone(tx);
		},
		(card) => {
			const tx = db.transaction(['cards', 'reviews'], 'readwrite');
			const cardStore = tx.objectStore('cards');
			const read = cardStore.get(card.id) as IDBRequest<CardState>;
			read.onsuccess = () => {
				const now = Date.now();
				cardStore.put({ ...read.result, due: now + DAY, reps: read.result.reps + 1 });
				tx.objectStore('reviews').add(reviewOf(card, now, random));
			};
			return transactionDone(tx);
		},
		(card) => {
			const tx = db.transaction(['cards', 'reviews'], 'readwrite');
			const now = Date.now();
			tx.objectStore('cards').put({ ...card, due: now + DAY, reps: card.reps + 1 });
			tx.objectStore('reviews').add(reviewOf(card, now, random));
			return transactionDone(tx);
		}
	];
	const times: number[][] = ways.map(() => []);
	for (let round = 0; round < rounds + warmup; round++) {
		// Rotate the order every round, so no way always runs right after another.
		for (let step = 0; step < ways.length; step++) {
			const way = (round + step) % ways.length;
			const card = cards[round * ways.length + step] as CardState;
			const ms = await timed(() => (ways[way] as (card: CardState) => Promise<unknown>)(card));
			if (round >= warmup) times[way]?.push(ms);
		}
	}
	app.close();
	return {
		recordAnswer: times[0] ?? [],
		rawPut: times[1] ?? [],
		rawGetTwoWrites: times[2] ?? [],
		rawTwoWrites: times[3] ?? []
	};
}

/** Times each step of starting a session on its own, to see where the time to first card goes. */
async function firstCardSteps(runs: number): Promise<FirstCardSteps> {
	const app = await openStudyDB();
	const db = await raw();
	const now = Date.now();
	const since = studyDayStart(now, DEFAULT_SETTINGS.dayStartHour);
	const dayEnd = since + DAY;
	const samples: Record<keyof FirstCardSteps, number[]> = {
		rawGetAllCards: [],
		loadCardStates: [],
		loadSettings: [],
		reviewsSince: [],
		cardsInScope: [],
		buildQueue: [],
		loadDecks: []
	};
	for (let run = 0; run < runs; run++) {
		samples.rawGetAllCards.push(
			await timed(() => requestDone(db.transaction('cards').objectStore('cards').getAll()))
		);
		samples.loadCardStates.push(await timed(() => loadCardStates(app)));
		samples.loadSettings.push(await timed(() => loadSettings(app)));
		samples.reviewsSince.push(await timed(() => reviewsSince(app, since)));
		let decks: StoredDeck[] = [];
		samples.loadDecks.push(await timed(async () => (decks = await loadDecks(app))));
		const states = await loadCardStates(app);
		let cards: ReturnType<typeof cardsInScope>['cards'] = [];
		samples.cardsInScope.push(await timed(async () => (cards = cardsInScope(decks, {}).cards)));
		const today = studiedToday(await reviewsSince(app, since), siblingKeysById(cards));
		samples.buildQueue.push(
			await timed(async () => buildQueue(cards, states, today, DEFAULT_SETTINGS, dayEnd))
		);
	}
	app.close();
	const medians = Object.entries(samples).map(([step, values]) => [step, median(values)]);
	return Object.fromEntries(medians) as FirstCardSteps;
}

const page: BenchPage = {
	seedStates,
	seedReviews,
	readFloor,
	firstCard,
	answersOnScreen,
	answerTimes,
	firstCardSteps
};
Object.assign(window, { ctoBench: page });
