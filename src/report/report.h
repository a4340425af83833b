/*
 * report.h: report definitions (reports/NAME.rpt, format in
 * docs/reports.md) and the engine that prints them as fixed-width pages
 * or as CSV.
 *
 * A definition names a source table read in the order of one of its
 * indices, within a key range and through filters bound to parameters,
 * optionally each source record's lines (a table whose first key field
 * holds the source's key), optionally a field to group by, and the
 * columns.  The engine streams: it holds one group's first record and the
 * running sums, never the report, so memory does not grow with the rows.
 */
#ifndef KONTOR_REPORT_H
#define KONTOR_REPORT_H

#include <stdio.h>

#include "expr.h"
#include "schema.h"
#include "text.h"

struct store;

enum column_kind {
	COL_FIELD,	/* a field of the source record */
	COL_LOOKUP,	/* a field of the record a source code refers to */
	COL_SUM,	/* the sum of a number field of the source or lines */
	COL_EXPR,	/* arithmetic over number fields of the source */
	COL_BALANCE,	/* an account's opening, debits, credits, closing */
	COL_STATEMENT	/* a statement line's label or figure */
};

/* What a column of a statement (source statement) shows. */
enum statement_show {
	SS_LABEL,		/* the line's Chinese label */
	SS_LABEL_EN,		/* its English label */
	SS_ACCOUNTS,		/* its terms as written */
	SS_CLOSING,		/* balance at the end of the month of to */
	SS_YEAR_OPENING,	/* balance at the start of to's year */
	SS_PERIOD,		/* movement over the months from to to */
	SS_YEAR_TO_DATE,	/* movement from January to the month of to */
	SS_PRIOR_PERIOD		/* the same months a year before */
};

/* Column options. */
#define RC_TOTAL	0x01	/* summed into subtotals and the total */
#define RC_SUPPRESS	0x02	/* blank when the same as the line above */
#define RC_PLAIN	0x04	/* numbers without thousands separators */
#define RC_DMY		0x08	/* dates as DD.MM.YYYY */
#define RC_MDY		0x10	/* dates as MM/DD/YYYY */
#define RC_RUNNING	0x20	/* the group's sum so far, line by line */
#define RC_BLANK	0x40	/* a line's figure of zero left blank */

struct report_column {
	enum column_kind kind;
	char		*field;		/* source field, or code field */
	char		*lookup;	/* COL_LOOKUP: field of the target */
	int		 of_lines;	/* COL_SUM over the lines table */
	struct expr	*expr;		/* COL_EXPR */
	int		 decimals;	/* COL_EXPR */
	int		 which;		/* COL_BALANCE: 0 to 3; COL_STATEMENT:
					   an enum statement_show */
	char		*heading;
	int		 width;		/* display cells */
	enum text_align	 align;
	unsigned	 flags;
};

/* A parameter that the clerk gives when the report is run. */
struct report_param {
	char		*name;		/* --NAME on the command line */
	enum field_type	 type;		/* FT_DATE, FT_CODE, FT_TEXT, FT_INT */
	char		*prompt;
	char		*def;		/* default text, or NULL */
	char		*value;		/* given, or the default, or NULL */
};

/* A filter: FIELD OP PARAM; a filter whose parameter is empty passes. */
struct report_filter {
	char		*field;
	char		 op;		/* '=', '>' (at least), '<' (at most) */
	char		*param;
};

/*
 * A term of a statement line: an account (with its sub-accounts), a
 * range of accounts from one code to another, or a line above, added or
 * taken away.
 */
struct report_term {
	int		 sign;		/* 1 or -1 */
	char		*code;		/* account, or first of the range */
	char		*last;		/* last of the range, or NULL */
	int		 line;		/* the line it names, or -1 */
};

/* A line of a statement: a heading (no terms) or a figure. */
struct report_line {
	char			*name;		/* NULL for a heading */
	char			*label;		/* Chinese */
	char			*label_en;
	char			*terms_text;	/* the terms as written */
	struct report_term	*terms;
	int			 nterms;
};

struct report_def {
	char			*name;
	char			*path;
	char			*title;
	int			 width;		/* cells per line */
	int			 length;	/* lines per page */
	char			*source;	/* table */
	char			*index;		/* its index, or NULL */
	char			*lines;		/* lines table, or NULL */
	char			*group;		/* field, or NULL */
	char			*group_label;
	int			 group_summary;	/* one line per group */
	int			 group_page;	/* a new page per group */
	int			 hide_zero;	/* leave out all-zero rows */
	char			*total;		/* label of the grand total */
	char			*note;		/* printed at the end */
	char			*footer; /* printed at each page's foot */
	struct report_column	*columns;
	int			 ncolumns;
	struct report_param	*params;
	int			 nparams;
	struct report_filter	*filters;
	int			 nfilters;
	int			 statement;	/* source statement */
	struct report_line	*items;		/* its lines */
	int			 nitems;
	int			 beside;	/* the first line printed
						   beside the ones before it,
						   or 0 */
	char			*opening;	/* label of a group's opening
						   balance line, or NULL */
	char			*closing;	/* and of its closing one */
};

