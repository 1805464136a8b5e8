/*
 * bench.c times libpcap's pcap_compile over the expressions of
 * a corpus (LINKTYPE<TAB>EXPR lines; # starts a comment). For each
 * expression it compiles repeatedly for about 20 ms (at least 3 times, at
 * most 20000) and prints "LINE<TAB>NS" with the mean time of one compile,
 * or "LINE<TAB>error" when libpcap refuses the expression.
 *
 * Usage: bench CORPUS [-O]   (-O: optimizer off, as tcpdump's -O)
 */
#include <pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench CORPUS [-O]\n");
		return 2;
	}
	int optimize = !(argc == 3 && strcmp(argv[2], "-O") == 0);
	FILE *f = fopen(argv[1], "r");
	if (f == NULL) {
		perror(argv[1]);
		return 1;
	}
	char line[65536];
	int n = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		n++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *tab = strchr(line, '\t');
		if (tab == NULL)
			continue;
		*tab = '\0';
		int dlt = pcap_datalink_name_to_val(line);
		if (dlt < 0) {
			printf("%d\terror\n", n);
			continue;
		}
		pcap_t *p = pcap_open_dead(dlt, 262144);
		struct bpf_program prog;
		if (pcap_compile(p, &prog, tab + 1, optimize, 0) < 0) {
			printf("%d\terror\n", n);
			pcap_close(p);
			continue;
		}
		pcap_freecode(&prog);
		int iters = 0;
		double start = now_ns(), end;
		do {
			pcap_compile(p, &prog, tab + 1, optimize, 0);
			pcap_freecode(&prog);
			iters++;
			end = now_ns();
		} while (iters < 20000 && (iters < 3 || end - start < 20e6));
		printf("%d\t%.0f\n", n, (end - start) / iters);
		pcap_close(p);
	}
	return 0;
}
