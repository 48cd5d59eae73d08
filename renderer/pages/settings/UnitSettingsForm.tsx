import { useState } from 'react';
import { api, statusChanged } from '../../app/api';
import { useSession } from '../../app/session';

/** Unit-wide settings the enhetschef switches on and off. */
export function UnitSettingsForm() {
  const { unit } = useSession();
  const [error, setError] = useState<string | null>(null);

  async function setPatchWednesday(patchWednesday: boolean) {
    const result = await api().unit.updateSettings({ patchWednesday });
    if (result.ok) statusChanged();
    else setError(result.error.message);
  }

  return (
    <div className="panel">
      <h2>Enheten</h2>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={unit.patchWednesday}
          onChange={(event) => void setPatchWednesday(event.target.checked)}
        />
        Visa IT:s patchonsdagar (andra onsdagen varje månad 10:00–10:30) som planerade avbrott
      </label>
    </div>
  );
}
