import {
	ListenPlayer,
	timerWait,
	trackOf,
	type ListenTrack,
	type PlayerState
} from '$lib/listen/player';
import { browserSpeech, hasSpeech, watchVoices } from '$lib/listen/speech';
import { cardsInScope, scopeOf } from '$lib/srs/scope';
import { errorMessage } from '$lib/errors';
import { suspendedIds } from '$lib/marks/marks';
import { loadMarks } from '$lib/storage/marks';
import type { StudyDatabase } from '$lib/storage/db';
import { app } from './app.svelte';
import { PageModel } from './page.svelte';

/**
 * The Listen page: the cards of a deck or topic read aloud (prompt, pause, answer), with play,
 * pause, skip and stop, and the lock-screen controls where the browser offers them. Listening
 * never touches the schedule.
 */
export class ListenPage extends PageModel {
	/** Whether the browser can speak (null until known). */
	supported = $state<boolean | null>(null);
	/** Whether the device has a voice to speak with (null while its voices load). */
	voices = $state<boolean | null>(null);
	#stopWatching: (() => void) | null = null;
	/** The deck or topic chosen (`''` for all decks). */
	scope = $state('');
	/** Seconds of silence before an answer. */
	pauseSeconds = $state(app.settings.listenPauseSeconds);
	playerState = $state<PlayerState>({ status: 'idle', index: 0, part: 'prompt' });
	#player = $state.raw<ListenPlayer | null>(null);
	/** The cards the learner suspended: not read either, until unsuspended. */
	#suspended = $state.raw<Readonly<Record<string, boolean>>>({});

	/**
	 * What will be read: the cards of the chosen scope, in order. Derived, so that it is built once
	 * per scope or deck change, not again for every card read.
	 */
	tracks: ListenTrack[] = $derived.by(() => {
		const { cards, items } = cardsInScope(app.decks, scopeOf(this.scope));
		const suspended = this.#suspended;
		return cards.flatMap((card) => {
			const item = items.get(card.id);
			return item && !suspended[card.id] ? [trackOf(item)] : [];
		});
	});

	/** The card being read, once playing has started. */
	get current(): ListenTrack | undefined {
		const tracks = this.tracks;
		return this.#player ? tracks[Math.min(this.playerState.index, tracks.length - 1)] : undefined;
	}

	get started(): boolean {
		return this.#player !== null;
	}

	protected async load(db: StudyDatabase): Promise<void> {
		const marks = await loadMarks(db);
		this.#suspended = Object.fromEntries([...suspendedIds(marks.values())].map((id) => [id, true]));
		this.supported = hasSpeech();
		this.pauseSeconds = app.settings.listenPauseSeconds;
		if (this.supported && this.#stopWatching === null) {
			this.#stopWatching = watchVoices((present) => (this.voices = present));
		}
	}

	play(): void {
		const speak = browserSpeech();
		const tracks = this.tracks;
		if (!speak || tracks.length === 0 || this.voices !== true) return;
		this.#player?.stop();
		this.error = null;
		this.#player = new ListenPlayer(
			tracks,
			speak,
			timerWait,
			this.pauseSeconds * 1000,
			(state) => {
				this.playerState = state;
				this.#updateMediaSession(tracks);
			},
			(error) => (this.error = errorMessage(error))
		);
		this.#setUpMediaSession();
		this.#player.play();
	}

	pause(): void {
		this.#player?.pause();
	}

	resume(): void {
		this.error = null;
		this.#player?.play();
	}

	skip(): void {
		this.#player?.skip();
	}

	stop(): void {
		this.#player?.stop();
	}

	/** Keeps the pause the learner set. */
	async savePause(): Promise<void> {
		try {
			await app.saveSetting('listenPauseSeconds', this.pauseSeconds);
			this.error = null;
		} catch (error) {
			this.error = errorMessage(error);
		}
	}

	protected override dispose(): void {
		this.#player?.stop();
		this.#stopWatching?.();
		this.#stopWatching = null;
	}

	// Lock-screen and headset controls, where the browser offers them.
	#setUpMediaSession(): void {
		if (!('mediaSession' in navigator)) return;
		navigator.mediaSession.setActionHandler('play', () => this.resume());
		navigator.mediaSession.setActionHandler('pause', () => this.pause());
		navigator.mediaSession.setActionHandler('nexttrack', () => this.skip());
	}

	#updateMediaSession(tracks: readonly ListenTrack[]): void {
		if (!('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') return;
		const track = tracks[this.playerState.index];
		if (track) {
			navigator.mediaSession.metadata = new MediaMetadata({
				title: track.prompt,
				album: 'CTO Prep'
			});
		}
		navigator.mediaSession.playbackState =
			this.playerState.status === 'playing' ? 'playing' : 'paused';
	}
}
