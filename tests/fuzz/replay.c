/*
 * replay.c - runs a libFuzzer target over files, without libFuzzer
 *
 * Linked with a target (fuzz_field.c) by the Makefile with any compiler, so
 * that the target is built in every CI run and the inputs that once found
 * bugs, and real minutes, keep being fed to it; under `make asan` a memory
 * error is a failed test.  Each argument is a file, read whole and passed
 * once.  Exits 1 on a file it cannot read, naming it.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, got;
	do {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 65536;
			uint8_t *nbuf = realloc(buf, ncap);
			if (!nbuf) {
				fprintf(stderr, "replay: %s: out of memory\n", path);
				free(buf);
				fclose(f);
				return 1;
			}
			buf = nbuf;
			cap = ncap;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "replay: %s: read error\n", path);
		free(buf);
		return 1;
	}
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;
	for (int i = 1; i < argc; i++)
		status |= replay_file(argv[i]);
	if (argc > 1)
		printf("replay: %d inputs\n", argc - 1);
	return status;
}
