#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
set -euo pipefail
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap python3-pip python3-venv >/dev/null
python3 -m pip install -q @FRAMEWORK@ /autograder/source/package
