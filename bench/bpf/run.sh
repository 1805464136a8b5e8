#!/usr/bin/env bash
# Times classic-BPF filtering of the same programs over the same packets in
# three machines: libpcap's C bpf_filter (bench.c, built here with gcc -O2),
# purepcap's bpf.VM and golang.org/x/net/bpf's VM (go test -bench). Runs are
# interleaved ROUNDS times and the medians are compared.
#
# Usage: bench/bpf/run.sh [ROUNDS]    (needs gcc, libpcap-dev and Go)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
td=bpf/testdata/bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gcc -O2 -o "$tmp/cbench" bench/bpf/bench.c -lpcap
go test -c -o "$tmp/bpf.test" ./bpf
programs=$(cut -f1 "$td/programs.txt" | sed 's/\.ddd$//')

for r in $(seq "$rounds"); do
  for p in $programs; do
    echo "$p c $("$tmp/cbench" "$td/$p.ddd" "$td/packets.pcap" 3000000)" >>"$tmp/results"
  done
  (cd bpf && "$tmp/bpf.test" -test.run '^$' -test.bench '^BenchmarkVM$' \
    -test.benchtime 3000000x -test.benchmem) |
    awk '/^BenchmarkVM\// { split($1, n, "/"); sub(/-[0-9]+$/, "", n[3]);
                            print n[2], n[3], $3; print n[2], n[3] "-allocs", $7 }' >>"$tmp/results"
done

echo "classic BPF filter, ns per packet (median of $rounds rounds); packets: $td/packets.pcap"
printf '%-12s %6s %10s %10s %12s %10s %14s\n' program insns "C libpcap" purepcap "x/net/bpf" "purepcap/C" "x/net/purepcap" 
for p in $programs; do
  med() { awk -v p="$p" -v m="$1" '$1 == p && $2 == m { print $3 }' "$tmp/results" | sort -g |
          awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  c=$(med c); g=$(med purepcap); x=$(med xnet); ga=$(med purepcap-allocs)
  n=$(head -1 "$td/$p.ddd")
  awk -v p="$p" -v n="$n" -v c="$c" -v g="$g" -v x="$x" -v ga="$ga" 'BEGIN {
    printf "%-12s %6d %10.1f %10.1f %12.1f %9.2fx %13.2fx   (purepcap allocs/op: %d)\n", p, n, c, g, x, g / c, x / g, ga }'
done
