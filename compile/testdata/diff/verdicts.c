/*
 * verdicts: libpcap's side of the compiler's differential tests.
 *
 * Built and run only when the goldens are regenerated (go test -update) or
 * compared live (PUREPCAP_REQUIRE_REFERENCE=1):
 *
 *   gcc -O2 -o verdicts verdicts.c -lpcap
 *   verdicts [-O] [-r] [-t SECONDS] [-s SNAPLEN] CAPTURE... < cases
 *
 * Each input line is "LINKTYPE<TAB>EXPRESSION", where LINKTYPE may carry
 * options: "RAW;s=200;m=255.255.255.0;O" (snaplen, netmask, optimizer off).
 * The expression is compiled
 * with pcap_compile on a dead handle of that link type (optimizer on unless
 * -O is given, netmask 0, like tcpdump -d), then run with bpf_filter over every packet of
 * the captures of that link type. One output line per input line:
 *
 *   E<TAB>message                      pcap_compile failed
 *   V<TAB>insns<TAB>accept<TAB>ranges  accepted packets as "0-3,7,9-12"
 *
 *   T<TAB>message                      libpcap did not finish in time
 *
 * accept is the return value of the accepted packets, or -1 if they
 * returned different non-zero values. Packet indices count the packets of
 * that link type in the order of the captures on the command line.
 */
#include <pcap/pcap.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

/* Seconds one case may take (-t), in case libpcap never finishes one. */
static int case_timeout = 60; /* generous: CI machines may be loaded */

/* -r: raw libpcap, without the two corrections below (to show they matter). */
static int raw;

struct capset {
	int linktype;
	int count, room;
	struct pcap_pkthdr *hdrs;
	u_char **data;
};

static struct capset sets[32];
static int optimize = 1;
static int nsets;

static struct capset *set_for(int linktype)
{
	for (int i = 0; i < nsets; i++)
		if (sets[i].linktype == linktype)
			return &sets[i];
	if (nsets == 32)
		return NULL;
	struct capset *s = &sets[nsets++];
	memset(s, 0, sizeof *s);
	s->linktype = linktype;
	return s;
}

static int read_capture(const char *name)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(name, err);
	if (p == NULL) {
		fprintf(stderr, "verdicts: %s\n", err);
		return -1;
	}
	struct capset *s = set_for(pcap_datalink(p));
	struct pcap_pkthdr *h;
	const u_char *d;
	while (s != NULL && pcap_next_ex(p, &h, &d) == 1) {
		if (s->count == s->room) {
			s->room = s->room ? 2 * s->room : 256;
			s->hdrs = realloc(s->hdrs, s->room * sizeof *s->hdrs);
			s->data = realloc(s->data, s->room * sizeof *s->data);
		}
		s->hdrs[s->count] = *h;
		s->data[s->count] = malloc(h->caplen + 1);
		memcpy(s->data[s->count], d, h->caplen);
		s->count++;
	}
	pcap_close(p);
	return 0;
}

static int linktype_of(const char *name)
{
	int v = pcap_datalink_name_to_val(name);
	if (v < 0) {
		char *end;
		long n = strtol(name, &end, 10);
		if (*name != 0 && *end == 0)
			v = (int)n;
	}
	return v;
}

/*
 * scrub zeroes the stack below the caller before a bpf_filter call.
 * libpcap 1.10's bpf_filter leaves its scratch memory M[] uninitialized, so
 * a program that reads M[k] before storing to it (libpcap's own code for
 * "geneve" does, on packets that are not Geneve) would see whatever the
 * previous call left there, and verdicts would depend on packet order.
 * Later libpcap versions zero M[], as the project's VM does; zeroing the
 * stack gives that behaviour here.
 */
__attribute__((noinline)) static void scrub(void)
{
	volatile unsigned char junk[2048];
	memset((unsigned char *)junk, 0, sizeof junk);
	__asm__ volatile("" : : "r"(junk) : "memory");
}

/*
 * libpcap 1.10's bpf_filter has no limit on backward jumps, and the code
 * libpcap generates for "protochain" can loop forever on some packets (its
 * AH step sets X to the header length instead of adding it). Later libpcap
 * versions give up after 64 backward jumps and return 0, as the project's
 * VM does. A CPU timer interrupts such a packet, which then counts as
 * rejected.
 */
static sigjmp_buf loop_jmp;

static void on_loop(int sig)
{
	(void)sig;
	siglongjmp(loop_jmp, 1);
}

static void arm_loop_timer(int msec)
{
	struct itimerval it;
	memset(&it, 0, sizeof it);
	it.it_value.tv_sec = msec / 1000;
	it.it_value.tv_usec = (msec % 1000) * 1000;
	setitimer(ITIMER_VIRTUAL, &it, NULL);
}

