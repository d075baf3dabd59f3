/*
 * cmd.h - the commands of minutes-search, one file each (git's builtin.h)
 *
 * searcher/main.c picks a command by its first argument.  Each parses its
 * own options with common/cli.h, runs the library, prints the result and
 * returns the exit status (enum cli_status) after closing stdout.  These
 * files and the two main.c are the only code that prints; nothing exits.
 * They are linked into the program, not into libsrch.a.
 */
#ifndef SRCH_CMD_H
#define SRCH_CMD_H

#include <stdbool.h>

/* `minutes-search [OPTION]... [QUERY]...`, a search or --stats (cmd_search.c). */
int cmd_search(int argc, char **argv);

/*
 * `minutes-search serve`, the HTTP server until SIGTERM (cmd_serve.c), the
 * whole of minutes-search-serve (main_serve.c); argv[0] is not read.
 */
int cmd_serve(int argc, char **argv);

/* Is name one of the research commands: trends, recurring, themes, related? */
bool cmd_is_research(const char *name);

/* `minutes-search trends|recurring|themes|related` (cmd_research.c); argv[0] is the command. */
int cmd_research(int argc, char **argv);

#endif
