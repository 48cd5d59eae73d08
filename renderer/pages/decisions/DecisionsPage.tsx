import { registers } from '../../../shared/registers';
import { RegisterPage } from '../registers/RegisterPage';

export function DecisionsPage() {
  return <RegisterPage key="decisions" definition={registers.decisions} />;
}
