import { registers } from '../../../shared/registers';
import { RegisterPage } from '../registers/RegisterPage';

export function OtherDocumentsPage() {
  return <RegisterPage key="otherDocuments" definition={registers.otherDocuments} />;
}
