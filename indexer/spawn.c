/*
 * spawn.c - run a converter as a child process with limits and a deadline
 *
 * fork + execvpe rather than posix_spawnp because the child must call
 * setrlimit() and setpgid() before exec.  Between fork and exec the child
 * only makes async-signal-safe calls (the indexer forks from many threads).
 * The parent polls stdout/stderr against a CLOCK_MONOTONIC deadline and
 * kills the child's whole process group when the deadline or the output cap
 * is reached, so helpers the converter starts die with it.
 */
#include "spawn.h"
#include "clock.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum {
	SPAWN_TIMEOUT_DEFAULT = 60,                  /* seconds; pdftotext on a 500-page PDF takes ~5 s */
	SPAWN_ERR_MAX = 64 * 1024,                   /* stderr kept; only its first line is used */
	SPAWN_READ_CHUNK = 64 * 1024                 /* bytes per read() */
};
static const size_t SPAWN_MAX_OUT_DEFAULT = (size_t)64 << 20;   /* matches extract's text cap */
static const size_t SPAWN_MEM_DEFAULT = (size_t)1 << 30;        /* pdftotext/tesseract peak well under 512 MiB */

/* Move fd to a number >= 3 (keeping O_CLOEXEC) so dup2 onto 0..2 cannot clobber it. */
static int fd_above_stdio(int fd)
{
	int nfd;

	if (fd >= 3)
		return fd;
	nfd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	close(fd);
	return nfd;
}

static int pipe_cloexec(int p[2])
{
	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	p[0] = fd_above_stdio(p[0]);
	p[1] = fd_above_stdio(p[1]);
	if (p[0] < 0 || p[1] < 0) {
		if (p[0] >= 0)
			close(p[0]);
		if (p[1] >= 0)
			close(p[1]);
		return -1;
	}
	return 0;
}

/* environ plus `add`, with entries of the same NAME= replaced.  NULL on ENOMEM. */
static char **env_build(const char *const *add)
{
	size_t n = 0, nadd = 0, i, j, k = 0;
	char **env;

	while (environ && environ[n])
		n++;
	while (add && add[nadd])
		nadd++;
	env = calloc(n + nadd + 1, sizeof *env);
	if (!env)
		return NULL;
	for (i = 0; i < n; i++) {
		const char *eq = strchr(environ[i], '=');
		size_t nl = eq ? (size_t)(eq - environ[i]) + 1 : strlen(environ[i]);
		bool replaced = false;

		for (j = 0; j < nadd; j++)
			if (strncmp(add[j], environ[i], nl) == 0)
				replaced = true;
		if (!replaced)
			env[k++] = environ[i];
	}
	for (j = 0; j < nadd; j++)
		env[k++] = (char *)(uintptr_t)add[j];
	env[k] = NULL;
	return env;
}

/* Runs in the child between fork and exec: async-signal-safe calls only. */
static void __attribute__((noreturn))
child_exec(const char *const argv[], char **env, int nullfd, int outw, int errw,
	   int reportw, rlim_t mem, rlim_t cpu)
{
	struct sigaction sa;
	sigset_t none;
	struct rlimit rl;
	int e;

	setpgid(0, 0);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	if (dup2(nullfd, 0) < 0 || dup2(outw, 1) < 0 || dup2(errw, 2) < 0)
		goto fail;
	if (dup2(reportw, 3) < 0 || fcntl(3, F_SETFD, FD_CLOEXEC) < 0)
		goto fail;
	/* Everything else (other threads' files, the index) stays with the parent. */
	close_range(4, ~0U, 0);

	rl.rlim_cur = rl.rlim_max = mem;
	setrlimit(RLIMIT_AS, &rl);
	rl.rlim_cur = rl.rlim_max = cpu;
	setrlimit(RLIMIT_CPU, &rl);
	rl.rlim_cur = rl.rlim_max = 0;
	setrlimit(RLIMIT_CORE, &rl);

	execvpe(argv[0], (char *const *)(uintptr_t)argv, env);
fail:
	e = errno;
	if (write(3, &e, sizeof e) < 0) {
		/* nothing more we can do */
	}
	_exit(127);
}