/*
 * Reads a definition file.  Returns NULL with *cause set (allocated) to
 * "FILE:LINE: what is wrong" if the file is broken or names a table or
 * field that does not exist.
 */
struct report_def	*report_load(const char *path, char **cause);
void			 report_free(struct report_def *);

/*
 * The reports in folder dir: the NAME of each NAME.rpt, in alphabetical
 * order.  Returns how many, with *names allocated (each name too), or -1
 * with errno if dir cannot be read.
 */
int	report_names(const char *dir, char ***names);

/* The parameter called name, or NULL. */
struct report_param *report_find_param(const struct report_def *,
	    const char *name);

/*
 * Gives parameter name the text value, checked against its type.
 * Returns 0, or -1 with *cause ("--from: not a date (YYYY-MM-DD)",
 * "the report has no parameter --colour").
 */
int	report_set_param(struct report_def *, const char *name,
	    const char *value, char **cause);

/* "Order date from 1997-01-01 to 1997-12-31": the parameters used. */
char	*report_params_text(const struct report_def *);

/*
 * Statements (statement.c), for def.c and run.c.  statement_parse_line
 * reads a heading or line statement (words w[0..n-1]) and
 * statement_parse_column a column's EXPR; each returns 0, or -1 with
 * *why (allocated, without FILE:LINE).
 */
int	statement_parse_line(struct report_def *, char **w, int n,
	    char **why);
int	statement_parse_column(struct report_column *, const char *expr,
	    char **why);
void	statement_free(struct report_def *);

/* Where pages go, and in what encoding. */
struct report_out {
	const char	*file;		/* NULL: stdout */
	const char	*queue;		/* print through lp to this queue */
	int		 copies;	/* for lp; 0 means 1 */
	const char	*encoding;	/* NULL: UTF-8 */
	int		 csv;		/* the rows as CSV instead of pages */
	int		 pdf;		/* a PDF file instead of text */
	int		 width;		/* for printing: the report's width */
	long		 run_time;	/* seconds since 1970, for the header */
};

/*
 * Prints the report on the company.  Returns 0, or -1 with *cause set.
 * Nothing is written, printed or left behind unless the whole report was
 * made and converted.
 */
int	report_run(struct store *, const struct report_def *,
	    const struct report_out *, char **cause);

/*
 * Hands a file of finished pages to CUPS: lp -s -d QUEUE -n COPIES -o
 * cpi=N -o lpi=8 -t TITLE -- FILE, run without a shell, with N from the
 * width.  Returns 0, or -1 with *cause.
 */
int	report_print_file(const char *path, const struct report_out *,
	    const char *title, char **cause);

/*
 * The page layout, apart from where rows come from, so that it can be
 * tested by itself.  Lines given to page_line are UTF-8 without a line
 * break; the layout adds the page header before the first line of each
 * page, the footer at the foot of each page, and a form feed between
 * pages.  The first header line carries "Page N of M"; while the report is
 * made M is not yet known, so with pages = 0 that line is written as a
 * marker, PAGE_MARK and the page number, that page_title_line makes
 * into the real line once the count is known.
 */
struct page {
	int		 width;
	int		 length;
	const char	*company;
	const char	*title;
	const char	*run;		/* "Run 2026-12-03 19:40  params" */
	const char	*headings;	/* column headings line */
	const char	*rule;		/* dashes under each heading */
	const char	*footer;	/* or NULL */
	int		 pages;		/* known page count, or 0 */
	int		 pageno;	/* pages begun so far */
	int		 lineno;	/* lines on the current page */
	int		 break_next;	/* the next line starts a page */
	void		(*emit)(void *, const char *, size_t);
	void		*arg;
};

#define PAGE_MARK	"\033kontor-page "

void	page_line(struct page *, const char *line);
/* Ends the current page: the next line starts a new one. */
void	page_break(struct page *);
/* Starts a new page unless n more lines fit on this one. */
void	page_need(struct page *, int n);
/* Writes the footer of the last page, if there is a footer. */
void	page_end(struct page *);
/* Lines on a page before the body: header lines and headings. */
int	page_header_lines(void);
/* The first header line of page n of m, into out (cleared first). */
void	page_title_line(const struct page *, int n, int m, struct buf *out);

/*
 * Prints a statement's lines onto page, or as CSV rows into csv (not
 * NULL for CSV).  The months come from the parameters from and to (or
 * date), to defaulting to the month of run_time and from to January of
 * to's year.  Returns 0, or -1 with *why (allocated).
 */
int	statement_run(struct store *, const struct report_def *,
	    struct page *, FILE *csv, long run_time, char **why);

#endif
