#!/usr/bin/env bash
# Times filter compilation in process over the same expressions (optimizer
# on, or off with -O as the third argument): libpcap's pcap_compile (c/bench.c, built here with gcc -O2) and
# purepcap's compile.Compile (main.go). Runs alternate ROUNDS times; for
# each expression both compile OK, the median time of each side is taken,
# and the script prints the median of the per-expression ratios
# purepcap/libpcap (below 1.00: purepcap is faster) and the medians of the
# times themselves.
#
# Usage: bench/compile/run.sh [ROUNDS] [CORPUS] [-O]   (needs gcc, libpcap-dev and Go)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
corpus=${2:-bench/compile/corpus.txt}
mode=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gcc -O2 -o "$tmp/cbench" bench/compile/c/bench.c -lpcap
go build -o "$tmp/gobench" ./bench/compile

for r in $(seq "$rounds"); do
  "$tmp/cbench" "$corpus" $mode | sed 's/^/c\t/' >>"$tmp/results"
  "$tmp/gobench" "$corpus" $mode | sed 's/^/go\t/' >>"$tmp/results"
done

awk -F'\t' '
  $3 == "error" { bad[$2] = 1; next }
  { t[$1, $2, ++n[$1, $2]] = $3; lines[$2] = 1 }
  function median(side, l,   k, i, j, v, m) {
    m = n[side, l]
    for (i = 1; i <= m; i++) v[i] = t[side, l, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { k = v[i]; v[i] = v[j]; v[j] = k }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
  }
  function med(a, m,   i, j, k) {
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { k = a[i]; a[i] = a[j]; a[j] = k }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    for (l in lines) {
      if (l in bad || !n["c", l] || !n["go", l]) continue
      c = median("c", l); g = median("go", l)
      m++; r[m] = g / c; cs[m] = c; gs[m] = g
    }
    printf "expressions compiled by both: %d, rounds: %d\n", m, '"$rounds"'
    printf "median time per expression: libpcap %.1f us, purepcap %.1f us\n", med(cs, m) / 1000, med(gs, m) / 1000
    printf "median ratio purepcap/libpcap: %.2f\n", med(r, m)
  }' "$tmp/results"
