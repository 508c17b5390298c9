#!/usr/bin/env bash
# Installs every Debian 12 package Signalbox needs to build, run and test.
# Idempotent: asks apt only for what is missing, and does nothing when all is present.
# Uses sudo when not run as root.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format clang-tidy
  clang-14 libclang-rt-14-dev
  # libraries
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6opengl6-dev libqscintilla2-qt6-dev libgl1-mesa-dev
  libboost-dev libssl-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  qtkeychain-qt6-dev
  # running the studio headless (tests, screenshots)
  xvfb xauth fonts-dejavu-core
  # packaging checks
  dpkg-dev file desktop-file-utils appstream
  # real peers for the integration tests
  mosquitto mosquitto-clients python3 python3-paho-mqtt openssl
  rabbitmq-server amqp-tools python3-pika
  nats-server redis-server redis-tools
  # HTTP from the management API tests (REST calls, /metrics)
  curl
)

# Node.js for the amqplib / mqtt.js / kafkajs clients: Debian's nodejs and npm, unless a
# Node.js with its own npm (e.g. NodeSource's, which conflicts with Debian's npm) is there.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi

echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
