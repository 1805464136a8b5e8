//go:build linux

// Command harness runs the live-capture comparison of bench/live/run.sh:
// pcapdump against tcpdump, each capturing `udp dst port 9` from a veth
// pair while blast sends datagrams from the peer namespace as fast as
// sendmmsg goes. Trials alternate between the two. For each it records the
// capturing process's CPU time (user+system, all threads, from wait4's
// rusage) per captured packet and the packets lost, then prints medians
// and the ratio.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	pcapdump = flag.String("pcapdump", "", "path of the pcapdump binary")
	tcpdump  = flag.String("tcpdump", "tcpdump", "path of tcpdump")
	blast    = flag.String("blast", "", "path of the blast binary")
	packets  = flag.Int("n", 1000000, "datagrams per trial")
	size     = flag.Int("size", 64, "UDP payload bytes per datagram")
	trials   = flag.Int("trials", 5, "trials per program")
)

const (
	capNS, peerNS = "pplbench-cap", "pplbench-peer"
	capIf, peerIf = "pplb0", "pplb1"
	capIP, peerIP = "10.78.0.1", "10.78.0.2"
)

func main() {
	flag.Parse()
	if err := setup(); err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		teardown()
		os.Exit(1)
	}
	defer teardown()

	type result struct{ cpuPerPkt, loss []float64 }
	res := map[string]*result{"pcapdump": {}, "tcpdump": {}}
	for i := 0; i < *trials; i++ {
		for _, name := range []string{"pcapdump", "tcpdump"} {
			bin := *pcapdump
			if name == "tcpdump" {
				bin = *tcpdump
			}
			cpu, captured, err := trial(bin)
			if err != nil {
				fmt.Fprintf(os.Stderr, "harness: %s: %v\n", name, err)
				teardown()
				os.Exit(1)
			}
			lost := *packets - captured
			per := float64(cpu.Nanoseconds()) / float64(max(captured, 1))
			fmt.Printf("trial %d %-8s cpu %8.3f s  captured %7d  lost %7d  cpu/packet %7.1f ns\n",
				i+1, name, cpu.Seconds(), captured, lost, per)
			res[name].cpuPerPkt = append(res[name].cpuPerPkt, per)
			res[name].loss = append(res[name].loss, float64(lost))
		}
	}
	p, t := res["pcapdump"], res["tcpdump"]
	fmt.Printf("\nmedian cpu/packet: pcapdump %.1f ns, tcpdump %.1f ns, ratio %.2fx\n",
		median(p.cpuPerPkt), median(t.cpuPerPkt), median(p.cpuPerPkt)/median(t.cpuPerPkt))
	fmt.Printf("median packets lost: pcapdump %.0f, tcpdump %.0f (of %d)\n",
		median(p.loss), median(t.loss), *packets)
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func sh(args ...string) error {
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// setup builds two namespaces joined by a veth pair; traffic never leaves
// them.
func setup() error {
	teardown()
	steps := [][]string{
		{"ip", "netns", "add", capNS},
		{"ip", "netns", "add", peerNS},
		{"ip", "-n", capNS, "link", "add", capIf, "type", "veth", "peer", "name", peerIf, "netns", peerNS},
		{"ip", "-n", capNS, "addr", "add", capIP + "/24", "dev", capIf},
		{"ip", "-n", peerNS, "addr", "add", peerIP + "/24", "dev", peerIf},
		{"ip", "-n", capNS, "link", "set", capIf, "up"},
		{"ip", "-n", peerNS, "link", "set", peerIf, "up"},
		{"ip", "-n", capNS, "link", "set", "lo", "up"},
		{"ip", "-n", peerNS, "link", "set", "lo", "up"},
		{"ip", "netns", "exec", capNS, "sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6"},
		{"ip", "netns", "exec", peerNS, "sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6"},
	}
	for _, s := range steps {
		if err := sh(s...); err != nil {
			return err
		}
	}
	// A static neighbour entry, so the blast needs no ARP.
	out, err := exec.Command("ip", "-n", capNS, "-o", "link", "show", capIf).Output()
	if err != nil {
		return err
	}
	m := regexp.MustCompile(`link/ether (\S+)`).FindSubmatch(out)
	if m == nil {
		return fmt.Errorf("no MAC address in %s", out)
	}
	return sh("ip", "-n", peerNS, "neigh", "replace", capIP, "lladdr", string(m[1]), "dev", peerIf)
}

func teardown() {
	exec.Command("ip", "netns", "del", capNS).Run()
	exec.Command("ip", "netns", "del", peerNS).Run()
}

var capturedRE = regexp.MustCompile(`(\d+) packets? captured`)

// trial runs one capture during one blast and returns the capturing
// process's CPU time and the packets it captured.
func trial(bin string) (time.Duration, int, error) {
	cmd := exec.Command("ip", "netns", "exec", capNS, bin, "-i", capIf, "-w", "/dev/null", "udp dst port 9")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return 0, 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var all []string
	timeout := time.After(30 * time.Second)
wait:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				cmd.Wait()
				return 0, 0, fmt.Errorf("exited before listening: %s", strings.Join(all, "\n"))
			}
			all = append(all, l)
			if strings.Contains(l, "listening on") {
				break wait
			}
		case <-timeout:
			cmd.Process.Kill()
			return 0, 0, fmt.Errorf("did not start listening")
		}
	}
	b := exec.Command("ip", "netns", "exec", peerNS, *blast, capIP, "9", strconv.Itoa(*packets), strconv.Itoa(*size))
	b.Stderr = os.Stderr
	if err := b.Run(); err != nil {
		cmd.Process.Kill()
		return 0, 0, fmt.Errorf("blast: %v", err)
	}
	time.Sleep(2 * time.Second) // let the last ring block time out and be read
	cmd.Process.Signal(syscall.SIGINT)
	for l := range lines {
		all = append(all, l)
	}
	cmd.Wait()
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, fmt.Errorf("no rusage")
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	fmt.Printf("  user %v sys %v\n", time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano()))
	text := strings.Join(all, "\n")
	m := capturedRE.FindStringSubmatch(text)
	if m == nil {
		return 0, 0, fmt.Errorf("no statistics in output:\n%s", text)
	}
	n, _ := strconv.Atoi(m[1])
	return cpu, n, nil
}
