#!/usr/bin/env bash
# Install the system libraries Qt needs on a bare Debian/Ubuntu machine, only when missing.
# Uses apt-get (as root, or through sudo). Safe to run again: installs nothing when all are there.
set -euo pipefail
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian-like: nothing to do here
packages=(python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
          libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
          libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1)
missing=()
for p in "${packages[@]}"; do
  # python3-venv is only needed when the interpreter cannot make a venv by itself
  if [ "$p" = python3-venv ] && python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system libraries: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
