/*
 * outfile.c: whole-or-nothing output files (see outfile.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "xalloc.h"

int
outfile_open(struct outfile *o, const char *path, char **cause)
{
	struct stat	 sb;
	char		*real = NULL;
	mode_t		 mask;
	int		 fd;

	memset(o, 0, sizeof *o);
	if (path == NULL) {
		if ((o->f = tmpfile()) == NULL)
			goto fail;
		o->spooled = 1;
		return (0);
	}

	/* Through a symbolic link, the file it points at is replaced. */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
		real = realpath(path, NULL);
	if (stat(real != NULL ? real : path, &sb) == 0 &&
	    !S_ISREG(sb.st_mode)) {
		if (S_ISDIR(sb.st_mode)) {
			errno = EISDIR;
			goto fail;
		}
		o->f = fopen(path, "w");	/* a device or a pipe */
		free(real);
		if (o->f == NULL)
			goto fail;
		return (0);
	}

	o->path = real != NULL ? real : xstrdup(path);
	o->tmp = xasprintf("%s.partial-XXXXXX", o->path);
	if ((fd = mkstemp(o->tmp)) < 0) {
		free(o->path);
		free(o->tmp);
		o->path = o->tmp = NULL;
		goto fail;
	}
	/* mkstemp makes the file 0600; a report should follow the umask. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	if ((o->f = fdopen(fd, "w")) == NULL) {
		close(fd);
		outfile_abort(o);
		goto fail;
	}
	return (0);

fail:
	*cause = xasprintf("cannot write %s: %s", path != NULL ? path :
	    "a temporary file", strerror(errno));
	return (-1);
}

static int
copy_out(FILE *from, char **cause)
{
	char	chunk[65536];
	size_t	n;

	rewind(from);
	while ((n = fread(chunk, 1, sizeof chunk, from)) > 0)
		if (fwrite(chunk, 1, n, stdout) != n)
			break;
	if (ferror(from) || fflush(stdout) != 0) {
		*cause = xasprintf("cannot write to standard output: %s",
		    strerror(errno));
		return (-1);
	}
	return (0);
}

int
outfile_commit(struct outfile *o, char **cause)
{
	int	ret = 0;

	if (fflush(o->f) != 0 || ferror(o->f) ||
	    (o->tmp != NULL && fsync(fileno(o->f)) != 0)) {
		*cause = xasprintf("cannot write %s: %s", o->path != NULL ?
		    o->path : "the output", strerror(errno));
		outfile_abort(o);
		return (-1);
	}
	if (o->spooled)
		ret = copy_out(o->f, cause);
	if (fclose(o->f) != 0 && ret == 0) {
		*cause = xasprintf("cannot write %s: %s", o->path != NULL ?
		    o->path : "the output", strerror(errno));
		ret = -1;
	}
	o->f = NULL;
	if (ret == 0 && o->tmp != NULL && rename(o->tmp, o->path) != 0) {
		*cause = xasprintf("cannot write %s: %s", o->path,
		    strerror(errno));
		ret = -1;
	}
	if (ret != 0 && o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return (ret);
}

void
outfile_abort(struct outfile *o)
{
	if (o->f != NULL)
		fclose(o->f);
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}
