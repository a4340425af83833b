/*
 * def.c: reading report definition files (format in docs/reports.md).
 * Every mistake is reported as FILE:LINE with what is wrong, and names
 * are checked against the tables, so a broken report never half-prints.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "tables.h"

#define MAXWORDS	8

struct def_ctx {
	const char	*path;
	long		 line;
	char		**cause;
};

static int
def_error(struct def_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
def_error(struct def_ctx *c, const char *fmt, ...)
{
	va_list	 ap;
	char	*what;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	*c->cause = xasprintf("%s:%ld: %s", c->path, c->line, what);
	free(what);
	return (-1);
}

/*
 * Splits a line into words in place: blanks separate, "double quotes"
 * hold blanks ("" inside is one quote), # starts a comment.
 */
static int
split(struct def_ctx *c, char *s, char **words)
{
	int	n = 0;
	char	*out;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '#' || *s == '\n')
			return (n);
		if (n == MAXWORDS)
			return (def_error(c, "too many words"));
		if (*s != '"') {
			words[n++] = s;
			while (*s != '\0' && *s != ' ' && *s != '\t' &&
			    *s != '\n')
				s++;
			if (*s != '\0')
				*s++ = '\0';
			continue;
		}
		words[n++] = out = ++s;
		for (;;) {
			if (*s == '\0' || *s == '\n')
				return (def_error(c, "a quote is not closed"));
			if (*s == '"' && s[1] == '"') {
				*out++ = '"';
				s += 2;
			} else if (*s == '"') {
				s++;
				break;
			} else
				*out++ = *s++;
		}
		*out = '\0';
	}
}

static int
number(struct def_ctx *c, const char *s, int lo, int hi, int *out)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi)
		return (def_error(c, "\"%s\" is not a number from %d to %d",
		    s, lo, hi));
	*out = (int)v;
	return (0);
}

/* Checks that field names a field of table; the error names both. */
static const struct field_def *
need_field(struct def_ctx *c, const char *table, const char *field)
{
	const struct table_def	*t = biz_table(table);
	const struct field_def	*f;

	if (t == NULL) {
		def_error(c, "there is no table \"%s\"", table);
		return (NULL);
	}
	if ((f = schema_field(t, field)) == NULL)
		def_error(c, "%s has no field \"%s\"", table, field);
	return (f);
}

/*
 * column EXPR "Heading" WIDTH [left|right]
 * EXPR is FIELD, CODE.FIELD (a field of the record CODE refers to), or
 * sum(FIELD) / sum(lines.FIELD).
 */
static int
parse_column(struct def_ctx *c, struct report_def *d, char **w, int n)
{
	struct report_column	 col;
	const struct field_def	*f;
	char			*expr = w[1], *dot;
	size_t			 len = strlen(expr);

	memset(&col, 0, sizeof col);
	if (n < 4 || n > 5)
		return (def_error(c, "expected: column FIELD \"Heading\" "
		    "WIDTH [left|right]"));
	if (d->source == NULL)
		return (def_error(c, "source must come before the columns"));

	if (strncmp(expr, "sum(", 4) == 0 && expr[len - 1] == ')') {
		col.kind = COL_SUM;
		col.field = xstrndup(expr + 4, len - 5);
		if (strncmp(col.field, "lines.", 6) == 0) {
			if (d->lines == NULL)
				return (def_error(c, "sum(lines.%s) needs a "
				    "lines line", col.field + 6));
			col.of_lines = 1;
			memmove(col.field, col.field + 6,
			    strlen(col.field + 6) + 1);
		}
		f = need_field(c, col.of_lines ? d->lines : d->source,
		    col.field);
		if (f != NULL && !field_is_number(f))
			return (def_error(c, "sum(%s): %s is not a number",
			    col.field, col.field));
		col.align = TEXT_RIGHT;
	} else if ((dot = strchr(expr, '.')) != NULL) {
		col.kind = COL_LOOKUP;
		col.field = xstrndup(expr, (size_t)(dot - expr));
		col.lookup = xstrdup(dot + 1);
		f = need_field(c, d->source, col.field);
		if (f != NULL && f->ref == NULL)
			return (def_error(c, "%s.%s: %s refers to no table",
			    col.field, col.lookup, col.field));
		if (f != NULL)
			f = need_field(c, f->ref, col.lookup);
	} else {
		col.kind = COL_FIELD;
		col.field = xstrdup(expr);
		f = need_field(c, d->source, col.field);
		col.align = f != NULL && field_is_number(f) &&
		    f->type != FT_DATE ? TEXT_RIGHT : TEXT_LEFT;
	}
	if (f == NULL)
		return (-1);

	col.heading = xstrdup(w[2]);
	if (number(c, w[3], 1, 1000, &col.width) != 0)
		return (-1);
	if (n == 5) {
		if (strcmp(w[4], "left") == 0)
			col.align = TEXT_LEFT;
		else if (strcmp(w[4], "right") == 0)
			col.align = TEXT_RIGHT;
		else
			return (def_error(c, "\"%s\": expected left or right",
			    w[4]));
	}
	d->columns = xreallocarray(d->columns, (size_t)d->ncolumns + 1,
	    sizeof *d->columns);
	d->columns[d->ncolumns++] = col;
	return (0);
}

