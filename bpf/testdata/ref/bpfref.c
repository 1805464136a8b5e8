/*
 * bpfref: a small test helper that asks the installed libpcap for the
 * reference answers the bpf package's tests compare against. It is built by
 * the tests with "gcc -O2 -o bpfref bpfref.c -lpcap" and is never part of
 * the Go library.
 *
 * Programs are read from stdin in tcpdump -ddd form; several programs follow
 * each other (each starts with its instruction count).
 *
 *   bpfref dump LEVEL       print each program with libpcap's bpf_dump
 *   bpfref validate         print 1 or 0 per program (libpcap's bpf_validate)
 *   bpfref filter FILE      print one line per program: bpf_filter's verdict
 *                           for each packet of capture FILE
 *   bpfref convert IN OUT   copy capture IN (pcap or pcapng) to classic pcap
 *                           OUT and print its link type name
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_prog(struct bpf_program *p) {
	unsigned n, i;
	if (scanf("%u", &n) != 1)
		return 0;
	p->bf_len = n;
	p->bf_insns = calloc(n ? n : 1, sizeof(struct bpf_insn));
	for (i = 0; i < n; i++) {
		unsigned code, jt, jf, k;
		if (scanf("%u %u %u %u", &code, &jt, &jf, &k) != 4) {
			fprintf(stderr, "bpfref: short program\n");
			exit(2);
		}
		p->bf_insns[i].code = (unsigned short)code;
		p->bf_insns[i].jt = (unsigned char)jt;
		p->bf_insns[i].jf = (unsigned char)jf;
		p->bf_insns[i].k = k;
	}
	return 1;
}

struct pkt {
	struct pcap_pkthdr h;
	u_char *data;
};

static struct pkt *load(const char *file, size_t *np) {
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *pc = pcap_open_offline(file, err);
	struct pcap_pkthdr *h;
	const u_char *d;
	size_t n = 0, cap = 64;
	struct pkt *v = malloc(cap * sizeof *v);
	if (pc == NULL) {
		fprintf(stderr, "bpfref: %s\n", err);
		exit(2);
	}
	while (pcap_next_ex(pc, &h, &d) == 1) {
		if (n == cap)
			v = realloc(v, (cap *= 2) * sizeof *v);
		v[n].h = *h;
		v[n].data = malloc(h->caplen ? h->caplen : 1);
		memcpy(v[n].data, d, h->caplen);
		n++;
	}
	pcap_close(pc);
	*np = n;
	return v;
}

int main(int argc, char **argv) {
	struct bpf_program p;
	if (argc == 3 && strcmp(argv[1], "dump") == 0) {
		int level = atoi(argv[2]);
		while (read_prog(&p)) {
			bpf_dump(&p, level);
			fflush(stdout);
		}
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "validate") == 0) {
		while (read_prog(&p))
			printf("%d\n", bpf_validate(p.bf_insns, (int)p.bf_len) ? 1 : 0);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "filter") == 0) {
		size_t n, i;
		struct pkt *v = load(argv[2], &n);
		while (read_prog(&p)) {
			for (i = 0; i < n; i++)
				printf("%s%u", i ? " " : "",
				    bpf_filter(p.bf_insns, v[i].data, v[i].h.len, v[i].h.caplen));
			printf("\n");
		}
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "convert") == 0) {
		char err[PCAP_ERRBUF_SIZE];
		pcap_t *pc = pcap_open_offline(argv[2], err);
		pcap_dumper_t *out;
		struct pcap_pkthdr *h;
		const u_char *d;
		const char *name;
		if (pc == NULL) {
			fprintf(stderr, "bpfref: %s\n", err);
			return 2;
		}
		out = pcap_dump_open(pc, argv[3]);
		if (out == NULL) {
			fprintf(stderr, "bpfref: %s\n", pcap_geterr(pc));
			return 2;
		}
		while (pcap_next_ex(pc, &h, &d) == 1)
			pcap_dump((u_char *)out, h, d);
		pcap_dump_close(out);
		name = pcap_datalink_val_to_name(pcap_datalink(pc));
		printf("%s\n", name ? name : "UNKNOWN");
		pcap_close(pc);
		return 0;
	}
	fprintf(stderr, "usage: bpfref dump LEVEL | validate | filter FILE | convert IN OUT\n");
	return 2;
}
