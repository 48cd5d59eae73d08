#!/usr/bin/env bash
# Runs the date-sensitive tests (vitest.dates.config.ts) with the clock fixed on the
# dates that break naive date code, in Swedish time: a Monday, the day after Midsummer
# Eve, 2 January, a leap day, and a minute before midnight on a Sunday. libfaketime moves
# the process's clock; the tests take their "now" from it like the app does.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null; then
  echo "faketime is missing (Debian package faketime); .ci/run installs it" >&2
  exit 1
fi
export TZ=Europe/Stockholm
# Timers and the test runner's timeouts keep real monotonic time.
export FAKETIME_DONT_FAKE_MONOTONIC=1
for moment in '2026-11-23 10:00:00' '2026-06-20 09:30:00' '2027-01-02 12:00:00' \
  '2028-02-29 12:00:00' '2026-11-29 23:59:00'; do
  echo "== the clock at ${moment} (Europe/Stockholm)"
  faketime -f "@${moment}" npx vitest run --config vitest.dates.config.ts
done
