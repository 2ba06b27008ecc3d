#!/bin/sh
# Install the Debian packages the project needs, when they are missing:
#   fonts     Noto fonts for PDF documents (Latin, Cyrillic, Arabic, Chinese); the site build needs them
#   test      chromium for the browser tests, git for the review commands and their tests
# With no argument, every group. Needs root or sudo; says so clearly otherwise.
set -eu
groups="${*:-fonts test}"
missing=""
for group in $groups; do
  case "$group" in
    fonts)
      [ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing="$missing fonts-noto-core"
      [ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || missing="$missing fonts-noto-cjk" ;;
    test)
      command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$missing chromium"
      command -v git >/dev/null 2>&1 || missing="$missing git" ;;
    *) echo "unknown group '$group' (use: fonts, test)" >&2; exit 2 ;;
  esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "Missing system packages:$missing. Install them with: apt-get install -y$missing" >&2
  exit 1
fi
echo "Installing system packages:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
