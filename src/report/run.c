/*
 * run.c: the report engine: records from a cursor, through groups and
 * sums, onto pages, out to a file, stdout or a printer (see report.h).
 */
#include <errno.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "conv.h"
#include "fixed.h"
#include "outfile.h"
#include "report.h"
#include "rules.h"
#include "store.h"
#include "tables.h"

extern char **environ;

/* A column made ready to print: its field numbers and running sums. */
struct run_column {
	const struct report_column	*def;
	const struct field_def		*f;	/* what it shows */
	int				 i;	/* field in source or lines */
	struct store_table		*target; /* COL_LOOKUP */
	int				 ti;	/* field in target */
	struct record			*cached; /* last looked-up record */
	int64_t				 sum;
	int64_t				 total;
};

struct run_out {
	FILE		*f;
	struct conv	*conv;
	const char	*encoding;
	struct buf	 conv_buf;
	char		*error;		/* first failure, if any */
	int		 pageno;
	int		 lineno;
};

struct run_ctx {
	struct store			*s;
	const struct report_def		*d;
	struct store_table		*source;
	struct store_table		*lines;
	int				 group;		/* field, or -1 */
	struct run_column		*cols;
	struct record			*first;		/* of the group */
	struct record			*line;		/* scratch */
	struct page			 page;
	struct run_out			 out;
	char				*error;
};

