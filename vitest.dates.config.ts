import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The tests whose outcome could depend on what day it is: deadlines, "today" checks, the
 * demo. scripts/test-at-dates.sh runs them with the clock on each hard date.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: [
      'test/unit/{deadlines,maintenanceWindows,time,typedDates,demoCalendar,excelCells}.test.ts',
      'test/integration/{demo,registers,outages,payouts,custodiansAndUsb,users,recordRules}.test.ts',
    ],
  },
});
