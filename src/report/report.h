/*
 * report.h: report definitions (reports/NAME.rpt, format in
 * docs/reports.md) and the engine that prints them as fixed-width pages.
 *
 * A definition names a source table read in the order of one of its
 * indices, optionally each source record's lines (a table whose first key
 * field holds the source's key), optionally a field to group by, and the
 * columns.  The engine streams: it holds one group's first record and the
 * running sums, never the report, so memory does not grow with the rows.
 */
#ifndef KONTOR_REPORT_H
#define KONTOR_REPORT_H

#include <stdio.h>

#include "text.h"

struct store;

enum column_kind {
	COL_FIELD,	/* a field of the source record */
	COL_LOOKUP,	/* a field of the record a source code refers to */
	COL_SUM		/* the sum of a number field of the source or lines */
};

struct report_column {
	enum column_kind kind;
	char		*field;		/* source field, or code field */
	char		*lookup;	/* COL_LOOKUP: field of the target */
	int		 of_lines;	/* COL_SUM over the lines table */
	char		*heading;
	int		 width;		/* display cells */
	enum text_align	 align;
};

struct report_def {
	char			*name;
	char			*title;
	int			 width;		/* cells per line */
	int			 length;	/* lines per page */
	char			*source;	/* table */
	char			*index;		/* its index, or NULL */
	char			*lines;		/* lines table, or NULL */
	char			*group;		/* field, or NULL */
	char			*total;		/* label of the grand total */
	char			*note;		/* printed at the end */
	struct report_column	*columns;
	int			 ncolumns;
};

/*
 * Reads a definition file.  Returns NULL with *cause set (allocated) to
 * "FILE:LINE: what is wrong" if the file is broken or names a table or
 * field that does not exist.
 */
struct report_def	*report_load(const char *path, char **cause);
void			 report_free(struct report_def *);

/* Where pages go, and in what encoding. */
struct report_out {
	const char	*file;		/* NULL: stdout */
	const char	*queue;		/* print through lp to this queue */
	const char	*encoding;	/* NULL: UTF-8 */
	long		 run_time;	/* seconds since 1970, for the header */
};

/*
 * Prints the report on the company.  Returns 0, or -1 with *cause set.
 * A file is written under a temporary name and renamed when complete; a
 * print job is handed to lp only when the whole report converted.
 */
int	report_run(struct store *, const struct report_def *,
	    const struct report_out *, char **cause);

/*
 * The page layout, apart from where rows come from, so that it can be
 * tested by itself.  Lines given to page_line are UTF-8 without a line
 * break; the layout adds the page header before the first line of each
 * page and a form feed between pages.
 */
struct page {
	int		 width;
	int		 length;
	const char	*company;
	const char	*title;
	const char	*run;		/* "2026-12-03 19:40" */
	const char	*headings;	/* column headings line */
	const char	*rule;		/* dashes under each heading */
	int		 pageno;	/* pages begun so far */
	int		 lineno;	/* lines on the current page */
	void		(*emit)(void *, const char *, size_t);
	void		*arg;
};

void	page_line(struct page *, const char *line);
/* Lines on a page before the body: header lines and headings. */
int	page_header_lines(void);

#endif
