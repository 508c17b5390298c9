#!/usr/bin/env bash
# The README's two commands:
#   installer/quickstart.sh studio   install what is missing, build, start the studio
#   installer/quickstart.sh test     install what is missing, build, run the whole test suite
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode="${1:-}"

usage() {
    echo "usage: installer/quickstart.sh studio|test" >&2
    exit 2
}

build() {
    local preset="$1"
    shift
    "$here/install-deps.sh"
    cd "$root"
    cmake --preset "$preset"
    cmake --build --preset "$preset" "$@"
}

case "$mode" in
    studio)
        build release --target signalbox sbx
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "quickstart: built, but there is no display to show the studio on." >&2
            echo "quickstart: run it from a desktop session: $root/build/release/app/studio/signalbox" >&2
            exit 1
        fi
        exec "$root/build/release/app/studio/signalbox" "${@:2}"
        ;;
    test)
        build dev
        ctest --preset dev "${@:2}"
        ;;
    *)
        usage
        ;;
esac
