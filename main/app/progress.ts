import type { HandlersOf } from './handler';

/** How far a long task has come: what it is (Swedish), steps done, and of how many. */
export interface Progress {
  task: string;
  done: number;
  total: number | null;
}

/**
 * The one long task being run (calls run one at a time), for `progress.current`, which
 * the renderer asks while it waits. Reported between awaits, so it is read while the task
 * yields; cleared when the task ends, however it ends.
 */
export class ProgressBoard {
  private current: Progress | null = null;

  read(): Progress | null {
    return this.current;
  }

  async run<T>(
    task: string,
    work: (report: (done: number, total: number | null) => void) => Promise<T>,
  ): Promise<T> {
    this.current = { task, done: 0, total: null };
    try {
      return await work((done, total) => {
        this.current = { task, done, total };
      });
    } finally {
      this.current = null;
    }
  }
}

export const progressHandlers: HandlersOf<'progress'> = {
  'progress.current': (_input, { state }) => Promise.resolve(state.progress.read()),
};
