/*
 * main.c - minutes-search: picks the command by its first argument
 *
 * `trends`, `recurring`, `themes`, `related` (cmd_research.c), or else a
 * search (cmd_search.c).  `serve` is a program of its own,
 * minutes-search-serve (main_serve.c), run from beside this one: the
 * server's libraries (libmicrohttpd and the TLS stack it loads) cost every
 * process that loads them ~2.7 ms before main, most of what a one-shot
 * search takes.  Each command parses its own options and returns the exit
 * status (common/cli.h).
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"

#define SERVE_PROGRAM "minutes-search-serve"

/* Run SERVE_PROGRAM from this program's directory with argv[1..]; returns only on failure. */
static int run_serve(char **argv)
{
	char path[PATH_MAX + sizeof SERVE_PROGRAM + 1];
	ssize_t n = readlink("/proc/self/exe", path, PATH_MAX);
	char *slash = NULL;

	if (n > 0 && n < PATH_MAX) {
		path[n] = '\0';
		slash = strrchr(path, '/');
	}
	if (!slash) {
		cli_error("minutes-search serve", "cannot find this program's directory: %s",
			  n < 0 ? strerror(errno) : "path too long");
		return CLI_FAILED;
	}
	strcpy(slash + 1, SERVE_PROGRAM);
	execv(path, argv + 1);
	cli_error("minutes-search serve", "cannot run %s: %s", path, strerror(errno));
	return CLI_FAILED;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "serve") == 0)
		return run_serve(argv);
	if (argc > 1 && cmd_is_research(argv[1]))
		return cmd_research(argc - 1, argv + 1);
	return cmd_search(argc, argv);
}
