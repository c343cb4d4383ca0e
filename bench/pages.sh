#!/usr/bin/env bash
# Measures the demo member's home, meeting, library, document and handbook pages in headless Chromium
# over an emulated slow 3G link (400 ms round trip, 400 kbit/s): bytes transferred and first
# contentful paint, on a first visit without cache and on a second visit with it. Runs the test class
# PageLoadBench, which starts the product with the demo data on an in-memory H2 database on a free
# loopback port, and prints the table (also written to target/bench/pages.md). Needs Debian's chromium
# and chromium-driver.
#
# Usage: bench/pages.sh
set -euo pipefail

cd "$(dirname "$0")/.."

mvn -q -B test -Dtest=PageLoadBench -Dchibo.test.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspring.main.banner-mode=off > target/pages-bench.log 2>&1 || { tail -40 target/pages-bench.log; exit 1; }
cat target/bench/pages.md
