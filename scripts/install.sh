#!/usr/bin/env bash
# Installs everything the build and the tests need on a machine that has only Node and npm:
# pnpm at the version package.json pins, the locked dependencies, and Debian's chromium for the
# browser tests (never a downloaded browser build).
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  npm install -g "pnpm@$pnpm_version"
fi

if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  elif [ -n "${CI:-}" ]; then
    echo "install.sh: the browser tests need Debian's chromium at /usr/bin/chromium, and this CI user cannot apt-get it" >&2
    exit 1
  else
    echo "install.sh: warning: the browser tests need Debian's chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium'" >&2
  fi
fi
