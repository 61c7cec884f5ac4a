// Benchmark of sync (src/lib/sync): the first sync of 100,000 reviews to an empty device, and an
// incremental sync of 200, through a real CouchDB-protocol server (pouchdb-server, in memory) over
// HTTP. Device A holds the history and sends it; device B starts empty and receives it. Each
// device is the app's study database (fake-indexeddb) and its local PouchDB (in memory).
import 'fake-indexeddb/auto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import memory from 'pouchdb-adapter-memory';
import { seededRandom } from '$lib/content/hash';
import { LIMITS } from '$lib/limits';
import { recordAnswer } from '$lib/state/answers';
import { openStudyDB, type StudyDatabase } from '$lib/storage/db';
import type { LiveItems } from '$lib/storage/retire';
import { answerCard, newCardState } from '$lib/srs/scheduler';
import { Rating, type CardState, type Grade, type Review } from '$lib/srs/types';
import { Pouch, remoteDatabase, signIn } from '$lib/sync/connect';
import { KDF_ITERATIONS, type SyncKeys } from '$lib/sync/crypto';
import { BATCH, syncOnce, type SyncReport } from '$lib/sync/engine';
import type { SyncDatabase } from '$lib/sync/pouch';
import { SyncServer } from '../e2e/sync-server';
import { round } from './numbers';
import type { Bench, Figure, Section } from './types';

/** The sync server's port (the e2e tests use 5989, the preview servers 4173 and 4176). */
const PORT = Number(process.env.BENCH_SYNC_PORT ?? 5995);
const MINUTE_MS = 60_000;
const USER = { name: 'bench-learner', password: 'bench-password' };
const PASSPHRASE = 'correct horse battery staple, benchmarked';
/**
 * A fixed clock for the synthetic history, whose answers are given between the app's first day
 * (sync refuses a record older than LIMITS.appEpoch, 1 November 2026) and it.
 */
const NOW = Date.UTC(2026, 10, 23, 9, 0);
const HISTORY_MS = NOW - LIMITS.appEpoch - 60 * MINUTE_MS;
const DECKS = 10;
const REVIEWS_PER_CARD = 10;
/** The app's scheduler parameters by default (settings.ts, state/study.svelte.ts). */
const PARAMS = { retention: 0.9, fuzz: true };
/** Reviews written to IndexedDB per transaction while device A is set up. */
const WRITE_CHUNK = 10_000;
const HEAP_SAMPLE_MS = 50;
const MB = 1_000_000;
const KB = 1_000;

/** The app's PouchDB with in-memory databases: in Node the IndexedDB adapter has no IndexedDB. */
const LocalPouch = Pouch.plugin(memory);

// ---------------------------------------------------------------------------------------------
// Measuring

/** Bytes counted over one part of the run. */
class Traffic {
	requests = 0;
	/** Request bodies as handed to fetch. */
	bodyUp = 0;
	/** Response bodies as PouchDB reads them (decoded). */
	bodyDown = 0;
	/** Everything on the TCP connections, headers included (see WireCounter). */
	wireUp = 0;
	wireDown = 0;

	reset(): void {
		this.requests = this.bodyUp = this.bodyDown = this.wireUp = this.wireDown = 0;
	}
}

function bodyBytes(body: unknown): number {
	if (body === undefined || body === null) return 0;
	if (typeof body === 'string') return Buffer.byteLength(body);
	if (body instanceof ArrayBuffer) return body.byteLength;
	if (ArrayBuffer.isView(body)) return body.byteLength;
	if (body instanceof Blob) return body.size;
	throw new Error(`the benchmark cannot count a request body of type ${typeof body}`);
}

/** Statuses whose response has no body (a Response with one cannot be made for them). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** A fetch that counts the bodies of requests and responses. */
function countingFetch(traffic: Traffic): typeof globalThis.fetch {
	return async (input, init) => {
		traffic.requests += 1;
		traffic.bodyUp += bodyBytes(init?.body);
		const response = await globalThis.fetch(input, init);
		const body = await response.arrayBuffer();
		traffic.bodyDown += body.byteLength;
		return new Response(NULL_BODY.has(response.status) ? null : body, {
			status: response.status,
			statusText: response.statusText,
			headers: response.headers
		});
	};
}

/**
 * A TCP relay in front of the server that counts what crosses it, both ways: the bytes on the
 * wire, with HTTP headers and any compression the server applies.
 */
