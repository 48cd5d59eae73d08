import { useEffect, useState } from 'react';
import { api } from '../app/api';

type Progress = { task: string; done: number; total: number | null };

/**
 * How far main has come with a long task, while `running`: asked a few times a second
 * (main answers at once, beside the task), shown as a progress bar with words.
 */
export function TaskProgress({ running }: { running: boolean }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!running) return;
    let current = true;
    const ask = () =>
      void api()
        .progress.current()
        .then((answer) => current && answer.ok && setProgress(answer.value));
    ask();
    const timer = window.setInterval(ask, 250);
    return () => {
      current = false;
      window.clearInterval(timer);
      setProgress(null);
    };
  }, [running]);

  if (!running || !progress) return null;
  const { task, done, total } = progress;
  return (
    <div className="task-progress">
      {/* The task is announced once; the bar carries how far it has come. */}
      <span role="status">{task}…</span>
      <span aria-hidden="true">{total ? `${Math.round((done / total) * 100)} %` : ''}</span>
      <progress max={total ?? undefined} value={total ? done : undefined} aria-label={task} />
    </div>
  );
}
