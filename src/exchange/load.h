/*
 * load.h: loading a CSV file into a table (kontor load TABLE FILE).
 *
 * The whole file is one transaction: a bad row stops the load with
 * "FILE:LINE: what is wrong" and nothing of the file is stored.  Rows go
 * in through biz_insert, so a load obeys the same rules as a clerk.
 */
#ifndef KONTOR_LOAD_H
#define KONTOR_LOAD_H

#include "store.h"

struct load_opts {
	const char	*table;
	const char	*file;
	const char	*encoding;	/* NULL: UTF-8 */
	const char	*null_text;	/* a field holding this is empty */
	int		 header;	/* 1 yes, 0 no, -1 look at row 1 */
	char		**map;		/* "field=column", nmap of them */
	int		 nmap;
	char		**set;		/* "field=value", nset of them */
	int		 nset;
};

/*
 * Loads the file.  Returns 0 with *rows set, or -1 with *cause set
 * (allocated): "FILE:LINE: what is wrong" for a problem in the file.
 */
int	load_file(struct store *, const struct load_opts *, long *rows,
	    char **cause);

/*
 * Reads "--encoding E --null T --header --no-header --map F=C --set F=V"
 * from argv into o (which keeps pointers into argv).  Returns the index
 * of the first argument it did not take, or -1 with *cause set.
 */
int	load_parse_options(struct load_opts *o, int argc, char **argv,
	    char **cause);
void	load_free_options(struct load_opts *o);

#endif
