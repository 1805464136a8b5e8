/*
 * blast: send N UDP datagrams of SIZE payload bytes to DST:PORT as fast as
 * sendmmsg goes, in batches of 256. Part of purepcap's live-capture
 * benchmark (bench/live/run.sh); build with gcc -O2 -o blast blast.c.
 *
 *   blast DST PORT N [SIZE]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 256

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: blast DST PORT N [SIZE]\n");
		return 2;
	}
	long n = atol(argv[3]);
	int size = argc > 4 ? atoi(argv[4]) : 64;
	struct sockaddr_in dst = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[2]))};
	if (inet_pton(AF_INET, argv[1], &dst.sin_addr) != 1) {
		fprintf(stderr, "blast: bad address %s\n", argv[1]);
		return 2;
	}
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	/* Not connected: ICMP errors from the capture side are not reported. */
	if (fd < 0) {
		perror("blast: socket");
		return 1;
	}
	int sndbuf = 4 << 20;
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);

	static char payload[BATCH][2048];
	static struct iovec iov[BATCH];
	static struct mmsghdr msgs[BATCH];
	for (int i = 0; i < BATCH; i++) {
		iov[i].iov_base = payload[i];
		iov[i].iov_len = size;
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
		msgs[i].msg_hdr.msg_name = &dst;
		msgs[i].msg_hdr.msg_namelen = sizeof dst;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	long sent = 0;
	while (sent < n) {
		int k = n - sent < BATCH ? (int)(n - sent) : BATCH;
		for (int i = 0; i < k; i++)
			memcpy(payload[i], &(long){sent + i}, sizeof(long));
		int r = sendmmsg(fd, msgs, k, 0);
		if (r < 0) {
			perror("blast: sendmmsg");
			return 1;
		}
		sent += r;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(stderr, "blast: sent %ld datagrams of %d bytes in %.3f s (%.0f/s)\n", sent, size, s, sent / s);
	return 0;
}
