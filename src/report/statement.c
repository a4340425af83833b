/*
 * statement.c: financial statements on the report engine (source
 * statement in a report definition; the format is in docs/reports.md).
 *
 * A statement is a fixed list of lines, each a heading or a figure made
 * of terms: accounts, ranges of accounts, and lines above it, added or
 * taken away.  Which accounts make which line is the definition file's;
 * the figures come from biz/figures.h, so from the ledger's balance
 * table, never from the postings.  A statement has a few dozen lines:
 * its figures are worked out in memory, line by line, then printed.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "figures.h"
#include "fixed.h"
#include "report.h"
#include "tables.h"

static const struct {
	const char		*word;
	enum statement_show	 show;
} statement_shows[] = {
	{ "label", SS_LABEL },
	{ "label_en", SS_LABEL_EN },
	{ "accounts", SS_ACCOUNTS },
	{ "closing", SS_CLOSING },
	{ "year-opening", SS_YEAR_OPENING },
	{ "period", SS_PERIOD },
	{ "year-to-date", SS_YEAR_TO_DATE },
	{ "prior-period", SS_PRIOR_PERIOD },
};
#define NSHOWS	((int)(sizeof statement_shows / sizeof statement_shows[0]))

int
statement_parse_column(struct report_column *col, const char *expr,
    char **why)
{
	int	k;

	for (k = 0; k < NSHOWS; k++)
		if (strcmp(expr, statement_shows[k].word) == 0)
			break;
	if (k == NSHOWS) {
		*why = xasprintf("%s: a statement's columns are label, "
		    "label_en, accounts, closing, year-opening, period, "
		    "year-to-date and prior-period", expr);
		return (-1);
	}
	col->kind = COL_STATEMENT;
	col->field = xstrdup(expr);
	col->which = (int)statement_shows[k].show;
	col->align = col->which >= SS_CLOSING ? TEXT_RIGHT : TEXT_LEFT;
	return (0);
}

/* A line's name: a letter or _, then letters, digits, _ and -. */
static int
statement_good_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
	    *s == '_'))
		return (0);
	for (s++; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return (0);
	return (1);
}

static int
statement_find(const struct report_def *d, const char *name)
{
	int	i;

	for (i = 0; i < d->nitems; i++)
		if (d->items[i].name != NULL &&
		    strcmp(d->items[i].name, name) == 0)
			return (i);
	return (-1);
}

/* TERM [+|- TERM]...: a leading - takes the first term away. */
static int
statement_parse_terms(struct report_def *d, struct report_line *l,
    char **w, int n, char **why)
{
	struct report_term	 t;
	struct buf		 text = BUF_INIT;
	const char		*dots;
	int			 k, sign = 1, want_term = 1;

	for (k = 0; k < n; k++) {
		buf_printf(&text, "%s%s", k > 0 ? " " : "", w[k]);
		if (strcmp(w[k], "+") == 0 || strcmp(w[k], "-") == 0) {
			if (!want_term && sign == 0) {
				sign = w[k][0] == '-' ? -1 : 1;
				want_term = 1;
				continue;
			}
			if (k == 0 && w[k][0] == '-') {
				sign = -1;
				continue;
			}
			*why = xasprintf("\"%s\": expected an account, a "
			    "range FROM..TO or a line above", w[k]);
			buf_free(&text);
			return (-1);
		}
		if (!want_term) {
			*why = xasprintf("\"%s\": expected + or - between "
			    "terms", w[k]);
			buf_free(&text);
			return (-1);
		}
		memset(&t, 0, sizeof t);
		t.sign = sign;
		t.line = statement_find(d, w[k]);
		if (t.line < 0 && (dots = strstr(w[k], "..")) != NULL) {
			if (dots == w[k] || dots[2] == '\0') {
				*why = xasprintf("\"%s\": a range is FROM..TO",
				    w[k]);
				buf_free(&text);
				return (-1);
			}
			t.code = xstrndup(w[k], (size_t)(dots - w[k]));
			t.last = xstrdup(dots + 2);
		} else if (t.line < 0)
			t.code = xstrdup(w[k]);
		l->terms = xreallocarray(l->terms, (size_t)l->nterms + 1,
		    sizeof *l->terms);
		l->terms[l->nterms++] = t;
		want_term = 0;
		sign = 0;
	}
	if (want_term) {
		*why = xstrdup(n == 0 ? "a line needs its terms: accounts, "
		    "ranges FROM..TO or lines above" : "a term must follow "
		    "+ or -");
		buf_free(&text);
		return (-1);
	}
	l->terms_text = buf_take(&text);
	return (0);
}

static void
statement_free_line(struct report_line *l)
{
	int	k;

	for (k = 0; k < l->nterms; k++) {
		free(l->terms[k].code);
		free(l->terms[k].last);
	}
	free(l->terms);
	free(l->name);
	free(l->label);
	free(l->label_en);
	free(l->terms_text);
}

/*
 * heading "Chinese" ["English"]
 * line NAME "Chinese" "English" TERM [+|- TERM]...
 */