class WireCounter {
	private constructor(
		private readonly server: Server,
		private readonly sockets: Set<Socket>,
		readonly url: string
	) {}

	static async start(target: number, traffic: Traffic): Promise<WireCounter> {
		const sockets = new Set<Socket>();
		const server = createServer((client) => {
			const upstream = connect(target, 'localhost');
			for (const socket of [client, upstream]) {
				sockets.add(socket);
				socket.on('close', () => sockets.delete(socket));
			}
			client.on('data', (chunk: Buffer) => (traffic.wireUp += chunk.length));
			upstream.on('data', (chunk: Buffer) => (traffic.wireDown += chunk.length));
			client.pipe(upstream).pipe(client);
			client.on('error', () => upstream.destroy());
			upstream.on('error', () => client.destroy());
		});
		// Any free port, on this machine only.
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		if (address === null || typeof address === 'string') throw new Error('no port for the relay');
		return new WireCounter(server, sockets, `http://127.0.0.1:${address.port}`);
	}

	close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}
}

/** Node's garbage collector, exposed now if the process was not started with --expose-gc. */
function garbageCollector(): () => void {
	const given = (globalThis as { gc?: () => void }).gc;
	if (given) return given;
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
}

const gc = garbageCollector();

interface Measured<T> {
	result: T;
	ms: number;
	/** CPU time of this process (the devices; the server is another process). */
	cpuMs: number;
	/** The highest heap in use while it ran, less the heap in use before (after a collection). */
	peakHeapBytes: number;
	/** The heap in use after it, after a collection, less the heap before: what it keeps. */
	heldHeapBytes: number;
}

/** Times a task and samples the heap every 50 ms while it runs. */
async function measure<T>(task: () => Promise<T>): Promise<Measured<T>> {
	gc();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sample = () => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	};
	const timer = setInterval(sample, HEAP_SAMPLE_MS);
	const cpu = process.cpuUsage();
	const start = performance.now();
	try {
		const result = await task();
		const ms = performance.now() - start;
		const { user, system } = process.cpuUsage(cpu);
		sample();
		gc();
		const held = process.memoryUsage().heapUsed - baseline;
		return {
			result,
			ms,
			cpuMs: (user + system) / 1000,
			peakHeapBytes: peak - baseline,
			heldHeapBytes: held
		};
	} finally {
		clearInterval(timer);
	}
}

/** Time spent inside the replicator (pushing and pulling), the rest of a run being the engine's own. */
interface ReplicationTime {
	push: number;
	pull: number;
}

/** The local database, with the time of its replications noted. */
function timedLocal(local: SyncDatabase, time: ReplicationTime): SyncDatabase {
	return {
		get: (...args) => local.get(...args),
		put: (...args) => local.put(...args),
		bulkDocs: (...args) => local.bulkDocs(...args),
		allDocs: (...args) => local.allDocs(...args),
		changes: (...args) => local.changes(...args),
		info: () => local.info(),
		destroy: () => local.destroy(),
		close: () => local.close(),
		replicate: {
			to: async (...args) => {
				const start = performance.now();
				const result = await local.replicate.to(...args);
				time.push += performance.now() - start;
				return result;
			},
			from: async (...args) => {
				const start = performance.now();
				const result = await local.replicate.from(...args);
				time.pull += performance.now() - start;
				return result;
			}
		}
	};
}

// ---------------------------------------------------------------------------------------------
// Synthetic history

interface History {
	cards: CardState[];
	reviews: Review[];
	live: LiveItems;
}

const GRADE_ROLLS: readonly [number, Grade][] = [
	[0.1, Rating.Again],
	[0.2, Rating.Hard],
	[0.85, Rating.Good],
	[1, Rating.Easy]
];

function grade(random: () => number): Grade {
	const roll = random();
	return (GRADE_ROLLS.find(([upTo]) => roll < upTo) ?? [1, Rating.Good])[1];
}

/**
 * `cardCount` cards in ten decks, each answered `REVIEWS_PER_CARD` times since the app's first day, by
 * the app's scheduler: the reviews and card states as the app would have stored them.
 */
