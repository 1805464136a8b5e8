#!/usr/bin/env bash
# Times pcapdump against tcpdump on a ~1 GB pcap held in /dev/shm (the
# page cache): tcpdump's Ethernet test captures repeated to 2 million
# packets. Each trial runs the four commands in turn (alternating the
# two programs), TRIALS times; the script prints the median wall times
# and the ratio pcapdump/tcpdump, checks that both wrote identical files,
# and removes the big files at the end.
#
# Usage: bench/savefile/run.sh   (from anywhere; needs tcpdump, go)
# Environment: TRIALS (default 5), PACKETS (default 2000000), DIR (default /dev/shm).
set -euo pipefail
cd "$(dirname "$0")/../.."
trials=${TRIALS:-5}
packets=${PACKETS:-2000000}
dir=${DIR:-/dev/shm}
work=$(mktemp -d)
big=$dir/purepcap-big.pcap
out_t=$dir/purepcap-out-tcpdump.pcap
out_p=$dir/purepcap-out-pcapdump.pcap
trap 'rm -rf "$work" "$big" "$out_t" "$out_p"' EXIT

go build -o "$work/pcapdump" ./examples/pcapdump
go run ./bench/savefile/mkbig -dir testdata/pcaps -n "$packets" -o "$big"
cat "$big" >/dev/null # into the page cache

# wall TIME_FILE CMD...: runs CMD with its output discarded, appends seconds.
wall() {
  local file=$1
  shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f\n", b - a}' >>"$work/$file"
}

for i in $(seq "$trials"); do
  wall count.tcpdump tcpdump -Z root -r "$big" --count
  wall count.pcapdump "$work/pcapdump" -r "$big" --count
  rm -f "$out_t" "$out_p"
  wall write.tcpdump tcpdump -Z root -r "$big" -w "$out_t"
  wall write.pcapdump "$work/pcapdump" -r "$big" -w "$out_p"
done

cmp "$out_t" "$out_p" && echo "written files are identical ($(stat -c %s "$out_p") bytes)"
echo "tcpdump --count:  $(tcpdump -r "$big" --count 2>/dev/null)"
echo "pcapdump --count: $("$work/pcapdump" -r "$big" --count 2>/dev/null)"

median() { sort -g "$work/$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
echo "size: $(stat -c %s "$big") bytes, $packets packets, $trials trials, medians of wall time:"
for cmd in count write; do
  t=$(median "$cmd.tcpdump")
  p=$(median "$cmd.pcapdump")
  case $cmd in
  count) what="-r big.pcap --count" ;;
  write) what="-r big.pcap -w $dir/out.pcap" ;;
  esac
  printf '  %-36s tcpdump %6.3f s   pcapdump %6.3f s   ratio %.2f\n' "$what" "$t" "$p" "$(awk -v p="$p" -v t="$t" 'BEGIN {print p / t}')"
done
