import { registers } from '../../../shared/registers';
import { RegisterPage } from '../registers/RegisterPage';

export function JournalNotesPage() {
  return <RegisterPage key="journalNotes" definition={registers.journalNotes} />;
}