function syntheticHistory(cardCount: number): History {
	const random = seededRandom(`sync-${cardCount}`);
	const cards: CardState[] = [];
	const reviews: Review[] = [];
	const items = new Map<string, Set<string>>();
	for (let c = 0; c < cardCount; c++) {
		const deck = `deck-${c % DECKS}`;
		const id = `${deck}/topic-${c % 40}/fact-${c}/basic`;
		const times = Array.from({ length: REVIEWS_PER_CARD }, () =>
			Math.round(NOW - random() * HISTORY_MS)
		).sort((a, b) => a - b);
		let state = newCardState(id, deck, times[0] ?? NOW);
		for (const time of times) {
			const durationMs = 2000 + Math.floor(random() * 13_000);
			const next = answerCard(state, grade(random), time, PARAMS, durationMs);
			state = next.state;
			reviews.push({ ...next.review, uid: crypto.randomUUID() });
		}
		cards.push(state);
		const deckItems = items.get(deck) ?? new Set<string>();
		deckItems.add(id);
		items.set(deck, deckItems);
	}
	// Stored in the order they were given, as the app stores them.
	reviews.sort((a, b) => a.time - b.time);
	return {
		cards,
		reviews,
		live: items
	};
}

/** Writes the history straight into the stores, many records a transaction. */
async function writeHistory(db: StudyDatabase, { cards, reviews }: History): Promise<void> {
	for (let i = 0; i < reviews.length; i += WRITE_CHUNK) {
		const tx = db.transaction('reviews', 'readwrite');
		const writes = reviews.slice(i, i + WRITE_CHUNK).map((review) => tx.store.add(review));
		await Promise.all([...writes, tx.done]);
	}
	for (let i = 0; i < cards.length; i += WRITE_CHUNK) {
		const tx = db.transaction('cards', 'readwrite');
		const writes = cards.slice(i, i + WRITE_CHUNK).map((card) => tx.store.put(card));
		await Promise.all([...writes, tx.done]);
	}
}

// ---------------------------------------------------------------------------------------------
// Devices

let databases = 0;

/** A device: its study database and its local PouchDB, signed in to the server. */
class Device {
	readonly replication: ReplicationTime = { push: 0, pull: 0 };

	private constructor(
		readonly name: string,
		readonly db: StudyDatabase,
		private readonly local: SyncDatabase,
		private readonly remote: SyncDatabase,
		private keys: SyncKeys | null
	) {}

	static async open(name: string, origin: string, traffic: Traffic): Promise<Device> {
		databases += 1;
		const db = await openStudyDB(`cto-prep-bench-sync-${name}-${databases}`);
		const local = new LocalPouch(`bench-sync-${name}-${databases}`, { adapter: 'memory' });
		const remote = remoteDatabase(
			{ origin, username: USER.name, password: USER.password },
			countingFetch(traffic)
		);
		return new Device(name, db, local, remote, null);
	}

	/** Signs in with the real number of key derivation iterations. */
	async signIn(): Promise<void> {
		this.keys = await signIn(this.remote, PASSPHRASE);
	}

	sync(live: LiveItems): Promise<SyncReport> {
		if (!this.keys) throw new Error(`device ${this.name} is not signed in`);
		this.replication.push = this.replication.pull = 0;
		const local = timedLocal(this.local, this.replication);
		return syncOnce(this.db, { local, remote: this.remote }, this.keys, live);
	}

	async close(): Promise<void> {
		this.db.close();
		await this.local.destroy();
	}
}

/** Checks that B holds the same history and card states as A: a broken sync is not measured. */
async function checkSame(a: Device, b: Device, expected: number): Promise<void> {
	const [aReviews, bReviews] = await Promise.all([a.db.getAll('reviews'), b.db.getAll('reviews')]);
	if (aReviews.length !== expected || bReviews.length !== expected) {
		throw new Error(
			`sync lost or doubled answers: A holds ${aReviews.length}, B ${bReviews.length}, expected ${expected}`
		);
	}
	const aUids = new Set(aReviews.map((review) => review.uid));
	const missing = bReviews.filter((review) => !aUids.has(review.uid)).length;
	if (aUids.size !== expected || missing > 0) {
		throw new Error(`B's answers are not A's: ${missing} of B's are not on A`);
	}
	const [aCards, bCards] = await Promise.all([a.db.getAll('cards'), b.db.getAll('cards')]);
	const bById = new Map(bCards.map((card) => [card.id, card]));
	const different = aCards.filter((card) => !isDeepStrictEqual(card, bById.get(card.id)));
	if (aCards.length !== bCards.length || different.length > 0) {
		throw new Error(
			`card states differ: A has ${aCards.length}, B ${bCards.length}, ${different.length} differ ` +
				`(first: ${JSON.stringify(different[0])} vs ${JSON.stringify(bById.get(different[0]?.id ?? ''))})`
		);
	}
}

