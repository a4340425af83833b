#!/bin/sh
# quickstart.sh: on a fresh Debian 12, installs what kontor needs, builds
# it, creates the demo company if it is missing and starts kontor on it.
set -eu
cd "$(dirname "$0")/.."
sh tools/install-deps.sh
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure
make -j"$(nproc)"
exec ./kontor demo
