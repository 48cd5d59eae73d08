#!/usr/bin/env bash
# Runs the date-sensitive tests (vitest.dates.config.ts) with the clock on the dates that
# break naive date code, given in Swedish time: a Monday, the day after Midsummer Eve,
# 2 January, a leap day, and a minute before midnight on a Sunday. Two more runs put the
# process in another time zone (UTC, New Zealand), since the app must read office dates
# from Europe/Stockholm explicitly, never from the machine's zone.
#
# libfaketime moves the clock by an offset from the real time (an absolute "@…" would be
# read in each process's own zone), and the tests take their "now" from it like the app.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null; then
  echo "faketime is missing (Debian package faketime); .ci/run installs it" >&2
  exit 1
fi
# Timers and the test runner's timeouts keep real monotonic time.
export FAKETIME_DONT_FAKE_MONOTONIC=1

# A third argument narrows the run to the files whose path holds it (vitest's filter).
run_at() {
  local moment=$1 zone=$2 only=${3:-}
  local target offset
  target=$(TZ=Europe/Stockholm date -d "$moment" +%s)
  offset=$((target - $(date +%s)))
  echo "== the clock at ${moment} Swedish time, the process in ${zone}${only:+ (${only} only)}"
  TEST_TZ=$zone faketime -f "$( ((offset >= 0)) && echo "+")${offset}s" \
    npx vitest run --config vitest.dates.config.ts ${only:+"$only"}
}

# Every file at a working Monday, the day after Midsummer Eve, a minute before midnight on
# a Sunday and in New Zealand; the rules themselves (deadlines, holidays, typed dates, the
# demo's calendar) also at New Year, a leap day and in UTC. The integration files take
# a minute a run, which CI's time limit cannot afford seven times.

run_at '2026-11-23 10:00:00' Europe/Stockholm
run_at '2026-06-20 09:30:00' Europe/Stockholm
run_at '2026-11-29 23:59:00' Europe/Stockholm
run_at '2026-11-23 00:30:00' Pacific/Auckland
run_at '2027-01-02 12:00:00' Europe/Stockholm test/unit/
run_at '2028-02-29 12:00:00' Europe/Stockholm test/unit/
run_at '2026-11-29 23:59:00' UTC test/unit/
