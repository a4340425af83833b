#!/bin/sh
# install-deps.sh: installs the Debian packages in tools/debian-packages,
# through sudo unless run as root.  Used by the quick start and by CI.
set -eu
here=$(dirname "$0")
packages=$(grep -v '^#' "$here/debian-packages" | tr '\n' ' ')
as_root=
[ "$(id -u)" = 0 ] || as_root=sudo
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root apt-get install -y -qq $packages

# The GB18030 locale that the screen tests type Chinese in.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN.gb18030$'; then
	$as_root localedef -i zh_CN -f GB18030 zh_CN.GB18030
fi