/* judge prints one case's result. */
static void judge(const char *ltfield, const char *expr, int snaplen)
{
	/* The link type field may carry options: "RAW;s=200;m=255.255.255.0;O". */
	char ltname[128];
	int opt = optimize;
	bpf_u_int32 netmask = 0;
	snprintf(ltname, sizeof ltname, "%s", ltfield);
	char *save = NULL;
	strtok_r(ltname, ";", &save);
	for (char *o = strtok_r(NULL, ";", &save); o != NULL; o = strtok_r(NULL, ";", &save)) {
		unsigned a, b, c, d;
		if (strcmp(o, "O") == 0)
			opt = 0;
		else if (strncmp(o, "s=", 2) == 0)
			snaplen = atoi(o + 2);
		else if (sscanf(o, "m=%u.%u.%u.%u", &a, &b, &c, &d) == 4)
			netmask = (bpf_u_int32)(a << 24 | b << 16 | c << 8 | d);
		else {
			printf("E\tunknown option %s\n", o);
			return;
		}
	}
	int lt = linktype_of(ltname);
	if (lt < 0) {
		printf("E\tunknown link type %s\n", ltname);
		return;
	}
	pcap_t *p = pcap_open_dead(lt, snaplen);
	struct bpf_program prog;
	if (pcap_compile(p, &prog, expr, opt, netmask) < 0) {
		char *msg = pcap_geterr(p);
		for (char *c = msg; *c; c++)
			if (*c == '\t' || *c == '\n')
				*c = ' ';
		printf("E\t%s\n", msg);
		pcap_close(p);
		return;
	}
	struct capset *s = NULL;
	for (int i = 0; i < nsets; i++)
		if (sets[i].linktype == lt)
			s = &sets[i];
	long accept = 0;
	int start = -1, first = 1;
	char *ranges = NULL;
	size_t rlen = 0;
	FILE *r = open_memstream(&ranges, &rlen);
	int n = s ? s->count : 0;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_loop;
	sa.sa_flags = SA_NODEFER;
	sigaction(SIGVTALRM, &sa, NULL);
	for (int i = 0; i <= n; i++) {
		volatile u_int v = 0;
		if (i < n) {
			/* A fresh budget every 64 packets, so only a packet that
			 * runs for a long time trips the timer. */
			if (!raw && i % 64 == 0)
				arm_loop_timer(1000);
			if (sigsetjmp(loop_jmp, 0) == 0) {
				if (!raw)
					scrub();
				v = bpf_filter(prog.bf_insns, s->data[i], s->hdrs[i].len, s->hdrs[i].caplen);
			} else {
				fprintf(stderr, "verdicts: %s: packet %d of %s: bpf_filter loops; counted as rejected\n", expr, i, ltname);
				v = 0;
				arm_loop_timer(1000);
			}
		}
		if (v != 0) {
			if (accept == 0)
				accept = v;
			else if (accept != (long)v)
				accept = -1;
			if (start < 0)
				start = i;
		} else if (start >= 0) {
			fprintf(r, "%s%d", first ? "" : ",", start);
			if (i - 1 > start)
				fprintf(r, "-%d", i - 1);
			first = 0;
			start = -1;
		}
	}
	arm_loop_timer(0);
	fclose(r);
	printf("V\t%u\t%ld\t%s\n", prog.bf_len, accept, ranges);
	free(ranges);
	pcap_freecode(&prog);
	pcap_close(p);
}

/* judge_in_child runs judge in a child process, so that a case on which
 * libpcap hangs or crashes gives a T or E line instead of stopping the run. */
static void judge_in_child(const char *ltname, const char *expr, int snaplen)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		alarm(case_timeout);
		judge(ltname, expr, snaplen);
		fflush(stdout);
		_exit(0);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		printf("T\tlibpcap did not finish within %d s\n", case_timeout);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		printf("E\tlibpcap crashed (status %d)\n", status);
}

int main(int argc, char **argv)
{
	int snaplen = 262144, c;
	while ((c = getopt(argc, argv, "Ort:s:")) != -1) {
		if (c == 'O')
			optimize = 0;
		else if (c == 'r')
			raw = 1;
		else if (c == 't')
			case_timeout = atoi(optarg);
		else if (c == 's')
			snaplen = atoi(optarg);
		else
			return 2;
	}
	for (int i = optind; i < argc; i++)
		if (read_capture(argv[i]) < 0)
			return 1;
	char *line = NULL;
	size_t room = 0;
	ssize_t len;
	while ((len = getline(&line, &room, stdin)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = 0;
		char *tab = strchr(line, '\t');
		if (tab == NULL) {
			printf("E\tbad input line\n");
		} else {
			*tab = 0;
			judge_in_child(line, tab + 1, snaplen);
		}
		fflush(stdout);
	}
	return 0;
}
