#!/usr/bin/env bash
# Runs clang-tidy (the repository's .clang-tidy) over first-party sources, using the
# compile database of a configured build (default: build/dev). Generated moc files are
# left out: their style is Qt's, not ours.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/dev}"
exec run-clang-tidy-14 -p "$build" -quiet "^$root/(core|app|plugins)/"
