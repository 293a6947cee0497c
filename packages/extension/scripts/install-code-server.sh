#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) from the npm registry into a folder of its own, for
# test/code-server.e2e.test.ts. Not a dependency of the project: it needs Node 24 (installed next
# to it from the registry) and compiles native modules (Debian: build-essential, python3, libkrb5-dev).
#   scripts/install-code-server.sh DIR   then   OJ_CODE_SERVER=DIR/node_modules/.bin/code-server npm test
set -euo pipefail
dir="${1:?usage: install-code-server.sh DIR}"
mkdir -p "$dir"
cd "$dir"
[[ -f package.json ]] || echo '{ "name": "oj-code-server", "private": true }' > package.json
npm install --no-audit --no-fund node@24
PATH="$PWD/node_modules/.bin:$PATH" npm install --no-audit --no-fund --foreground-scripts code-server@4.139.1
"$PWD/node_modules/.bin/code-server" --version