/* Keep the first non-empty line of `s` in res->err_line. */
static void first_line(const struct sbuf *s, char *dst, size_t dstsz)
{
	const char *p = sbuf_str(s), *end;
	size_t n;

	while (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')
		p++;
	end = p + strcspn(p, "\r\n");
	n = (size_t)(end - p);
	if (n >= dstsz)
		n = dstsz - 1;
	memcpy(dst, p, n);
	dst[n] = '\0';
}

/* Append up to `room` bytes from fd into sb; returns bytes read, 0 at EOF, -1 on error. */
static ssize_t drain(int fd, struct sbuf *sb, size_t room, bool *over)
{
	char buf[SPAWN_READ_CHUNK];
	ssize_t n;

	n = read(fd, buf, sizeof buf);
	if (n <= 0)
		return n;
	if (sb) {
		if ((size_t)n > room) {
			sbuf_add(sb, buf, room);
			*over = true;
		} else {
			sbuf_add(sb, buf, (size_t)n);
		}
	} else if ((size_t)n > room) {
		*over = true;
	}
	return n;
}

/* Wait until the child has exited or the deadline passes, without reaping it. */
static bool wait_exit(pid_t pid, int64_t deadline)
{
	siginfo_t si;
	long sleep_ms = 2;

	for (;;) {
		memset(&si, 0, sizeof si);
		if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid)
			return true;
		if (errno == ECHILD)
			return true;
		if ((int64_t)clock_now_ms() >= deadline)
			return false;
		struct timespec ts = { 0, sleep_ms * 1000000L };
		nanosleep(&ts, NULL);
		if (sleep_ms < 50)
			sleep_ms *= 2;
	}
}

int spawn_run(const char *const argv[], const struct spawn_opts *opts,
	      struct sbuf *out, struct cm_err *err)
{
	struct spawn_opts dflt = {0};
	struct spawn_result local = {0}, *res;
	struct sbuf errbuf = {0};
	int nullfd = -1, outp[2] = { -1, -1 }, errp[2] = { -1, -1 }, rep[2] = { -1, -1 };
	char **env = NULL;
	pid_t pid = -1;
	int rc = CM_OK, status = 0, child_errno = 0;
	unsigned timeout;
	size_t max_out, got = 0;
	int64_t deadline;
	bool over = false;
	ssize_t n;

	if (!argv || !argv[0])
		return cm_err_set(err, CM_EINVAL, "spawn: empty argv");
	if (!opts)
		opts = &dflt;
	res = opts->res ? opts->res : &local;
	memset(res, 0, sizeof *res);
	res->exit_status = -1;
	timeout = opts->timeout_sec ? opts->timeout_sec : SPAWN_TIMEOUT_DEFAULT;
	if (opts->timeout_ms)
		timeout = (opts->timeout_ms + 999) / 1000;   /* for RLIMIT_CPU and the message */
	max_out = opts->max_out ? opts->max_out : SPAWN_MAX_OUT_DEFAULT;

	env = env_build(opts->env_add);
	if (!env)
		return cm_err_set(err, CM_ENOMEM, "cannot run %s: out of memory", argv[0]);
	nullfd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (nullfd < 0 || pipe_cloexec(outp) < 0 || pipe_cloexec(errp) < 0 || pipe_cloexec(rep) < 0) {
		rc = cm_err_set(err, CM_EIO, "cannot run %s: %s", argv[0], strerror(errno));
		goto out;
	}

	pid = fork();
	if (pid < 0) {
		rc = cm_err_set(err, CM_EIO, "cannot run %s: fork: %s", argv[0], strerror(errno));
		goto out;
	}
	if (pid == 0)
		child_exec(argv, env, nullfd, outp[1], errp[1], rep[1],
			   (rlim_t)(opts->mem_limit ? opts->mem_limit : SPAWN_MEM_DEFAULT),
			   (rlim_t)timeout + 1);
	setpgid(pid, pid);      /* also done in the child; whichever runs first wins */
	deadline = (int64_t)clock_now_ms() +
		   (opts->timeout_ms ? (int64_t)opts->timeout_ms : (int64_t)timeout * 1000);
	close(outp[1]);
	close(errp[1]);
	close(rep[1]);
	outp[1] = errp[1] = rep[1] = -1;

