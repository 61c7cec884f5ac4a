import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';
import { withUid } from './uids';

/** Keeps a finished quiz in the history. */
export async function saveQuizAttempt(db: StudyDatabase, attempt: QuizAttempt): Promise<number> {
	try {
		return await db.add('quizAttempts', withUid(attempt));
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Every finished quiz, newest first. */
export async function loadQuizAttempts(db: StudyDatabase): Promise<QuizAttempt[]> {
	try {
		return (await db.getAllFromIndex('quizAttempts', 'by-time')).reverse();
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Every interview answer, oldest first. */
export async function loadInterviewAnswers(db: StudyDatabase): Promise<InterviewAnswer[]> {
	try {
		return await db.getAllFromIndex('interviewAnswers', 'by-time');
	} catch (error) {
		throw toStorageError(error);
	}
}
