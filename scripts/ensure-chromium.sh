#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (never a downloaded browser build).
set -u
command -v chromium >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || {
    echo "make test: could not install chromium with apt-get; install Debian's chromium package." >&2
    exit 1
  }
else
  echo "make test: Chromium is missing - install Debian's chromium package (sudo apt-get install chromium)." >&2
  exit 1
fi
