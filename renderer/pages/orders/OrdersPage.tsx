import { registers } from '../../../shared/registers';
import { RegisterPage } from '../registers/RegisterPage';

export function OrdersPage() {
  return <RegisterPage key="orders" definition={registers.orders} />;
}
