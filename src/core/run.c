/*
 * run: running an outside tool with a time limit (see run.h).
 */
#define _GNU_SOURCE /* pipe2 */
#include "core/run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"

extern char **environ;

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Keeps what fits of chunk at the end of errtext (size bytes with NUL). */
static void keep_stderr(char *errtext, size_t size, size_t *len,
                        const char *chunk, size_t got)
{
	size_t room = size > *len + 1 ? size - *len - 1 : 0;
	size_t take = got < room ? got : room;

	if (size == 0)
		return;
	memcpy(errtext + *len, chunk, take);
	*len += take;
	errtext[*len] = '\0';
}

enum masa_err run_tool(char *const argv[], int seconds, struct buf *out,
                       char *errtext, size_t size, struct run_result *res,
                       struct masa_error *err)
{
	int outp[2] = {-1, -1}, errp[2] = {-1, -1};
	posix_spawn_file_actions_t fa;
	size_t errlen = 0;
	enum masa_err rc = MASA_OK;
	int wstatus = 0, spawn_rc;
	pid_t pid = -1;
	double deadline;

	*res = (struct run_result){.status = -1};
	if (size > 0)
		errtext[0] = '\0';
	if (pipe2(outp, O_CLOEXEC) != 0 || pipe2(errp, O_CLOEXEC) != 0) {
		rc = masa_error_set(err, MASA_ERR_IO, "%s: %s", argv[0],
		                    strerror(errno));
		goto out;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, outp[1], 1);
	posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
	spawn_rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(outp[1]);
	close(errp[1]);
	outp[1] = errp[1] = -1;
	if (spawn_rc != 0) {
		pid = -1;
		res->spawn_error = spawn_rc;
		goto out;
	}
	deadline = now_seconds() + seconds;
	while (outp[0] >= 0 || errp[0] >= 0) {
		struct pollfd fds[2] = {
		        {.fd = outp[0], .events = POLLIN},
		        {.fd = errp[0], .events = POLLIN},
		};
		double left = deadline - now_seconds();
		char chunk[65536];
		int n;

		if (left <= 0) {
			res->timed_out = true;
			break;
		}
		n = poll(fds, 2, (int)(left * 1000) + 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = masa_error_set(err, MASA_ERR_IO, "%s: %s", argv[0],
			                    strerror(errno));
			break;
		}
		for (int k = 0; k < 2; k++) {
			int *fd = k == 0 ? &outp[0] : &errp[0];
			ssize_t got;

			if (*fd < 0 ||
			    !(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			got = read(*fd, chunk, sizeof chunk);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				close(*fd);
				*fd = -1;
				continue;
			}
			if (k == 1)
				keep_stderr(errtext, size, &errlen, chunk,
				            (size_t)got);
			else if (out == NULL)
				continue; /* not wanted */
			else if (out->len + (size_t)got > out->max) {
				res->too_much = true;
				break;
			} else
				rc = buf_append(out, chunk, (size_t)got, err);
		}
		if (res->too_much || rc != MASA_OK)
			break;
	}
	if (res->timed_out || res->too_much || rc != MASA_OK)
		kill(pid, SIGKILL);
out:
	for (int i = 0; i < 2; i++) {
		if (outp[i] >= 0)
			close(outp[i]);
		if (errp[i] >= 0)
			close(errp[i]);
	}
	if (pid > 0) {
		while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
			;
		if (!res->timed_out && !res->too_much && WIFEXITED(wstatus))
			res->status = WEXITSTATUS(wstatus);
	}
	return rc;
}
