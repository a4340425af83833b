/*
 * def.c: reading report definition files (format in docs/reports.md).
 * Every mistake is reported as FILE:LINE with what is wrong, and names
 * are checked against the tables, so a broken report never half-prints.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "record.h"
#include "report.h"
#include "tables.h"
#include "words.h"

#define MAXWORDS	64	/* a statement line's terms */

struct def_ctx {
	const char	*path;
	long		 line;
	char		**cause;
	const char	*table;			/* for check_expr_name */
	int		 quoted[MAXWORDS];	/* word k was in quotes */
	struct words	 ws;
};

static int
def_error(struct def_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
def_error(struct def_ctx *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*c->cause = xvasprintf_at(c->path, c->line, fmt, ap);
	va_end(ap);
	return (-1);
}

/* Splits a line into at most MAXWORDS words (see core/words.h). */
static int
split(struct def_ctx *c, char *s, char **words)
{
	const char	*why;
	int		 k;

	if (words_split(&c->ws, s, &why) != 0)
		return (def_error(c, "%s", why));
	if (c->ws.n > MAXWORDS)
		return (def_error(c, "too many words"));
	for (k = 0; k < c->ws.n; k++) {
		words[k] = c->ws.w[k];
		c->quoted[k] = c->ws.quoted[k];
	}
	return (c->ws.n);
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
 * column EXPR "Heading" WIDTH [options]
 * EXPR is FIELD, CODE.FIELD (a field of the record CODE refers to),
 * sum(FIELD) / sum(lines.FIELD), or arithmetic over number fields
 * ("quantity*price").  Options: left, right, total, suppress, plain,
 * decimals=N.
 */
static int	check_expr_name(void *, int, const char *, const char *);

static int
parse_column(struct def_ctx *c, struct report_def *d, char **w, int n)
{
	struct report_column	 col;
	const struct field_def	*f;
	const char		*why;
	char			*expr = w[1], *dot;
	size_t			 len = strlen(expr);
	int			 k;

	memset(&col, 0, sizeof col);
	if (n < 4)
		return (def_error(c, "expected: column FIELD \"Heading\" "
		    "WIDTH [options]"));
	if (d->source == NULL)
		return (def_error(c, "source must come before the columns"));

	if (d->statement) {
		char *why;

		if (statement_parse_column(&col, expr, &why) != 0) {
			def_error(c, "%s", why);
			free(why);
			return (-1);
		}
		f = NULL;
	} else if (strncmp(expr, "balance(", 8) == 0 && expr[len - 1] == ')') {
		static const char *which[] = { "opening", "debit", "credit",
		    "closing" };

		col.kind = COL_BALANCE;
		col.field = xstrndup(expr + 8, len - 9);
		for (col.which = 0; col.which < 4; col.which++)
			if (strcmp(col.field, which[col.which]) == 0)
				break;
		if (col.which == 4)
			return (def_error(c, "%s: expected balance(opening), "
			    "balance(debit), balance(credit) or "
			    "balance(closing)", expr));
		if (strcmp(d->source, "accounts") != 0)
			return (def_error(c, "%s: balances are columns of a "
			    "report on accounts", expr));
		f = schema_field(biz_table("balances"), "debit");
		col.align = TEXT_RIGHT;
		col.flags |= RC_TOTAL;
	} else if (strncmp(expr, "sum(", 4) == 0 && expr[len - 1] == ')') {
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
		col.flags |= RC_TOTAL;
	} else if (strpbrk(expr, "+-*/()") != NULL) {
		col.kind = COL_EXPR;
		col.field = xstrdup(expr);
		col.decimals = 2;
		if ((col.expr = expr_parse(expr, &why)) == NULL)
			return (def_error(c, "%s: %s", expr, why));
		c->table = d->source;
		if (expr_names(col.expr, check_expr_name, c) != 0)
			return (-1);
		col.align = TEXT_RIGHT;
		f = schema_field(biz_table(d->source),
		    biz_table(d->source)->fields[0].name);
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
		if (f != NULL && field_is_number(f) && f->type != FT_DATE)
			col.align = TEXT_RIGHT;
	} else {
		col.kind = COL_FIELD;
		col.field = xstrdup(expr);
		f = need_field(c, d->source, col.field);
		col.align = f != NULL && field_is_number(f) &&
		    f->type != FT_DATE ? TEXT_RIGHT : TEXT_LEFT;
	}
	if (f == NULL && !d->statement)
		return (-1);

	col.heading = xstrdup(w[2]);
	if (number(c, w[3], 1, 1000, &col.width) != 0)
		return (-1);
	for (k = 4; k < n; k++) {
		if (strcmp(w[k], "left") == 0)
			col.align = TEXT_LEFT;
		else if (strcmp(w[k], "right") == 0)
			col.align = TEXT_RIGHT;
		else if (strcmp(w[k], "total") == 0)
			col.flags |= RC_TOTAL;
		else if (strcmp(w[k], "suppress") == 0)
			col.flags |= RC_SUPPRESS;
		else if (strcmp(w[k], "plain") == 0)
			col.flags |= RC_PLAIN;
		else if (strcmp(w[k], "blank") == 0)
			col.flags |= RC_BLANK;
		else if (strcmp(w[k], "dmy") == 0)
			col.flags |= RC_DMY;
		else if (strcmp(w[k], "running") == 0)
			col.flags |= RC_RUNNING | RC_TOTAL;
		else if (strcmp(w[k], "mdy") == 0)
			col.flags |= RC_MDY;
		else if (strncmp(w[k], "decimals=", 9) == 0 &&
		    col.kind == COL_EXPR) {
			if (number(c, w[k] + 9, 0, 9, &col.decimals) != 0)
				return (-1);
		} else
			return (def_error(c, "\"%s\": expected left, right, "
			    "total, running, suppress, plain, blank, dmy, mdy%s",
			    w[k],
			    col.kind == COL_EXPR ? " or decimals=N" : ""));
	}
	if ((col.flags & RC_TOTAL) && (d->statement || (col.kind != COL_SUM &&
	    col.kind != COL_EXPR && !field_is_number(f))))
		return (def_error(c, "total: %s is not a number", col.field));
	d->columns = xreallocarray(d->columns, (size_t)d->ncolumns + 1,
	    sizeof *d->columns);
	d->columns[d->ncolumns++] = col;
	return (0);
}

/* Names in a column's arithmetic must be number fields of the source. */
static int
check_expr_name(void *arg, int kind, const char *a, const char *b)
{
	struct def_ctx		*c = arg;
	const struct field_def	*f;

	(void)b;
	if (kind != 'f')
		return (def_error(c, "a column's arithmetic uses fields of "
		    "%s only", c->table));
	if ((f = need_field(c, c->table, a)) == NULL)
		return (-1);
	if (!field_is_number(f) || f->type == FT_DATE)
		return (def_error(c, "%s is not a number", a));
	return (0);
}

/* param NAME TYPE "Prompt" [default=TEXT] */
static int
parse_param(struct def_ctx *c, struct report_def *d, char **w, int n)
{
	struct report_param	 p;
	static const struct {
		const char	*word;
		enum field_type	 type;
	} types[] = {
		{ "date", FT_DATE }, { "code", FT_CODE }, { "text", FT_TEXT },
		{ "integer", FT_INT }
	};
	size_t			 i;

	memset(&p, 0, sizeof p);
	if (n < 4 || n > 5)
		return (def_error(c, "expected: param NAME TYPE \"Prompt\" "
		    "[default=TEXT]"));
	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(w[2], types[i].word) == 0)
			break;
	if (i == sizeof types / sizeof types[0])
		return (def_error(c, "unknown parameter type \"%s\"; expected "
		    "date, code, text or integer", w[2]));
	if (n == 5 && strncmp(w[4], "default=", 8) != 0)
		return (def_error(c, "\"%s\": expected default=TEXT", w[4]));
	p.name = xstrdup(w[1]);
	p.type = types[i].type;
	p.prompt = xstrdup(w[3]);
	if (n == 5) {
		p.def = xstrdup(w[4] + 8);
		p.value = xstrdup(p.def);
	}
	d->params = xreallocarray(d->params, (size_t)d->nparams + 1,
	    sizeof *d->params);
	d->params[d->nparams++] = p;
	return (0);
}

struct report_param *
report_find_param(const struct report_def *d, const char *name)
{
	int	i;

	for (i = 0; i < d->nparams; i++)
		if (strcmp(d->params[i].name, name) == 0)
			return (&d->params[i]);
	return (NULL);
}

/*
 * filter FIELD = PARAM, filter FIELD >= PARAM, filter FIELD <= PARAM;
 * range FIELD FROM TO is the same as two filters.
 */
static int
add_filter(struct def_ctx *c, struct report_def *d, const char *field,
    char op, const char *param)
{
	struct report_filter	f;

	if (d->source == NULL)
		return (def_error(c, "source must come before filters"));
	if (need_field(c, d->source, field) == NULL)
		return (-1);
	if (report_find_param(d, param) == NULL)
		return (def_error(c, "there is no param %s (a param line must "
		    "come first)", param));
	f.field = xstrdup(field);
	f.op = op;
	f.param = xstrdup(param);
	d->filters = xreallocarray(d->filters, (size_t)d->nfilters + 1,
	    sizeof *d->filters);
	d->filters[d->nfilters++] = f;
	return (0);
}

static int
parse_filter(struct def_ctx *c, struct report_def *d, char **w, int n)
{
	if (strcmp(w[0], "range") == 0) {
		if (n != 4)
			return (def_error(c, "expected: range FIELD FROM TO"));
		if (add_filter(c, d, w[1], '>', w[2]) != 0)
			return (-1);
		return (add_filter(c, d, w[1], '<', w[3]));
	}
	if (n != 4 || (strcmp(w[2], "=") != 0 && strcmp(w[2], ">=") != 0 &&
	    strcmp(w[2], "<=") != 0))
		return (def_error(c, "expected: filter FIELD = PARAM (or >=, "
		    "<=)"));
	return (add_filter(c, d, w[1], w[2][0] == '=' ? '=' : w[2][0],
	    w[3]));
}

/* group FIELD ["Label"] [summary] [page] */
static int
parse_group(struct def_ctx *c, struct report_def *d, char **w, int n)
{
	int	k;

	if (d->source == NULL)
		return (def_error(c, "source must come before group"));
	if (n < 2 || need_field(c, d->source, w[1]) == NULL)
		return (n < 2 ? def_error(c, "expected: group FIELD "
		    "[\"Label\"] [summary] [page]") : -1);
	d->group = xstrdup(w[1]);
	for (k = 2; k < n; k++) {
		if (strcmp(w[k], "summary") == 0)
			d->group_summary = 1;
		else if (strcmp(w[k], "page") == 0)
			d->group_page = 1;
		else if (k == 2 && d->group_label == NULL &&
		    c->quoted[k])
			d->group_label = xstrdup(w[k]);
		else
			return (def_error(c, "\"%s\": expected a \"Label\", "
			    "summary or page", w[k]));
	}
	if (d->group_label == NULL)
		d->group_label = xstrdup(schema_field(biz_table(d->source),
		    d->group)->label);
	return (0);
}

static int
parse_line(struct def_ctx *c, struct report_def *d, char **w, int n)
{
	const struct table_def	*t;

	if (strcmp(w[0], "column") == 0)
		return (parse_column(c, d, w, n));
	if (strcmp(w[0], "param") == 0)
		return (parse_param(c, d, w, n));
	if (strcmp(w[0], "filter") == 0 || strcmp(w[0], "range") == 0)
		return (parse_filter(c, d, w, n));
	if (strcmp(w[0], "group") == 0)
		return (parse_group(c, d, w, n));
	if (strcmp(w[0], "line") == 0 || strcmp(w[0], "heading") == 0) {
		char *why;

		if (statement_parse_line(d, w, n, &why) == 0)
			return (0);
		def_error(c, "%s", why);
		free(why);
		return (-1);
	}
	if (strcmp(w[0], "beside") == 0) {
		if (n != 1 || !d->statement || d->nitems == 0 ||
		    d->beside != 0)
			return (def_error(c, "beside: once in a statement, "
			    "after its first line, with nothing after it"));
		d->beside = d->nitems;
		return (0);
	}
	if (strcmp(w[0], "opening") == 0) {
		if (n < 2 || n > 3 || d->opening != NULL)
			return (def_error(c, "expected one line: opening "
			    "\"Opening label\" [\"Closing label\"]"));
		d->opening = xstrdup(w[1]);
		d->closing = n == 3 ? xstrdup(w[2]) : NULL;
		return (0);
	}
	if (strcmp(w[0], "source") == 0 && n == 2 &&
	    strcmp(w[1], "statement") == 0 && d->source == NULL) {
		d->statement = 1;
		d->source = xstrdup(w[1]);
		return (0);
	}
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
	else if (strcmp(w[0], "footer") == 0)
		d->footer = xstrdup(w[1]);
	else if (strcmp(w[0], "hide") == 0 && strcmp(w[1], "zero") == 0)
		d->hide_zero = 1;
	else if (strcmp(w[0], "lines") == 0) {
		if (d->source == NULL || (t = biz_table(w[1])) == NULL ||
		    t->fields[0].ref == NULL ||
		    strcmp(t->fields[0].ref, d->source) != 0)
			return (def_error(c, "lines: %s is not a table whose "
			    "first key refers to the source", w[1]));
		d->lines = xstrdup(w[1]);
	} else
		return (def_error(c, "unknown keyword \"%s\"", w[0]));
	return (0);
}

static int
check_def(struct def_ctx *c, struct report_def *d)
{
	const struct field_def	*f;
	int			 i, cells = 0;

	if (d->title == NULL || d->source == NULL || d->ncolumns == 0)
		return (def_error(c, "a report needs a title, a source and "
		    "at least one column"));
	if (d->statement && d->nitems == 0)
		return (def_error(c, "a statement needs at least one line"));
	if (d->opening != NULL && (d->group == NULL || (f =
	    schema_field(biz_table(d->source), d->group))->ref == NULL ||
	    strcmp(f->ref, "accounts") != 0))
		return (def_error(c, "opening: the report must be grouped by "
		    "account"));
	for (i = 0; d->opening != NULL && i < d->ncolumns; i++)
		if ((d->columns[i].flags & RC_RUNNING) &&
		    strcmp(d->columns[i].field, "debit-credit") != 0)
			return (def_error(c, "opening: a running column is "
			    "debit-credit, as the balance is debit positive"));
	for (i = 0; i < d->ncolumns; i++)
		cells += d->columns[i].width + (i > 0);
	if (d->beside != 0)
		cells = 2 * cells + 3;	/* " | " between the halves */
	if (d->beside != 0 && d->beside == d->nitems)
		return (def_error(c, "beside: no line follows it"));
	if (cells > d->width)
		return (def_error(c, "the columns take %d cells, more than "
		    "the width %d", cells, d->width));
	return (0);
}

struct report_def *
report_load(const char *path, char **cause)
{
	struct def_ctx		 c;
	struct report_def	*d;
	FILE			*f;
	char			*line = NULL, *words[MAXWORDS];
	const char		*base;
	size_t			 cap = 0;
	int			 n, ret = 0;

	memset(&c, 0, sizeof c);
	c.path = path;
	c.cause = cause;
	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return (NULL);
	}
	if (fgetc(f) == EOF && ferror(f)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		fclose(f);
		return (NULL);
	}
	rewind(f);
	d = xcalloc(1, sizeof *d);
	d->width = 80;
	d->length = 66;
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	d->name = xstrndup(base, strcspn(base, "."));
	d->path = xstrdup(path);

	while (ret == 0 && getline(&line, &cap, f) >= 0) {
		c.line++;
		if ((n = split(&c, line, words)) < 0)
			ret = -1;
		else if (n > 0)
			ret = parse_line(&c, d, words, n);
	}
	fclose(f);
	free(line);
	words_free(&c.ws);
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
		expr_free(d->columns[i].expr);
	}
	for (i = 0; i < d->nparams; i++) {
		free(d->params[i].name);
		free(d->params[i].prompt);
		free(d->params[i].def);
		free(d->params[i].value);
	}
	free(d->params);
	for (i = 0; i < d->nfilters; i++) {
		free(d->filters[i].field);
		free(d->filters[i].param);
	}
	free(d->filters);
	statement_free(d);
	free(d->opening);
	free(d->closing);
	free(d->path);
	free(d->group_label);
	free(d->footer);
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

