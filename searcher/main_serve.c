/*
 * main_serve.c - minutes-search-serve: the HTTP server's program
 *
 * What `minutes-search serve` runs (main.c execs it with the same
 * arguments, "serve" first), and a program in its own right.  Kept apart
 * so that only it loads libmicrohttpd; the command is cmd_serve.c.
 */
#include "cmd.h"

int main(int argc, char **argv)
{
	return cmd_serve(argc, argv);
}
