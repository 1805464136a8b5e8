/*
 * programs: compiles filter expressions with libpcap and prints the
 * programs, for the optimizer's differential test (opt_libpcap_test.go).
 *
 * Input: lines "LINKTYPE<TAB>EXPRESSION". Output, one line per input line:
 * "P<TAB>n code jt jf k code jt jf k ..." for the optimized program, or
 * "E<TAB>message" when pcap_compile fails. A dead handle of that link type
 * with snaplen 262144 and netmask 0, as tcpdump -d uses.
 *
 * With "-live IFACE", every expression is compiled on one live handle of
 * IFACE instead (Linux: VLAN tests through packet metadata), and the link
 * type column is ignored.
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
	static char line[1 << 20];
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_t *live = NULL;
	if (argc == 3 && strcmp(argv[1], "-live") == 0) {
		live = pcap_open_live(argv[2], 262144, 0, 100, errbuf);
		if (live == NULL) {
			fprintf(stderr, "%s\n", errbuf);
			return 1;
		}
	}
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = 0;
		char *tab = strchr(line, '\t');
		if (tab == NULL) {
			printf("E\tbad input line\n");
			continue;
		}
		*tab = 0;
		int dlt = pcap_datalink_name_to_val(line);
		pcap_t *p = live ? live : pcap_open_dead(dlt < 0 ? 1 : dlt, 262144);
		struct bpf_program prog;
		if (p == NULL) {
			printf("E\tpcap_open_dead failed\n");
			continue;
		}
		if (pcap_compile(p, &prog, tab + 1, 1, 0) < 0) {
			/* Some libpcap messages end in a newline: keep one line. */
			char *msg = pcap_geterr(p);
			for (char *c = msg; *c; c++)
				if (*c == '\t' || *c == '\n')
					*c = ' ';
			printf("E\t%s\n", msg);
		} else {
			printf("P\t%u", prog.bf_len);
			for (unsigned i = 0; i < prog.bf_len; i++) {
				struct bpf_insn *in = &prog.bf_insns[i];
				printf(" %u %u %u %u", in->code, in->jt, in->jf, in->k);
			}
			printf("\n");
			pcap_freecode(&prog);
		}
		if (p != live)
			pcap_close(p);
		fflush(stdout);
	}
	return 0;
}