int
statement_parse_line(struct report_def *d, char **w, int n, char **why)
{
	struct report_line	l;

	memset(&l, 0, sizeof l);
	if (!d->statement) {
		*why = xasprintf("%s: only a statement (source statement) "
		    "has lines", w[0]);
		return (-1);
	}
	if (strcmp(w[0], "heading") == 0) {
		if (n < 2 || n > 3) {
			*why = xstrdup("expected: heading \"Chinese\" "
			    "[\"English\"]");
			return (-1);
		}
	} else {
		if (n < 5) {
			*why = xstrdup("expected: line NAME \"Chinese\" "
			    "\"English\" TERM [+|- TERM]...");
			return (-1);
		}
		if (!statement_good_name(w[1])) {
			*why = xasprintf("\"%s\": a line's name is a letter, "
			    "then letters, digits, _ or -", w[1]);
			return (-1);
		}
		if (statement_find(d, w[1]) >= 0) {
			*why = xasprintf("there is a line %s already", w[1]);
			return (-1);
		}
		if (statement_parse_terms(d, &l, w + 4, n - 4, why) != 0) {
			statement_free_line(&l);
			return (-1);
		}
		l.name = xstrdup(w[1]);
	}
	l.label = xstrdup(w[1 + (l.name != NULL)]);
	l.label_en = xstrdup(n > 2 + (l.name != NULL) ?
	    w[2 + (l.name != NULL)] : "");
	d->items = xreallocarray(d->items, (size_t)d->nitems + 1,
	    sizeof *d->items);
	d->items[d->nitems++] = l;
	return (0);
}

void
statement_free(struct report_def *d)
{
	int	i;

	for (i = 0; i < d->nitems; i++)
		statement_free_line(&d->items[i]);
	free(d->items);
}

/* The months a statement covers. */
struct statement_months {
	int64_t	from;		/* YYYYMM */
	int64_t	to;
};

static int64_t
statement_month(const char *date)
{
	return (atoll(date) * 100 + atoll(date + 5));
}

static void
statement_months(const struct report_def *d, long run_time,
    struct statement_months *m)
{
	time_t		 t = (time_t)run_time;
	struct tm	*tm = localtime(&t);
	int		 k;

	m->from = 0;
	m->to = (int64_t)(tm->tm_year + 1900) * 100 + tm->tm_mon + 1;
	for (k = 0; k < d->nparams; k++) {
		const struct report_param *p = &d->params[k];

		if (p->value == NULL || p->type != FT_DATE)
			continue;
		if (strcmp(p->name, "from") == 0)
			m->from = statement_month(p->value);
		else if (strcmp(p->name, "to") == 0 ||
		    strcmp(p->name, "date") == 0)
			m->to = statement_month(p->value);
	}
	if (m->from == 0 || m->from > m->to)
		m->from = m->to / 100 * 100 + 1;
}

/* One term's figure for column show. */
static int
statement_term(struct store *s, const struct report_term *t,
    enum statement_show show, const struct statement_months *m,
    int64_t *v, char **why)
{
	int64_t	first = 0, last = m->to;
	int	moves = 0;

	switch (show) {
	case SS_YEAR_OPENING:
		last = m->to / 100 * 100;	/* before January */
		break;
	case SS_PERIOD:
		first = m->from;
		moves = 1;
		break;
	case SS_YEAR_TO_DATE:
		first = m->to / 100 * 100 + 1;
		moves = 1;
		break;
	case SS_PRIOR_PERIOD:
		first = m->from - 100;
		last = m->to - 100;
		moves = 1;
		break;
	default:
		break;
	}
	if (t->last != NULL)
		return (figures_range(s, t->code, t->last, first, last, moves,
		    v, why));
	return (figures_account(s, t->code, first, last, moves, v, why));
}

/* Every figure of every line, line by line: values[line * ncols + col]. */
static int
statement_figures(struct store *s, const struct report_def *d,
    const struct statement_months *m, int64_t *values, char **why)
{
	const struct report_line	*l;
	int64_t				 v;
	char				*cause = NULL;
	int				 i, c, k;

	for (i = 0; i < d->nitems; i++) {
		l = &d->items[i];
		for (c = 0; c < d->ncolumns; c++) {
			int64_t *sum = &values[i * d->ncolumns + c];

			if (d->columns[c].kind != COL_STATEMENT ||
			    d->columns[c].which < SS_CLOSING)
				continue;
			for (k = 0; k < l->nterms; k++) {
				const struct report_term *t = &l->terms[k];

				if (t->line >= 0)
					v = values[t->line * d->ncolumns + c];
				else if (statement_term(s, t,
				    d->columns[c].which, m, &v, &cause) != 0) {
					*why = xasprintf("line %s: %s",
					    l->name, cause);
					free(cause);
					return (-1);
				}
				if (fixed_add(*sum, t->sign * v, sum) != 0) {
					*why = xasprintf("line %s: the figure "
					    "is too large", l->name);
					return (-1);
				}
			}
		}
	}
	return (0);
}

