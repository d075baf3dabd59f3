/*
 * main.c - minutes-search: picks the command by its first argument
 *
 * `serve` (cmd_serve.c), `trends`, `recurring`, `themes`, `related`
 * (cmd_research.c), or else a search (cmd_search.c).  Each command parses
 * its own options and returns the exit status (common/cli.h).
 */
#include <string.h>

#include "cmd.h"

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "serve") == 0)
		return cmd_serve(argc - 1, argv + 1);
	if (argc > 1 && cmd_is_research(argv[1]))
		return cmd_research(argc - 1, argv + 1);
	return cmd_search(argc, argv);
}
