/*
 * load.c: CSV rows into a table, one transaction per file (see load.h).
 *
 * Columns are matched to fields by the header row, by --map, or, with no
 * header, by position in the table's field order.  With --map the first
 * row is the header; otherwise it is taken for one when any of its values
 * names a field (a data row seldom holds "code" or "name"), unless
 * --header or --no-header says so.
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "load.h"
#include "rules.h"
#include "tables.h"

struct load_ctx {
	const struct load_opts	*o;
	const struct table_def	*t;
	struct csv		*csv;
	int			*column; /* field i <- column[i], or -1 */
	long			 rows;
};

static int
load_error(struct load_ctx *c, long line, char **cause, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static int
load_error(struct load_ctx *c, long line, char **cause, const char *fmt,
    ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*cause = xvasprintf_at(c->o->file, line, fmt, ap);
	va_end(ap);
	return (STORE_EUSER);
}

/* The column named name in the header, or -1. */
static int
header_column(const struct csv_row *h, const char *name)
{
	int	j;

	for (j = 0; j < h->nfields; j++)
		if (strcmp(h->fields[j], name) == 0)
			return (j);
	return (-1);
}

/* A first row in which some value names a field is taken as a header. */
static int
looks_like_header(struct load_ctx *c, const struct csv_row *row)
{
	int	j;

	for (j = 0; j < row->nfields; j++)
		if (schema_field(c->t, row->fields[j]) != NULL)
			return (1);
	return (0);
}

/*
 * Works out which column feeds which field.  With a header, the
 * columns are named; --map renames; without a header, position decides.
 */
static int
map_columns(struct load_ctx *c, const struct csv_row *h, char **cause)
{
	const struct load_opts	*o = c->o;
	int			 i, j, k;

	for (i = 0; i < c->t->nfields; i++)
		c->column[i] = -1;

	if (h == NULL) {
		if (o->nmap > 0)
			return (load_error(c, 1, cause, "--map needs a "
			    "header row naming the columns"));
		for (i = 0; i < c->t->nfields; i++)
			c->column[i] = i;
		return (0);
	}

	for (k = 0; k < o->nmap; k++) {
		char	*field = xstrdup(o->map[k]);
		char	*col = strchr(field, '=');
		int	 ret = 0;

		*col++ = '\0';
		i = schema_field_index(c->t, field);
		j = header_column(h, col);
		if (i < 0)
			ret = load_error(c, h->line, cause, "--map: %s has no "
			    "field \"%s\"", c->t->name, field);
		else if (j < 0)
			ret = load_error(c, h->line, cause, "--map: the header "
			    "has no column \"%s\"", col);
		else
			c->column[i] = j;
		free(field);
		if (ret != 0)
			return (ret);
	}
	if (o->nmap > 0)
		return (0);

	for (j = 0; j < h->nfields; j++) {
		i = schema_field_index(c->t, h->fields[j]);
		if (i < 0)
			return (load_error(c, h->line, cause, "column \"%s\" "
			    "is not a field of %s (use --map to name which "
			    "columns to load)", h->fields[j], c->t->name));
		if (c->column[i] >= 0)
			return (load_error(c, h->line, cause, "column \"%s\" "
			    "appears twice", h->fields[j]));
		c->column[i] = j;
	}
	return (0);
}

/* A field given by --set may not also come from a column. */
static int
check_set(struct load_ctx *c, long line, char **cause)
{
	const struct load_opts	*o = c->o;
	int			 i, k;

	for (k = 0; k < o->nset; k++) {
		char *name = xstrndup(o->set[k], strcspn(o->set[k], "="));

		i = schema_field_index(c->t, name);
		free(name);
		if (i >= 0 && c->column[i] >= 0)
			return (load_error(c, line, cause, "%s is given both "
			    "by --set and by a column of the file",
			    c->t->fields[i].name));
	}
	return (0);
}

/* Fills r from one row; a bad value stops with its line and column. */
static int
fill_record(struct load_ctx *c, const struct csv_row *row, int ncols,
    int headed, struct record *r, char **cause)
{
	const struct load_opts	*o = c->o;
	const char		*why, *text;
	int			 i, k;

	if (row->nfields != ncols && headed)
		return (load_error(c, row->line, cause, "%d field%s, but "
		    "the header row has %d", row->nfields,
		    row->nfields == 1 ? "" : "s", ncols));
	if (row->nfields != ncols)
		return (load_error(c, row->line, cause, "%d field%s, but "
		    "table %s takes %d in the order kontor tables lists%s",
		    row->nfields, row->nfields == 1 ? "" : "s", c->t->name,
		    ncols, c->o->header < 0 ? " (the first row names no "
		    "field, so it is no header)" : ""));

	record_clear(r);
	for (k = 0; k < o->nset; k++) {
		const char *eq = strchr(o->set[k], '=');
		char *field = xstrndup(o->set[k], (size_t)(eq - o->set[k]));

		i = schema_field_index(c->t, field);
		free(field);
		if (i < 0 || record_parse(r, i, eq + 1, &why) != 0)
			return (load_error(c, row->line, cause, "--set %s: %s",
			    o->set[k], i < 0 ? "no such field" : why));
	}
	for (i = 0; i < c->t->nfields; i++) {
		if (c->column[i] < 0)
			continue;
		text = row->fields[c->column[i]];
		if (o->null_text != NULL && strcmp(text, o->null_text) == 0)
			text = "";
		if (record_parse(r, i, text, &why) != 0)
			return (load_error(c, row->line, cause, "%s \"%s\": %s",
			    c->t->fields[i].name, text, why));
	}
	return (0);
}

static int
load_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct load_ctx		*c = arg;
	struct csv_row		 row;
	struct record		*r;
	int			 ret = 0, more = 0, ncols, first = 1, header;
	char			*why;

	if (csv_rewind(c->csv) != 0)
		return (load_error(c, 1, cause, "cannot read the file again"));
	c->rows = 0;
	r = record_new(c->t);
	ncols = c->t->nfields;
	while (ret == 0 && (more = csv_next(c->csv, &row)) == 1) {
		/* A blank line holds no record. */
		if (row.nfields == 1 && row.fields[0][0] == '\0')
			continue;
		if (first) {
			first = 0;
			header = c->o->header;
			if (header < 0)
				header = c->o->nmap > 0 ||
				    looks_like_header(c, &row);
			ret = map_columns(c, header ? &row : NULL, cause);
			if (ret == 0)
				ret = check_set(c, row.line, cause);
			if (header) {
				ncols = row.nfields;
				continue;
			}
			if (ret != 0)
				break;
		}
		if ((ret = fill_record(c, &row, ncols, header, r,
		    cause)) != 0)
			break;
		ret = biz_insert(s, txn, r, &why);
		if (ret == STORE_EUSER) {
			load_error(c, row.line, cause, "%s", why);
			free(why);
		}
		c->rows++;
	}
	if (ret == 0 && more < 0)
		ret = load_error(c, csv_error_line(c->csv), cause, "%s",
		    csv_error(c->csv));
	record_free(r);
	return (ret);
}