/** Device A answers `count` more cards, as the study page records answers. */
async function answerMore(
	device: Device,
	history: History,
	count: number,
	round: number
): Promise<void> {
	const random = seededRandom(`sync-more-${count}-${round}`);
	for (let i = 0; i < count; i++) {
		const card = history.cards[Math.floor(random() * history.cards.length)] as CardState;
		await recordAnswer(device.db, {
			card: { id: card.id, deck: card.deck },
			grade: grade(random),
			mode: 'review',
			now: NOW + (round * count + i) * MINUTE_MS,
			durationMs: 2000 + Math.floor(random() * 13_000),
			params: PARAMS
		});
	}
}

// ---------------------------------------------------------------------------------------------
// The benchmark

function seconds(ms: number): number {
	return round(ms / 1000, 2);
}

function megabytes(bytes: number): number {
	return round(bytes / MB, 2);
}

function kilobytes(bytes: number): number {
	return round(bytes / KB, 1);
}

function count(n: number): string {
	return n.toLocaleString('en');
}

export const bench: Bench = async ({ quick }) => {
	const cardCount = quick ? 200 : 10_000;
	const total = cardCount * REVIEWS_PER_CARD;
	const more = quick ? 20 : 200;
	const n = count(total);
	const log = (line: string) => console.log(`  sync: ${line}`);

	const traffic = new Traffic();
	const server = await SyncServer.start({ port: PORT, inMemory: true });
	const wire = await WireCounter.start(PORT, traffic);
	const devices: Device[] = [];
	try {
		await server.addUser(USER.name, USER.password);

		let start = performance.now();
		const history = syntheticHistory(cardCount);
		const a = await Device.open('a', wire.url, traffic);
		devices.push(a);
		await writeHistory(a.db, history);
		const setupMs = performance.now() - start;
		log(`device A holds ${n} reviews of ${count(cardCount)} cards (${seconds(setupMs)} s)`);

		start = performance.now();
		await a.signIn();
		const keyMs = performance.now() - start;
		log(`A signed in, creating the account's keycheck (${round(keyMs)} ms)`);

		traffic.reset();
		const upload = await measure(() => a.sync(history.live));
		const uploadTraffic = { ...traffic };
		const uploadReplication = { ...a.replication };
		if (upload.result.sent !== total) throw new Error(`A sent ${upload.result.sent} of ${total}`);
		log(`A sent ${n} (${seconds(upload.ms)} s)`);

		const b = await Device.open('b', wire.url, traffic);
		devices.push(b);
		start = performance.now();
		await b.signIn();
		const unlockMs = performance.now() - start;

		traffic.reset();
		const first = await measure(() => b.sync(history.live));
		const firstTraffic = { ...traffic };
		const firstReplication = { ...b.replication };
		log(`B received ${count(first.result.received)} (${seconds(first.ms)} s)`);
		if (first.result.received !== total || first.result.refused.length > 0) {
			throw new Error(
				`B received ${first.result.received} of ${total}, refused ${first.result.refused.length}`
			);
		}
		await checkSame(a, b, total);

		await answerMore(a, history, more, 0);
		traffic.reset();
		const moreUpload = await measure(() => a.sync(history.live));
		const moreUploadTraffic = { ...traffic };
		if (moreUpload.result.sent !== more) throw new Error(`A sent ${moreUpload.result.sent}`);

		traffic.reset();
		const incremental = await measure(() => b.sync(history.live));
		const incrementalTraffic = { ...traffic };
		const incrementalReplication = { ...b.replication };
		if (incremental.result.received !== more) {
			throw new Error(`B received ${incremental.result.received} of ${more}`);
		}
		await checkSame(a, b, total + more);
		log(`incremental: B received ${more} (${round(incremental.ms)} ms); both devices agree`);

		// Once more: B's run above also pushed back (as revs_diff) every document it pulled in the
		// first sync; from now on a run only exchanges what is new.
		await answerMore(a, history, more, 1);
		await a.sync(history.live);
		traffic.reset();
		const steady = await measure(() => b.sync(history.live));
		const steadyTraffic = { ...traffic };
		if (steady.result.received !== more) {
			throw new Error(`B received ${steady.result.received} of ${more}`);
		}
		await checkSame(a, b, total + 2 * more);
		log(`incremental again: B received ${more} (${round(steady.ms)} ms); both devices agree`);

		const figures: Figure[] = [
			{
				name: `key derivation, signing in (PBKDF2, ${count(KDF_ITERATIONS)})`,
				value: round(keyMs),
				unit: 'ms'
			},
			{
				name: 'signing in on device B (reads the keycheck, derives)',
				value: round(unlockMs),
				unit: 'ms'
			},
			{ name: `device A sends ${n} reviews: time`, value: seconds(upload.ms), unit: 's' },
			{
				name: `device A sends ${n} reviews: CPU time of the devices' process`,
				value: seconds(upload.cpuMs),
				unit: 's'
			},
			{
				name: `device A sends ${n} reviews: of it, pushing`,
				value: seconds(uploadReplication.push),
				unit: 's'
			},
			{
				name: `device A sends ${n} reviews: of it, pulling its own back`,
				value: seconds(uploadReplication.pull),
				unit: 's'
			},
			{
				name: `device A sends ${n} reviews: bytes up (bodies)`,
				value: megabytes(uploadTraffic.bodyUp),
				unit: 'MB'
			},
			{
				name: `device A sends ${n} reviews: bytes down (bodies)`,
				value: megabytes(uploadTraffic.bodyDown),
				unit: 'MB'
			},
			{
				name: `device A sends ${n} reviews: requests`,
				value: uploadTraffic.requests,
				unit: 'requests'
			},
			{
				name: `first sync, ${n} reviews to an empty device: time`,
				value: seconds(first.ms),
				unit: 's'
			},
			{
				name: `first sync: CPU time of the devices' process`,
				value: seconds(first.cpuMs),
				unit: 's'
			},
			{
				name: `first sync: of it, pulling (replication)`,
				value: seconds(firstReplication.pull),
				unit: 's'
			},
			{
				name: `first sync: of it, opening and storing (engine)`,
				value: seconds(first.ms - firstReplication.pull - firstReplication.push),
				unit: 's'
			},
			{
				name: `first sync: reviews stored a second`,
				value: Math.round(total / (first.ms / 1000)),
				unit: 'reviews/s'
			},
			{
				name: 'first sync: bytes down (response bodies)',
				value: megabytes(firstTraffic.bodyDown),
				unit: 'MB'
			},
			{
				name: 'first sync: bytes up (request bodies)',
				value: megabytes(firstTraffic.bodyUp),
				unit: 'MB'
			},
			{
				name: 'first sync: bytes down on the wire (headers included)',
				value: megabytes(firstTraffic.wireDown),
				unit: 'MB'
			},
			{
				name: 'first sync: bytes up on the wire (headers included)',
				value: megabytes(firstTraffic.wireUp),
				unit: 'MB'
			},
			{ name: 'first sync: requests', value: firstTraffic.requests, unit: 'requests' },
			{
				name: 'first sync: peak heap over the heap before',
				value: megabytes(first.peakHeapBytes),
				unit: 'MB'
			},
			{
				name: 'first sync: heap held after it (after a collection) over the heap before',
				value: megabytes(first.heldHeapBytes),
				unit: 'MB'
			},
			{
				name: 'first sync: bytes down a review (response bodies)',
				value: Math.round(firstTraffic.bodyDown / total),
				unit: 'bytes'
			},
			{ name: `device A sends ${more} more: time`, value: round(moreUpload.ms), unit: 'ms' },
			{
				name: `device A sends ${more} more: bytes up (bodies)`,
				value: kilobytes(moreUploadTraffic.bodyUp),
				unit: 'KB'
			},
			{
				name: `device A sends ${more} more: bytes down (bodies)`,
				value: kilobytes(moreUploadTraffic.bodyDown),
				unit: 'KB'
			},
			{ name: `incremental sync, ${more} reviews: time`, value: round(incremental.ms), unit: 'ms' },
			{
				name: `incremental sync: CPU time of the devices' process`,
				value: round(incremental.cpuMs),
				unit: 'ms'
			},
			{
				name: `incremental sync: of it, pulling (replication)`,
				value: round(incrementalReplication.pull),
				unit: 'ms'
			},
			{
				name: `incremental sync: bytes down (response bodies)`,
				value: kilobytes(incrementalTraffic.bodyDown),
				unit: 'KB'
			},
			{
				name: `incremental sync: bytes up (request bodies)`,
				value: kilobytes(incrementalTraffic.bodyUp),
				unit: 'KB'
			},
			{
				name: `incremental sync: bytes down on the wire`,
				value: kilobytes(incrementalTraffic.wireDown),
				unit: 'KB'
			},
			{ name: `incremental sync: requests`, value: incrementalTraffic.requests, unit: 'requests' },
			{
				name: `incremental sync: peak heap over the heap before`,
				value: megabytes(incremental.peakHeapBytes),
				unit: 'MB'
			},
			{ name: `incremental sync again, ${more} more: time`, value: round(steady.ms), unit: 'ms' },
			{
				name: `incremental sync again: bytes down (response bodies)`,
				value: kilobytes(steadyTraffic.bodyDown),
				unit: 'KB'
			},
			{
				name: `incremental sync again: bytes up (request bodies)`,
				value: kilobytes(steadyTraffic.bodyUp),
				unit: 'KB'
			},
			{ name: `incremental sync again: requests`, value: steadyTraffic.requests, unit: 'requests' }
		];
		const section: Section = {
			title: `Sync: first sync of ${n} reviews to an empty device, then ${more} more (Node, pouchdb-server)`,
			figures,
			notes: [
				`Device A holds ${n} reviews of ${count(cardCount)} cards in ${DECKS} decks (${REVIEWS_PER_CARD} answers a card between 1 and 23 November 2026 — sync refuses records older than the app — made by the app's scheduler, each with its own uid), written straight into the stores (${seconds(setupMs)} s, not counted); it signs in (creating the account's keycheck with the real ${count(KDF_ITERATIONS)} PBKDF2 iterations, timed on its own) and sends them with syncOnce. Device B starts empty (the same decks' items live, so its cards are not retired), signs in and runs syncOnce once: that run is the first sync. A then answers ${more} cards with recordAnswer and sends them; B's next run is the incremental sync. That run also pushes back to the server, as revs_diff requests, every document B pulled in the first sync (PouchDB's push reads the local changes since its checkpoint, which the pull's writes are part of; the server answers that it has them): a cost once, after a first sync. So A answers ${more} more, sends them, and B's run after that is "incremental sync again", what a sync costs from then on.`,
				`Checked after each of B's runs: B holds exactly the reviews A holds (by uid) and the same card states (deep equal), and nothing was refused; the benchmark fails otherwise.`,
				`Server: pouchdb-server --in-memory on this machine (port ${PORT}), one database per user with _security as CouchDB's couch_peruser: no network latency or bandwidth limit, so the times are CPU and protocol, not network. Devices: Node ${process.version}, not a browser: the study database is fake-indexeddb, which is slower than a browser's IndexedDB, and the local PouchDB uses pouchdb-adapter-memory (the IndexedDB adapter does not work on fake-indexeddb). Replication batch size ${BATCH} (BATCH in src/lib/sync/engine.ts).`,
				`Bytes: bodies are counted in a fetch handed to remoteDatabase (request bodies as sent, response bodies as read, decoded); "on the wire" is every byte of the TCP connections through a counting relay in front of the server (headers and any compression included). MB = 10^6 bytes, KB = 10^3.`,
				`Heap: process.memoryUsage().heapUsed sampled every ${HEAP_SAMPLE_MS} ms while the run goes on (and at its end), peak less the heap after a forced garbage collection just before it; it includes what B's fake IndexedDB and in-memory PouchDB hold (on disk in a browser), and not the server (another process). A sample falls between the engine's awaits, so a peak inside one synchronous step can be missed.`,
				`Times are wall times; "CPU time of the devices' process" is this process's own (user + system), so wall time less it is mostly waiting for the server (pouchdb-server, another process: Express and an in-memory LevelDOWN, slower than CouchDB) or for a core on a shared machine (load average ${loadavg()
					.map((load) => round(load, 1))
					.join(' / ')} at the end of the run).`,
				`"Of it, pulling" is the time inside the replicator's pull (changes, revs_diff, _bulk_get, writes to the local PouchDB); the engine's part is sealing, reading the inbox, opening (AES-GCM), checking and storing the records and replaying each touched card from all its answers.`
			]
		};
		return [section];
	} finally {
		for (const device of devices) await device.close().catch(() => undefined);
		await wire.close();
		await server.close();
	}
};