	/* exec succeeded iff the report pipe closes without data (O_CLOEXEC). */
	do
		n = read(rep[0], &child_errno, sizeof child_errno);
	while (n < 0 && errno == EINTR);
	if (n == (ssize_t)sizeof child_errno) {
		waitpid(pid, &status, 0);
		pid = -1;
		rc = cm_err_set(err, CM_ENOTFOUND, "cannot run %s: %s", argv[0], strerror(child_errno));
		goto out;
	}

	while (outp[0] >= 0 || errp[0] >= 0) {
		struct pollfd pf[2];
		nfds_t nf = 0;
		int64_t left = deadline - (int64_t)clock_now_ms();
		int pr;

		if (left <= 0) {
			res->timed_out = true;
			break;
		}
		if (outp[0] >= 0)
			pf[nf++] = (struct pollfd){ .fd = outp[0], .events = POLLIN };
		if (errp[0] >= 0)
			pf[nf++] = (struct pollfd){ .fd = errp[0], .events = POLLIN };
		pr = poll(pf, nf, left > INT32_MAX ? INT32_MAX : (int)left);
		if (pr < 0) {
			if (errno == EINTR)
				continue;
			rc = cm_err_set(err, CM_EIO, "cannot read from %s: %s", argv[0], strerror(errno));
			break;
		}
		for (nfds_t i = 0; i < nf; i++) {
			if (!pf[i].revents)
				continue;
			if (pf[i].fd == outp[0]) {
				n = drain(outp[0], out, max_out - got, &over);
				if (n > 0)
					got += (size_t)n > max_out - got ? max_out - got : (size_t)n;
				if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
					close(outp[0]);
					outp[0] = -1;
				}
			} else {
				bool eover = false;

				n = drain(errp[0], &errbuf, SPAWN_ERR_MAX - errbuf.len, &eover);
				if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
					close(errp[0]);
					errp[0] = -1;
				}
			}
		}
		if (over) {
			res->truncated = true;
			break;
		}
	}

	if (rc == CM_OK && !res->timed_out && !res->truncated && !wait_exit(pid, deadline))
		res->timed_out = true;
	/* Kill the group (the child, if still there, and any helpers it left). */
	kill(-pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	pid = -1;
	first_line(&errbuf, res->err_line, sizeof res->err_line);
	if (WIFEXITED(status))
		res->exit_status = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		res->term_signal = WTERMSIG(status);
	if (rc != CM_OK)
		goto out;
	if (out && sbuf_oom(out)) {
		rc = cm_err_set(err, CM_ENOMEM, "%s: out of memory capturing output", argv[0]);
	} else if (res->timed_out) {
		rc = cm_err_set(err, CM_ETIMEOUT, "%s timed out after %u s", argv[0], timeout);
	} else if (res->truncated) {
		rc = CM_OK;
	} else if (res->term_signal) {
		rc = cm_err_set(err, CM_EFORMAT, "%s killed by signal %d%s%s", argv[0], res->term_signal,
				res->err_line[0] ? ": " : "", res->err_line);
	} else if (res->exit_status != 0) {
		rc = cm_err_set(err, CM_EFORMAT, "%s exited with status %d%s%s", argv[0], res->exit_status,
				res->err_line[0] ? ": " : "", res->err_line);
	}
out:
	if (pid > 0) {
		kill(-pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	for (int i = 0; i < 2; i++) {
		if (outp[i] >= 0)
			close(outp[i]);
		if (errp[i] >= 0)
			close(errp[i]);
		if (rep[i] >= 0)
			close(rep[i]);
	}
	if (nullfd >= 0)
		close(nullfd);
	free(env);
	sbuf_release(&errbuf);
	return rc;
}

bool spawn_has_program(const char *prog)
{
	const char *path, *p;
	char buf[4096];
	struct stat st;

	if (!prog || !*prog)
		return false;
	if (strchr(prog, '/'))
		return access(prog, X_OK) == 0 && stat(prog, &st) == 0 && S_ISREG(st.st_mode);
	path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; ; ) {
		size_t dl = strcspn(p, ":");
		int n = dl ? snprintf(buf, sizeof buf, "%.*s/%s", (int)dl, p, prog)
			   : snprintf(buf, sizeof buf, "./%s", prog);

		if (n > 0 && (size_t)n < sizeof buf && access(buf, X_OK) == 0 &&
		    stat(buf, &st) == 0 && S_ISREG(st.st_mode))
			return true;
		if (!p[dl])
			break;
		p += dl + 1;
	}
	return false;
}