static int
parse_line(struct def_ctx *c, struct report_def *d, char **w, int n)
{
	const struct table_def	*t;

	if (strcmp(w[0], "column") == 0)
		return (parse_column(c, d, w, n));
	if (strcmp(w[0], "source") == 0) {
		if (n < 2 || n > 3 || (t = biz_table(w[1])) == NULL)
			return (def_error(c, "expected: source TABLE [INDEX] "
			    "with a table that exists"));
		if (n == 3) {
			int i, found = 0;

			for (i = 0; i < t->nindexes; i++)
				found |= strcmp(t->indexes[i].name, w[2]) == 0;
			if (!found)
				return (def_error(c, "%s has no index \"%s\"",
				    w[1], w[2]));
			d->index = xstrdup(w[2]);
		}
		d->source = xstrdup(w[1]);
		return (0);
	}
	if (n != 2)
		return (def_error(c, "\"%s\" takes one value", w[0]));
	if (strcmp(w[0], "title") == 0)
		d->title = xstrdup(w[1]);
	else if (strcmp(w[0], "width") == 0)
		return (number(c, w[1], 20, 1000, &d->width));
	else if (strcmp(w[0], "length") == 0)
		return (number(c, w[1], 10, 1000, &d->length));
	else if (strcmp(w[0], "total") == 0)
		d->total = xstrdup(w[1]);
	else if (strcmp(w[0], "note") == 0)
		d->note = xstrdup(w[1]);
	else if (strcmp(w[0], "lines") == 0) {
		if (d->source == NULL || (t = biz_table(w[1])) == NULL ||
		    t->fields[0].ref == NULL ||
		    strcmp(t->fields[0].ref, d->source) != 0)
			return (def_error(c, "lines: %s is not a table whose "
			    "first key refers to the source", w[1]));
		d->lines = xstrdup(w[1]);
	} else if (strcmp(w[0], "group") == 0) {
		if (d->source == NULL ||
		    need_field(c, d->source, w[1]) == NULL)
			return (d->source == NULL ? def_error(c, "source "
			    "must come before group") : -1);
		d->group = xstrdup(w[1]);
	} else
		return (def_error(c, "unknown keyword \"%s\"", w[0]));
	return (0);
}

static int
check_def(struct def_ctx *c, struct report_def *d)
{
	int	i, cells = 0;

	if (d->title == NULL || d->source == NULL || d->ncolumns == 0)
		return (def_error(c, "a report needs a title, a source and "
		    "at least one column"));
	for (i = 0; i < d->ncolumns; i++)
		cells += d->columns[i].width + (i > 0);
	if (cells > d->width)
		return (def_error(c, "the columns take %d cells, more than "
		    "the width %d", cells, d->width));
	return (0);
}

struct report_def *
report_load(const char *path, char **cause)
{
	struct def_ctx		 c = { path, 0, cause };
	struct report_def	*d;
	FILE			*f;
	char			*line = NULL, *words[MAXWORDS];
	const char		*base;
	size_t			 cap = 0;
	int			 n, ret = 0;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return (NULL);
	}
	d = xcalloc(1, sizeof *d);
	d->width = 80;
	d->length = 66;
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	d->name = xstrndup(base, strcspn(base, "."));

	while (ret == 0 && getline(&line, &cap, f) >= 0) {
		c.line++;
		if ((n = split(&c, line, words)) < 0)
			ret = -1;
		else if (n > 0)
			ret = parse_line(&c, d, words, n);
	}
	fclose(f);
	free(line);
	if (ret == 0)
		ret = check_def(&c, d);
	if (ret != 0) {
		report_free(d);
		return (NULL);
	}
	return (d);
}

void
report_free(struct report_def *d)
{
	int	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->ncolumns; i++) {
		free(d->columns[i].field);
		free(d->columns[i].lookup);
		free(d->columns[i].heading);
	}
	free(d->columns);
	free(d->name);
	free(d->title);
	free(d->source);
	free(d->index);
	free(d->lines);
	free(d->group);
	free(d->total);
	free(d->note);
	free(d);
}
