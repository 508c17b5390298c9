#!/usr/bin/env bash
# Runs the same `sbx bench mqtt` loads against `sbx broker` and Debian's mosquitto, one
# after the other for each load, and prints the Markdown table for docs/benchmarks.md.
# Both brokers run with their defaults on free loopback ports; both, and the load
# generator, share this machine's cores.
#
#   cmake -S . -B build/bench-release -G Ninja -DCMAKE_BUILD_TYPE=Release \
#         -DSBX_BUILD_STUDIO=OFF -DSBX_BUILD_TESTS=OFF
#   cmake --build build/bench-release --target sbx
#   tests/bench/run_mqtt_comparison.sh [BUILD_DIR] [SECONDS] [OUT_DIR]
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$repo/build/bench-release}"
seconds="${2:-5}"
out="${3:-$(mktemp -d /tmp/sbx-mqtt-comparison.XXXXXX)}"
sbx="$build/app/cli/sbx"
mosquitto=/usr/sbin/mosquitto
threads="$(nproc)"

[[ -x "$sbx" ]] || { echo "no sbx at $sbx: build the release first (see the header)" >&2; exit 1; }
[[ -x "$mosquitto" ]] || { echo "no $mosquitto: apt-get install mosquitto" >&2; exit 1; }
mkdir -p "$out"

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_port() {
    for _ in $(seq 200); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.05
    done
    echo "nothing listens on port $1" >&2
    exit 1
}

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$sbx" broker --mqtt-port 0 >"$out/sbx-broker.out" 2>"$out/sbx-broker.log" &
pids+=($!)
for _ in $(seq 200); do
    grep -q '^listening mqtt ' "$out/sbx-broker.out" && break
    sleep 0.05
done
sbx_port="$(sed -n 's/^listening mqtt .*:\([0-9]*\)$/\1/p' "$out/sbx-broker.out")"
[[ -n "$sbx_port" ]] || { echo "sbx broker did not start: $(cat "$out/sbx-broker.log")" >&2; exit 1; }

mosquitto_port="$(free_port)"
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$mosquitto_port" >"$out/mosquitto.conf"
"$mosquitto" -c "$out/mosquitto.conf" >"$out/mosquitto.log" 2>&1 &
pids+=($!)
wait_for_port "$mosquitto_port"

# name | flags; each runs flat out for $seconds after a 1 s warm-up.
loads=()
for qos in 0 1; do
    for size in 100 4096; do
        loads+=("QoS $qos, 1 -> 1, $size B|--qos $qos --size $size --publishers 1 --subscribers 1")
        loads+=("QoS $qos, 4 -> 4, $size B|--qos $qos --size $size --publishers 4 --subscribers 4")
        loads+=("QoS $qos, 1 -> 100 fan-out, $size B|--qos $qos --size $size --publishers 1 --subscribers 100 --fanout")
    done
done

index=0
for load in "${loads[@]}"; do
    name="${load%%|*}"
    flags="${load#*|}"
    for broker in sbx mosquitto; do
        port="$sbx_port"
        [[ "$broker" == mosquitto ]] && port="$mosquitto_port"
        echo "[$((index + 1))/${#loads[@]}] $broker: $name" >&2
        # shellcheck disable=SC2086  # flags are words on purpose
        "$sbx" bench mqtt --port "$port" $flags --duration "$seconds" --warmup 1 \
            --threads "$threads" --json >"$out/$index-$broker.json" || true
    done
    printf '%s\n' "$name" >"$out/$index.name"
    index=$((index + 1))
done

python3 "$(dirname "$0")/render_mqtt_comparison.py" "$out" "${#loads[@]}"
echo "raw JSON reports in $out" >&2
