/*
 * outfile.h: writing an output file whole or not at all.
 *
 * A report or a dump is written under a temporary name beside its file
 * and renamed over it only when complete, so a failure (a full disk, a
 * character the encoding cannot hold) never leaves half a file, nor
 * spoils the one that was there.  Output that cannot be renamed into
 * place (a device such as /dev/lp0, a pipe, a terminal) is written
 * straight to it; output to standard output is held in a temporary file
 * and copied out once complete.
 */
#ifndef KONTOR_OUTFILE_H
#define KONTOR_OUTFILE_H

#include <stdio.h>

struct outfile {
	FILE	*f;		/* write here */
	char	*path;		/* final name, or NULL for stdout */
	char	*tmp;		/* temporary name, or NULL */
	int	 spooled;	/* standard output, held until complete */
};

/*
 * Opens path for writing (NULL: standard output).  Returns 0, or -1 with
 * *cause set (allocated): "cannot write FILE: REASON".
 */
int	outfile_open(struct outfile *, const char *path, char **cause);

/*
 * Finishes: flushes to disk, renames into place or copies to standard
 * output.  Returns 0, or -1 with *cause set; either way o is closed.
 */
int	outfile_commit(struct outfile *, char **cause);

/* Throws the output away; the file that was there stays as it was. */
void	outfile_abort(struct outfile *);

#endif
