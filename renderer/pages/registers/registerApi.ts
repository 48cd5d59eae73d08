import type { Api } from '../../../shared/api';
import type { RegisterKey } from '../../../shared/registers';
import { api } from '../../app/api';

/** Every register has the same calls; "decisions" stands for their shared type. */
export type RegisterApi = Api['decisions'];

export function registerApi(key: RegisterKey): RegisterApi {
  return api()[key] as RegisterApi;
}