/*
 * The text of column c of line l; with english, the label column shows
 * the English label.
 */
static void
statement_cell(const struct report_def *d, const struct report_line *l,
    int c, int64_t v, int plain, int english, struct buf *b)
{
	char	tmp[FIXED_BUFSIZE];

	switch (d->columns[c].which) {
	case SS_LABEL:
		buf_adds(b, english && *l->label_en != '\0' ? l->label_en :
		    l->label);
		break;
	case SS_LABEL_EN:
		buf_adds(b, l->label_en);
		break;
	case SS_ACCOUNTS:
		if (l->terms_text != NULL)
			buf_adds(b, l->terms_text);
		break;
	default:
		if (l->name != NULL)
			buf_adds(b, fixed_format(v, MONEY_SCALE, !plain &&
			    !(d->columns[c].flags & RC_PLAIN), tmp));
	}
}

/*
 * Appends to line the columns of statement line i as a page shows them,
 * or blanks of their widths if i is -1.
 */
static void
statement_half(const struct report_def *d, int i, const int64_t *values,
    int english, struct buf *line)
{
	struct buf	val = BUF_INIT;
	int		c;

	for (c = 0; c < d->ncolumns; c++) {
		buf_clear(&val);
		if (i >= 0)
			statement_cell(d, &d->items[i], c,
			    values[i * d->ncolumns + c], 0, english, &val);
		buf_reserve(&val, 0);
		if (c > 0)
			buf_addc(line, ' ');
		text_pad(line, val.data, d->columns[c].width,
		    d->columns[c].align, true);
	}
	buf_free(&val);
}

/*
 * Which of n lines (numbered from first) a half prints on row i of rows:
 * its lines from the top, its last on the bottom row; -1 for a blank.
 */
static int
statement_row(int i, int rows, int n, int first)
{
	if (i == rows - 1)
		return (first + n - 1);
	return (i < n - 1 ? first + i : -1);
}

/* Whether the report was asked for in English (--lang en). */
static int
statement_english(const struct report_def *d)
{
	int	k;

	for (k = 0; k < d->nparams; k++)
		if (strcmp(d->params[k].name, "lang") == 0 &&
		    d->params[k].value != NULL &&
		    strcmp(d->params[k].value, "en") == 0)
			return (1);
	return (0);
}

int
statement_run(struct store *s, const struct report_def *d,
    struct page *page, FILE *csv, long run_time, char **why)
{
	struct statement_months	 m;
	struct buf		 line = BUF_INIT, val = BUF_INIT;
	int64_t			*values;
	int			 i, c, rows, moves = 0, balances = 0;
	int			 english = statement_english(d);

	statement_months(d, run_time, &m);
	values = xcalloc((size_t)d->nitems * (size_t)d->ncolumns + 1,
	    sizeof *values);
	if (statement_figures(s, d, &m, values, why) != 0) {
		free(values);
		return (-1);
	}

	/* What the figures are: the months, as no parameter may say. */
	for (c = 0; c < d->ncolumns; c++) {
		moves |= d->columns[c].which == SS_PERIOD;
		balances |= d->columns[c].which == SS_CLOSING;
	}
	if (csv == NULL && (moves || balances)) {
		if (moves)
			buf_printf(&line, "期间 Months %04d-%02d to %04d-%02d",
			    (int)(m.from / 100), (int)(m.from % 100),
			    (int)(m.to / 100), (int)(m.to % 100));
		else
			buf_printf(&line, "期末 At the end of %04d-%02d",
			    (int)(m.to / 100), (int)(m.to % 100));
		page_line(page, line.data);
		page_line(page, "");
	}

	if (d->beside != 0 && csv == NULL) {
		/*
		 * Two halves: the lines before beside on the left, the rest
		 * on the right, row by row; the last line of each, its
		 * total, on the bottom row, as the Chinese form has them.
		 */
		int left = d->beside, right = d->nitems - d->beside;

		rows = left > right ? left : right;
		for (i = 0; i < rows; i++) {
			buf_clear(&line);
			statement_half(d, statement_row(i, rows, left, 0),
			    values, english, &line);
			buf_adds(&line, " | ");
			statement_half(d, statement_row(i, rows, right,
			    d->beside), values, english, &line);
			page_line(page, line.data);
		}
		rows = 0;
	} else
		rows = d->nitems;
	for (i = 0; i < rows; i++) {
		buf_clear(&line);
		if (csv == NULL) {
			statement_half(d, i, values, english, &line);
			page_line(page, line.data);
			continue;
		}
		for (c = 0; c < d->ncolumns; c++) {
			buf_clear(&val);
			statement_cell(d, &d->items[i], c,
			    values[i * d->ncolumns + c], 1, english, &val);
			if (val.data == NULL)
				buf_reserve(&val, 0);
			csv_quote(&line, val.data, c == 0);
		}
		buf_adds(&line, "\r\n");
		fwrite(line.data, 1, line.len, csv);
	}
	free(values);
	buf_free(&line);
	buf_free(&val);
	return (0);
}
