/*
 * appendref: appends packets to a pcap file with libpcap's
 * pcap_dump_open_append, for savefile's OpenAppend test.
 *
 * usage: appendref FILE DLT SNAPLEN NANO NPACKETS
 * Packet i has time stamp (1000+i, 7*i), i+10 captured bytes of value i
 * and wire length 100+i. On failure it prints libpcap's error and exits 1.
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: appendref FILE DLT SNAPLEN NANO NPACKETS\n");
		return 2;
	}
	int nano = atoi(argv[4]);
	pcap_t *p = pcap_open_dead_with_tstamp_precision(atoi(argv[2]), atoi(argv[3]),
	    nano ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO);
	if (p == NULL)
		return 2;
	pcap_dumper_t *d = pcap_dump_open_append(p, argv[1]);
	if (d == NULL) {
		fprintf(stderr, "%s\n", pcap_geterr(p));
		return 1;
	}
	int n = atoi(argv[5]);
	for (int i = 0; i < n; i++) {
		unsigned char buf[256];
		struct pcap_pkthdr h;
		memset(buf, i, sizeof buf);
		h.ts.tv_sec = 1000 + i;
		h.ts.tv_usec = 7 * i;
		h.caplen = 10 + i;
		h.len = 100 + i;
		pcap_dump((u_char *)d, &h, buf);
	}
	pcap_dump_close(d);
	pcap_close(p);
	return 0;
}
