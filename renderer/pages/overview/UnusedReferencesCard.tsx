import { useEffect, useState } from 'react';
import { api } from '../../app/api';

/**
 * Printed references neither transcribed nor written off: paper that may still hold a
 * record. Shown only while there are some, with the way to the list.
 */
export function UnusedReferencesCard({ onShow }: { onShow: () => void }) {
  const [total, setTotal] = useState<number | null>(null);
  useEffect(() => {
    void api()
      .references.countUnused()
      .then((result) => result.ok && setTotal(result.value.total));
  }, []);
  if (!total) return null;
  return (
    <article className="card" aria-labelledby="unused-references-title">
      <h2 id="unused-references-title">Ej införda blanketter</h2>
      <p>
        <strong>{total.toLocaleString('sv-SE')}</strong>{' '}
        {total === 1
          ? 'utskriven referens är varken införd eller avskriven.'
          : 'utskrivna referenser är varken införda eller avskrivna.'}
      </p>
      <button type="button" className="button button--small" onClick={onShow}>
        Visa ej införda blanketter
      </button>
    </article>
  );
}
