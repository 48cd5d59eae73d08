import { outageLevelLabels, outageLevels } from '../../../shared/outages';

export const levelOptions = outageLevels.map((level) => ({
  value: level,
  label: outageLevelLabels[level],
}));

/** "Paraplyet, VODOK" → ["Paraplyet", "VODOK"]. */
export function splitSystems(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
