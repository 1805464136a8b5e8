/*
 * Times libpcap's bpf_filter on one program (tcpdump -ddd text) over the
 * packets of a classic pcap file, cycling through the packets as the Go
 * benchmark does. Prints nanoseconds per packet (median of 5 runs).
 * Built by run.sh with gcc -O2; not part of the Go library.
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int cmp(const void *a, const void *b) {
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
	char err[PCAP_ERRBUF_SIZE];
	struct bpf_insn *prog;
	unsigned n, i;
	FILE *f;
	pcap_t *pc;
	struct pcap_pkthdr *h;
	const u_char *d;
	u_char **pkts = NULL;
	unsigned *caplen = NULL, *wirelen = NULL, np = 0;
	long iters;
	double runs[5];
	volatile unsigned sink = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: bench PROGRAM.ddd PACKETS.pcap ITERATIONS\n");
		return 2;
	}
	f = fopen(argv[1], "r");
	if (f == NULL || fscanf(f, "%u", &n) != 1) {
		fprintf(stderr, "bench: cannot read %s\n", argv[1]);
		return 2;
	}
	prog = calloc(n, sizeof *prog);
	for (i = 0; i < n; i++) {
		unsigned code, jt, jf, k;
		if (fscanf(f, "%u %u %u %u", &code, &jt, &jf, &k) != 4) {
			fprintf(stderr, "bench: short program\n");
			return 2;
		}
		prog[i].code = code;
		prog[i].jt = jt;
		prog[i].jf = jf;
		prog[i].k = k;
	}
	fclose(f);
	pc = pcap_open_offline(argv[2], err);
	if (pc == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		return 2;
	}
	while (pcap_next_ex(pc, &h, &d) == 1) {
		pkts = realloc(pkts, (np + 1) * sizeof *pkts);
		caplen = realloc(caplen, (np + 1) * sizeof *caplen);
		wirelen = realloc(wirelen, (np + 1) * sizeof *wirelen);
		pkts[np] = malloc(h->caplen + 1);
		memcpy(pkts[np], d, h->caplen);
		caplen[np] = h->caplen;
		wirelen[np] = h->len;
		np++;
	}
	iters = atol(argv[3]);
	for (int r = 0; r < 5; r++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		unsigned j = 0;
		for (long it = 0; it < iters; it++) {
			sink += bpf_filter(prog, pkts[j], wirelen[j], caplen[j]);
			if (++j == np)
				j = 0;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		runs[r] = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / iters;
	}
	qsort(runs, 5, sizeof runs[0], cmp);
	printf("%.2f\n", runs[2]);
	return 0;
}
