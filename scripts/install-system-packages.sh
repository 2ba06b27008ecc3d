#!/bin/sh
# Install the Debian packages the tests need, when they are missing:
# chromium for the browser tests, git for the review commands (diff, scope,
# history) and their tests. Needs root or sudo; says so clearly otherwise.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v git >/dev/null 2>&1 || missing="$missing git"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "Missing system packages:$missing. Install them with: apt-get install -y$missing" >&2
  exit 1
fi
echo "Installing system packages:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