int
load_file(struct store *s, const struct load_opts *o, long *rows,
    char **cause)
{
	struct load_ctx	 c;
	int		 ret;

	memset(&c, 0, sizeof c);
	c.o = o;
	c.t = biz_table(o->table);
	if (c.t == NULL) {
		*cause = xasprintf("there is no table \"%s\" (kontor tables "
		    "lists them)", o->table);
		return (-1);
	}
	if (strcmp(o->table, "stock") == 0) {
		*cause = xstrdup("stock on hand follows from stock moves; "
		    "load stock_moves instead");
		return (-1);
	}
	if (strcmp(o->table, "journals") == 0 ||
	    strcmp(o->table, "journal_lines") == 0 ||
	    strcmp(o->table, "balances") == 0 ||
	    strcmp(o->table, "periods") == 0) {
		*cause = xasprintf("%s belong to the ledger: post entries with "
		    "kontor ledger post FILE", o->table);
		return (-1);
	}
	c.csv = csv_open(o->file, o->encoding, cause);
	if (c.csv == NULL) {
		char *why = *cause;

		*cause = strncmp(why, "cannot open", 11) == 0 ? why :
		    xasprintf("%s: %s", o->file, why);
		if (*cause != why)
			free(why);
		return (-1);
	}
	c.column = xcalloc((size_t)c.t->nfields, sizeof *c.column);

	ret = store_run(s, load_txn, &c, cause);
	if (ret == 0)
		*rows = c.rows;
	else if (ret != STORE_EUSER) {
		char *why = *cause;

		*cause = xasprintf("%s: nothing was loaded: %s", o->file, why);
		free(why);
	}
	free(c.column);
	csv_close(c.csv);
	return (ret == 0 ? 0 : -1);
}

int
load_parse_options(struct load_opts *o, int argc, char **argv, char **cause)
{
	int	i;

	o->header = -1;
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--header") == 0)
			o->header = 1;
		else if (strcmp(a, "--no-header") == 0)
			o->header = 0;
		else if (strcmp(a, "--encoding") == 0 ||
		    strcmp(a, "--null") == 0 || strcmp(a, "--map") == 0 ||
		    strcmp(a, "--set") == 0) {
			if (v == NULL) {
				*cause = xasprintf("%s needs a value", a);
				return (-1);
			}
			i++;
			if (strcmp(a, "--encoding") == 0)
				o->encoding = v;
			else if (strcmp(a, "--null") == 0)
				o->null_text = v;
			else if (strchr(v, '=') == NULL || *v == '=') {
				*cause = xasprintf("%s %s: expected "
				    "FIELD=%s", a, v, a[2] == 'm' ?
				    "COLUMN" : "VALUE");
				return (-1);
			} else if (strcmp(a, "--map") == 0) {
				o->map = xreallocarray(o->map,
				    (size_t)o->nmap + 1, sizeof *o->map);
				o->map[o->nmap++] = (char *)v;
			} else {
				o->set = xreallocarray(o->set,
				    (size_t)o->nset + 1, sizeof *o->set);
				o->set[o->nset++] = (char *)v;
			}
		} else if (strncmp(a, "--", 2) == 0) {
			*cause = xasprintf("unknown option %s", a);
			return (-1);
		} else
			break;
	}
	return (i);
}

void
load_free_options(struct load_opts *o)
{
	free(o->map);
	free(o->set);
	o->map = o->set = NULL;
	o->nmap = o->nset = 0;
}
