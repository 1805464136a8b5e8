#!/usr/bin/env bash
# Live-capture speed: pcapdump against tcpdump, side by side.
#
# Two network namespaces joined by a veth pair (created here, deleted at
# the end; no traffic leaves them). In each trial blast sends 1,000,000
# UDP datagrams (64-byte payloads) to port 9 as fast as sendmmsg goes, while
# `pcapdump -i IF -w /dev/null 'udp dst port 9'` or the same tcpdump command
# captures. Trials alternate between the two programs. The harness records
# the capturing process's CPU time (user+system, all threads) per captured
# packet and the packets lost, and prints medians and the ratio.
#
# Needs root, gcc, iproute2 and tcpdump. Usage: bench/live/run.sh [-trials N] [-n PACKETS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:/usr/local/go/bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -Wall -o "$tmp/blast" bench/live/c/blast.c
CGO_ENABLED=0 go build -o "$tmp/pcapdump" ./examples/pcapdump
go build -o "$tmp/harness" ./bench/live
"$tmp/harness" -pcapdump "$tmp/pcapdump" -blast "$tmp/blast" -tcpdump "$(command -v tcpdump)" "$@"