static int
run_error(struct run_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
run_error(struct run_ctx *c, const char *fmt, ...)
{
	va_list	ap;

	if (c->error != NULL)
		return (-1);
	va_start(ap, fmt);
	c->error = xvasprintf(fmt, ap);
	va_end(ap);
	return (-1);
}

/*
 * Page output: converted to the target encoding as it goes.  A
 * character the target cannot hold stops the report with its page and
 * line, rather than printing something else in its place.
 */
static void
out_emit(void *arg, const char *s, size_t len)
{
	struct run_out	*o = arg;
	size_t		 bad;
	enum conv_status st;
	uint32_t	 cp;
	int		 n;

	if (o->error != NULL)
		return;
	if (s[0] == '\f') {
		o->pageno++;
		o->lineno = 0;
	} else
		o->lineno++;
	if (o->conv == NULL) {
		fwrite(s, 1, len, o->f);
		return;
	}
	buf_clear(&o->conv_buf);
	st = conv_run(o->conv, s, len, 0, &o->conv_buf, &bad);
	if (st == CONV_OK) {
		fwrite(o->conv_buf.data, 1, o->conv_buf.len, o->f);
		return;
	}
	n = utf8_decode(s + bad, len - bad, &cp);
	o->error = xasprintf("page %d, line %d: \"%.*s\" (U+%04X) cannot be "
	    "written in %s", o->pageno + 1, o->lineno, n > 0 ? n : 1, s + bad,
	    n > 0 ? (unsigned)cp : 0xFFFD, o->encoding);
}

static void
format_number(const struct field_def *f, int64_t v, struct buf *b)
{
	char	tmp[FIXED_BUFSIZE];

	switch (f->type) {
	case FT_INT:
		buf_printf(b, "%lld", (long long)v);
		break;
	case FT_DATE:
		buf_printf(b, "%04d-%02d-%02d", (int)(v / 10000),
		    (int)(v / 100 % 100), (int)(v % 100));
		break;
	default:
		buf_adds(b, fixed_format(v, f->scale, true, tmp));
	}
}

/* The text of one column for the group whose first record is r. */
static void
column_text(struct run_ctx *c, struct run_column *col, int total,
    struct buf *b)
{
	struct record	*r = c->first;
	struct buf	 key = BUF_INIT;

	switch (col->def->kind) {
	case COL_SUM:
		format_number(col->f, total ? col->total : col->sum, b);
		return;
	case COL_FIELD:
		if (field_is_number(col->f) && col->f->type != FT_INT &&
		    !record_is_empty(r, col->i))
			format_number(col->f, record_num(r, col->i), b);
		else
			record_format(r, col->i, b);
		return;
	case COL_LOOKUP:
		break;
	}

	/* Look the code up, unless the last row had the same one. */
	if (record_is_empty(r, col->i))
		return;
	if (col->cached == NULL || strcmp(record_text(col->cached, 0),
	    record_text(r, col->i)) != 0) {
		if (col->cached == NULL)
			col->cached = record_new(col->target->def);
		record_clear(col->cached);
		record_set_text(col->cached, 0, record_text(r, col->i));
		record_primary_key(col->cached, &key);
		if (store_get(col->target, NULL, &key, col->cached, 0) != 0)
			record_clear(col->cached);
		buf_free(&key);
	}
	record_format(col->cached, col->ti, b);
}

static void
print_row(struct run_ctx *c, int total)
{
	struct buf	line = BUF_INIT, val = BUF_INIT;
	int		k = 0, width;

	/* A total's label spans the columns before the first sum. */
	if (total) {
		for (width = -1; k < c->d->ncolumns &&
		    c->cols[k].def->kind != COL_SUM; k++)
			width += c->cols[k].def->width + 1;
		if (width > 0)
			text_pad(&line, c->d->total, width, TEXT_LEFT, true);
	}
	for (; k < c->d->ncolumns; k++) {
		struct run_column *col = &c->cols[k];

		buf_clear(&val);
		if (!total || col->def->kind == COL_SUM)
			column_text(c, col, total, &val);
		if (k > 0)
			buf_addc(&line, ' ');
		text_pad(&line, val.data, col->def->width, col->def->align,
		    true);
	}
	page_line(&c->page, line.data);
	buf_free(&line);
	buf_free(&val);
}

/* Adds r (and, for sums over lines, each of its lines) to the sums. */
static int
add_sums(struct run_ctx *c, DB_TXN *txn, const struct record *r)
{
	struct store_cursor	*cur;
	struct buf		 prefix = BUF_INIT;
	const void		*k;
	size_t			 klen;
	int			 n, ret = 0, any_lines = 0;

	for (n = 0; n < c->d->ncolumns; n++) {
		struct run_column *col = &c->cols[n];

		if (col->def->kind != COL_SUM)
			continue;
		if (col->def->of_lines) {
			any_lines = 1;
			continue;
		}
		if (fixed_add(col->sum, record_num(r, col->i), &col->sum) != 0)
			return (run_error(c, "a sum of %s is too large",
			    col->def->field));
	}
	if (!any_lines)
		return (0);

	record_primary_key(r, &prefix);
	cur = store_cursor_open(c->lines, NULL, txn);
	for (ret = store_cursor_seek(cur, &prefix, c->line); ret == 0;
	    ret = store_cursor_next(cur, c->line)) {
		k = store_cursor_key(cur, &klen);
		if (klen < prefix.len || memcmp(k, prefix.data,
		    prefix.len) != 0)
			break;
		for (n = 0; n < c->d->ncolumns; n++) {
			struct run_column *col = &c->cols[n];

			if (col->def->kind != COL_SUM || !col->def->of_lines)
				continue;
			if (fixed_add(col->sum, record_num(c->line, col->i),
			    &col->sum) != 0) {
				ret = run_error(c, "a sum of %s is too large",
				    col->def->field);
				break;
			}
		}
	}
	store_cursor_close(cur);
	buf_free(&prefix);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

/* Prints the group held in c->first and moves its sums to the totals. */
static int
end_group(struct run_ctx *c)
{
	int	n;

	print_row(c, 0);
	for (n = 0; n < c->d->ncolumns; n++) {
		struct run_column *col = &c->cols[n];

		if (fixed_add(col->total, col->sum, &col->total) != 0)
			return (run_error(c, "the total of %s is too large",
			    col->def->field));
		col->sum = 0;
	}
	return (0);
}

static int
same_group(struct run_ctx *c, const struct record *a,
    const struct record *b)
{
	if (field_is_number(&a->table->fields[c->group]))
		return (record_num(a, c->group) == record_num(b, c->group));
	return (strcmp(record_text(a, c->group),
	    record_text(b, c->group)) == 0);
}

static int
run_rows(struct run_ctx *c)
{
	struct store_index	*ix = NULL;
	struct store_cursor	*cur;
	struct record		*r = record_new(c->source->def);
	int			 ret, have = 0;

	if (c->d->index != NULL)
		ix = store_index(c->source, c->d->index);
	cur = store_cursor_open(c->source, ix, NULL);
	for (ret = store_cursor_seek(cur, NULL, r); ret == 0;
	    ret = store_cursor_next(cur, r)) {
		if (have && (c->group < 0 || !same_group(c, c->first, r))) {
			if ((ret = end_group(c)) != 0)
				break;
			have = 0;
		}
		if (!have) {
			record_copy(c->first, r);
			have = 1;
		}
		if ((ret = add_sums(c, NULL, r)) != 0)
			break;
	}
	store_cursor_close(cur);
	record_free(r);
	if (ret == DB_NOTFOUND && have)
		ret = end_group(c);
	if (ret == DB_NOTFOUND)
		ret = 0;
	if (ret != 0 && c->error == NULL)
		run_error(c, "%s", db_strerror(ret));
	return (ret);
}

static void
print_end(struct run_ctx *c)
{
	struct buf	rule = BUF_INIT;
	int		n, k;

	if (c->d->total != NULL) {
		for (n = 0; n < c->d->ncolumns; n++) {
			for (k = 0; k < c->d->columns[n].width; k++)
				buf_addc(&rule, c->d->columns[n].kind ==
				    COL_SUM ? '=' : ' ');
			buf_addc(&rule, ' ');
		}
		page_line(&c->page, rule.data);
		print_row(c, 1);
	}
	if (c->d->note != NULL) {
		page_line(&c->page, "");
		page_line(&c->page, c->d->note);
	}
	buf_free(&rule);
}

static int
prepare(struct run_ctx *c, struct buf *headings, struct buf *rule)
{
	const struct report_def	*d = c->d;
	int			 n, k;

	c->source = store_table(c->s, d->source);
	c->lines = d->lines != NULL ? store_table(c->s, d->lines) : NULL;
	c->group = d->group != NULL ?
	    schema_field_index(c->source->def, d->group) : -1;
	c->first = record_new(c->source->def);
	if (c->lines != NULL)
		c->line = record_new(c->lines->def);
	c->cols = xcalloc((size_t)d->ncolumns, sizeof *c->cols);

	for (n = 0; n < d->ncolumns; n++) {
		struct run_column		*col = &c->cols[n];
		const struct report_column	*def = &d->columns[n];
		const struct table_def		*t = c->source->def;

		col->def = def;
		if (def->kind == COL_SUM && def->of_lines)
			t = c->lines->def;
		col->i = schema_field_index(t, def->field);
		col->f = &t->fields[col->i];
		if (def->kind == COL_LOOKUP) {
			col->target = store_table(c->s, col->f->ref);
			col->ti = schema_field_index(col->target->def,
			    def->lookup);
		}

		if (n > 0) {
			buf_addc(headings, ' ');
			buf_addc(rule, ' ');
		}
		text_pad(headings, def->heading, def->width, def->align, true);
		for (k = 0; k < def->width; k++)
			buf_addc(rule, '-');
	}
	return (0);
}

static void
cleanup(struct run_ctx *c)
{
	int	n;

	for (n = 0; c->cols != NULL && n < c->d->ncolumns; n++)
		record_free(c->cols[n].cached);
	free(c->cols);
	record_free(c->first);
	record_free(c->line);
	buf_free(&c->out.conv_buf);
	if (c->out.conv != NULL)
		conv_close(c->out.conv);
}

/* Hands a finished file to lp, with a fixed argument list. */
static int
print_file(const char *path, const char *queue, const char *title,
    char **cause)
{
	char	*argv[] = { "lp", "-s", "-d", (char *)queue, "-t",
		    (char *)title, "--", (char *)path, NULL };
	pid_t	 pid;
	int	 status, err;

	err = posix_spawnp(&pid, "lp", NULL, NULL, argv, environ);
	if (err != 0) {
		*cause = xasprintf("cannot run lp to print: %s (is "
		    "cups-client installed?)", strerror(err));
		return (-1);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			*cause = xasprintf("waiting for lp: %s",
			    strerror(errno));
			return (-1);
		}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = xasprintf("lp could not queue the report on %s "
		    "(exit status %d)", queue, WIFEXITED(status) ?
		    WEXITSTATUS(status) : -1);
		return (-1);
	}
	return (0);
}

/* A spool file for lp, in TMPDIR. */
static char *
open_spool(struct run_ctx *c, char **cause)
{
	char	*tmp;
	int	 fd;

	tmp = xasprintf("%s/kontor-print-XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(tmp)) < 0 || (c->out.f = fdopen(fd, "w")) == NULL) {
		*cause = xasprintf("cannot write %s: %s", tmp,
		    strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return (NULL);
	}
	return (tmp);
}

int
report_run(struct store *s, const struct report_def *d,
    const struct report_out *o, char **cause)
{
	struct run_ctx	 c;
	struct buf	 headings = BUF_INIT, rule = BUF_INIT;
	struct outfile	 file;
	char		 run[32], *company, *tmp = NULL, *why;
	time_t		 when = (time_t)o->run_time;
	int		 ret;

	memset(&c, 0, sizeof c);
	c.s = s;
	c.d = d;
	*cause = NULL;
	if (o->encoding != NULL) {
		c.out.conv = conv_open(o->encoding, "UTF-8", cause);
		if (c.out.conv == NULL)
			return (-1);
		c.out.encoding = o->encoding;
	}
	if (o->queue != NULL)
		tmp = open_spool(&c, cause);
	else if (outfile_open(&file, o->file, cause) == 0)
		c.out.f = file.f;
	if (c.out.f == NULL) {
		cleanup(&c);
		return (-1);
	}

	prepare(&c, &headings, &rule);
	company = biz_setting(s, NULL, "name", "");
	strftime(run, sizeof run, "%Y-%m-%d %H:%M", localtime(&when));
	c.page.width = d->width;
	c.page.length = d->length;
	c.page.company = company;
	c.page.title = d->title;
	c.page.run = run;
	c.page.headings = headings.data;
	c.page.rule = rule.data;
	c.page.emit = out_emit;
	c.page.arg = &c.out;

	ret = run_rows(&c);
	if (ret == 0)
		print_end(&c);
	if (c.page.pageno == 0)
		page_line(&c.page, "(nothing to report)");
	ret = (ret != 0 || c.out.error != NULL) ? -1 : 0;
	if (ret != 0)
		*cause = xasprintf("report %s: %s", d->name, c.error != NULL ?
		    c.error : c.out.error);
	if (tmp == NULL) {
		if (ret != 0)
			outfile_abort(&file);
		else if (outfile_commit(&file, &why) != 0) {
			*cause = why;
			ret = -1;
		}
	} else {
		if (fclose(c.out.f) != 0 && ret == 0) {
			*cause = xasprintf("cannot write %s: %s", tmp,
			    strerror(errno));
			ret = -1;
		}
		if (ret == 0 && print_file(tmp, o->queue, d->title,
		    &why) != 0) {
			*cause = why;
			ret = -1;
		}
		unlink(tmp);
		free(tmp);
	}
	free(c.error);
	free(c.out.error);
	free(company);
	buf_free(&headings);
	buf_free(&rule);
	cleanup(&c);
	return (ret);
}
