#!/bin/sh
# Runs a codec fuzzer for a fixed time over the committed seed corpus; exits
# non-zero when it finds a crash, a sanitizer report or a broken round trip.
#
#   run_fuzzer.sh SOURCE_ROOT FUZZ_BUILD_DIR [SECONDS [NAME]]
#       configures tests/fuzz/standalone with clang++-14 in FUZZ_BUILD_DIR, builds
#       fuzz_NAME and runs it (what the ctest `fuzz.NAME` does in a gcc build)
#   run_fuzzer.sh --prebuilt FUZZER SOURCE_ROOT WORK_DIR [SECONDS [NAME]]
#       runs an already built fuzzer (a clang build with SBX_WITH_FUZZERS=ON)
#
# NAME picks the target and its corpus, tests/fuzz/corpus/NAME: mqtt_codec (the
# default) or amqp_codec.
set -eu

if [ "${1:-}" = "--prebuilt" ]; then
    fuzzer=$2
    source_root=$3
    work_dir=$4
    seconds=${5:-30}
    name=${6:-mqtt_codec}
else
    source_root=$1
    work_dir=$2
    seconds=${3:-30}
    name=${4:-mqtt_codec}
    mkdir -p "$work_dir"
    cmake -S "$source_root/tests/fuzz/standalone" -B "$work_dir" -G Ninja \
        -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSBX_WITH_FUZZERS=ON -DSBX_BUILD_STUDIO=OFF -DSBX_BUILD_TESTS=OFF \
        --no-warn-unused-cli >"$work_dir/configure.log" 2>&1 ||
        { cat "$work_dir/configure.log"; exit 1; }
    cmake --build "$work_dir" --target "fuzz_$name" -j2
    fuzzer=$work_dir/tests/fuzz/fuzz_$name
fi

# New inputs go to a corpus in the build tree; the committed seeds are only read.
corpus=$work_dir/corpus/$name
artifacts=$work_dir/artifacts/$name
mkdir -p "$corpus" "$artifacts"

exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" "$source_root/tests/fuzz/corpus/$name"