int
report_set_param(struct report_def *d, const char *name, const char *value,
    char **cause)
{
	struct report_param	*p = report_find_param(d, name);
	struct table_def	 t;
	struct field_def	 f;
	struct record		*r;
	const char		*why;
	char			*whole = NULL;
	int			 ret, y, m;

	if (p == NULL) {
		*cause = xasprintf("report %s has no parameter --%s (kontor "
		    "report --list shows them)", d->name, name);
		return (-1);
	}

	/* A month, YYYY-MM, is its first day, or its last for --to. */
	if (p->type == FT_DATE && strlen(value) == 7 && value[4] == '-' &&
	    strspn(value, "0123456789-") == 7 &&
	    sscanf(value, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) {
		whole = xasprintf("%s-%02d", value, strcmp(name, "to") == 0 ?
		    date_days_in_month(y, m) : 1);
		value = whole;
	}

	/* Checked as a field of its type would be. */
	memset(&t, 0, sizeof t);
	memset(&f, 0, sizeof f);
	f.id = 1;
	f.name = p->name;
	f.type = p->type;
	f.flags = p->type == FT_CODE ? F_UPPER : 0;
	t.name = "params";
	t.fields = &f;
	t.nfields = 1;
	r = record_new(&t);
	ret = record_parse(r, 0, value, &why);
	if (ret != 0)
		*cause = xasprintf("--%s %s: %s", name, value, why);
	else {
		struct buf b = BUF_INIT;

		free(p->value);
		p->value = *value != '\0' ? xstrdup(record_format(r, 0, &b)) :
		    NULL;
		buf_free(&b);
	}
	record_free(r);
	free(whole);
	return (ret == 0 ? 0 : -1);
}

char *
report_params_text(const struct report_def *d)
{
	struct buf	b = BUF_INIT;
	int		i;

	for (i = 0; i < d->nparams; i++) {
		if (d->params[i].value == NULL)
			continue;
		buf_printf(&b, "%s%s %s", b.len > 0 ? ", " : "",
		    d->params[i].prompt, d->params[i].value);
	}
	return (buf_take(&b));
}

int
report_names(const char *dir, char ***names)
{
	struct dirent	**entries;
	size_t		  len;
	int		  n, i, count = 0;

	*names = NULL;
	if ((n = scandir(dir, &entries, NULL, alphasort)) < 0)
		return (-1);
	for (i = 0; i < n; i++) {
		len = strlen(entries[i]->d_name);
		if (len > 4 && strcmp(entries[i]->d_name + len - 4,
		    ".rpt") == 0) {
			*names = xreallocarray(*names, (size_t)count + 1,
			    sizeof **names);
			(*names)[count++] = xstrndup(entries[i]->d_name,
			    len - 4);
		}
		free(entries[i]);
	}
	free(entries);
	return (count);
}
