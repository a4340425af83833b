/*
 * form-parse.c: reading form files (format in docs/forms.md) into the
 * structures of form.h.
 *
 * A file is read one statement a line.  Whatever can be checked on its
 * own line is checked there: the table and its fields, the field's type
 * against the table's, places on the screen, options.  What may name
 * something declared further down (the names in compute=, the code in
 * from=, the grids in balance) is checked once the whole file is read,
 * but still reported at the line that holds it.  The first mistake stops
 * the reading, so a broken form never half-opens.  Drawing and typing are
 * the form runtime's business, not this file's.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixed.h"
#include "form.h"
#include "words.h"
#include "tables.h"
#include "xalloc.h"

/* The screen: value cells end by column 80, rows 1 to 21 are ours. */
#define FORM_COLS	80
#define FORM_FIRSTROW	1
#define FORM_LASTROW	21
#define FORM_LABELS	12

/* A field or grid column to look at again once the file is read. */
struct form_parse_later {
	int	line;
	int	grid;		/* its grid, or -1 for a field of the form */
	int	field;		/* index in the fields or the grid's columns */
};

struct form_parse {
	const char		*path;
	int			 line;
	char			**cause;
	struct form_def		*form;
	const struct table_def	*table;		/* the form's table */
	int			 labels;	/* cells from label to value */
	int			 grid;		/* grid of the next column */
	int			 balance_line;

	struct words		 ws;
	char			**words;	/* ws.w */
	int			 nwords;	/* ws.n */

	struct form_parse_later	*later;
	int			 nlater;
};

/* The fields a compute= may name: a table and its computed neighbours. */
struct form_parse_scope {
	struct form_parse		*fp;
	const struct table_def		*table;
	const struct form_field		*fields;
	int				 nfields;
};

static const char *form_parse_types[] = {
	[FORM_TEXT] = "text",
	[FORM_CODE] = "code",
	[FORM_INTEGER] = "integer",
	[FORM_QUANTITY] = "quantity",
	[FORM_MONEY] = "money",
	[FORM_RATE] = "rate",
	[FORM_DATE] = "date",
	[FORM_CHOICE] = "choice"
};
#define FORM_NTYPES	((int)(sizeof form_parse_types / \
			    sizeof form_parse_types[0]))

static int
form_parse_error(struct form_parse *fp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Sets the cause to "FILE:LINE: what" and returns -1. */
static int
form_parse_error(struct form_parse *fp, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*fp->cause = xvasprintf_at(fp->path, fp->line, fmt, ap);
	va_end(ap);
	return (-1);
}

/* Splits a line into fp->words (see core/words.h for the rules). */
static int
form_parse_split(struct form_parse *fp, char *s)
{
	const char	*why;

	if (words_split(&fp->ws, s, &why) != 0)
		return (form_parse_error(fp, "%s", why));
	fp->words = fp->ws.w;
	fp->nwords = fp->ws.n;
	return (0);
}

/* Reads digits only, at most five of them: 0, or -1 if word is not so. */
static int
form_parse_digits(const char *word, int *out)
{
	const char	*p;
	int		 v = 0;

	for (p = word; *p >= '0' && *p <= '9' && p - word < 5; p++)
		v = v * 10 + (*p - '0');
	if (p == word || *p != '\0')
		return (-1);
	*out = v;
	return (0);
}

/*
 * Reads word as a whole number from lo to hi.  The message names what the
 * number is and, through why, what the bounds are for.
 */
static int
form_parse_number(struct form_parse *fp, const char *word, const char *what,
    int lo, int hi, const char *why, int *out)
{
	int	v;

	if (form_parse_digits(word, &v) != 0 || v < lo || v > hi)
		return (form_parse_error(fp,
		    "\"%s\" must be a number from %d to %d%s", what, lo, hi,
		    why));
	*out = v;
	return (0);
}

/* A name usable in compute=: a letter or _, then letters, digits, _. */
static int
form_parse_is_name(const char *s)
{
	const char	*p;

	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
	    *s == '_'))
		return (0);
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_'))
			return (0);
	return (1);
}

/* Whether a form type can show a table field of type ft. */
static int
form_parse_suits(enum form_type type, enum field_type ft)
{
	switch (ft) {
	case FT_TEXT:
	case FT_CODE:
		return (type == FORM_TEXT || type == FORM_CODE ||
		    type == FORM_CHOICE);
	case FT_INT:
		return (type == FORM_INTEGER);
	case FT_MONEY:
		return (type == FORM_MONEY);
	case FT_QTY:
		return (type == FORM_QUANTITY);
	case FT_RATE:
		return (type == FORM_RATE);
	case FT_DATE:
		return (type == FORM_DATE);
	}
	return (0);
}

static int
form_parse_is_number(enum form_type type)
{
	return (type == FORM_INTEGER || type == FORM_QUANTITY ||
	    type == FORM_MONEY || type == FORM_RATE);
}

static const struct form_field *
form_parse_find(const struct form_field *fields, int n, const char *name)
{
	int	i;

	for (i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0)
			return (&fields[i]);
	return (NULL);
}

static struct form_grid *
form_parse_find_grid(const struct form_def *form, const char *name)
{
	int	i;

	for (i = 0; i < form->ngrids; i++)
		if (strcmp(form->grids[i].name, name) == 0)
			return (&form->grids[i]);
	return (NULL);
}

/* lookup=TABLE:FIELD:WIDTH, on a code field. */
static int
form_parse_lookup(struct form_parse *fp, const struct table_def *t,
    struct form_field *f, const char *value)
{
	char			*copy = xstrdup(value), *field, *width;
	const struct table_def	*lt;
	const struct field_def	*own;
	int			 rc = -1;

	if (f->type != FORM_CODE) {
		form_parse_error(fp, "lookup= is only for code fields");
		goto out;
	}

	if ((field = strchr(copy, ':')) == NULL ||
	    (width = strchr(field + 1, ':')) == NULL ||
	    strchr(width + 1, ':') != NULL || field == copy ||
	    width == field + 1 || width[1] == '\0') {
		form_parse_error(fp, "lookup=%s: expected TABLE:FIELD:WIDTH",
		    value);
		goto out;
	}
	*field++ = '\0';
	*width++ = '\0';

	if ((lt = biz_table(copy)) == NULL) {
		form_parse_error(fp, "lookup=%s: there is no table \"%s\"",
		    value, copy);
		goto out;
	}
	if (schema_field(lt, field) == NULL) {
		form_parse_error(fp, "lookup=%s: %s has no field \"%s\"",
		    value, copy, field);
		goto out;
	}
	own = f->stored ? &t->fields[f->index] : NULL;
	if (own != NULL && own->ref != NULL && strcmp(own->ref, copy) != 0) {
		form_parse_error(fp, "lookup=%s: %s refers to %s, not %s",
		    value, f->name, own->ref, copy);
		goto out;
	}

	if (form_parse_digits(width, &f->shows_width) != 0 ||
	    f->shows_width < 1 || f->shows_width > FORM_COLS - 1) {
		form_parse_error(fp, "lookup=%s: the width must be a number "
		    "from 1 to %d", value, FORM_COLS - 1);
		goto out;
	}
	f->lookup = xstrdup(copy);
	f->shows = xstrdup(field);
	rc = 0;

out:
	free(copy);
	return (rc);
}

/* range=MIN..MAX, read at the field's own scale. */
static int
form_parse_range(struct form_parse *fp, struct form_field *f,
    const char *value)
{
	char		*copy, *max;
	const char	*why;
	int		 rc = -1;

	if (!form_parse_is_number(f->type))
		return (form_parse_error(fp, "range= is only for integer, "
		    "quantity, money and rate fields"));

	copy = xstrdup(value);
	if ((max = strstr(copy, "..")) == NULL || max == copy ||
	    max[2] == '\0') {
		form_parse_error(fp, "range=%s: expected MIN..MAX", value);
		goto out;
	}
	*max = '\0';
	max += 2;

	if (fixed_parse(copy, f->scale, &f->min, &why) != 0) {
		form_parse_error(fp, "range=%s: \"%s\": %s", value, copy, why);
		goto out;
	}
	if (fixed_parse(max, f->scale, &f->max, &why) != 0) {
		form_parse_error(fp, "range=%s: \"%s\": %s", value, max, why);
		goto out;
	}
	if (f->min > f->max) {
		form_parse_error(fp,
		    "range=%s: the lower bound is above the upper", value);
		goto out;
	}
	f->has_range = 1;
	rc = 0;

out:
	free(copy);
	return (rc);
}

/* list=A,B,C: each choice holds at least one character. */
static int
form_parse_list(struct form_parse *fp, struct form_field *f,
    const char *value)
{
	const char	*p = value, *comma;

	for (;;) {
		comma = strchr(p, ',');
		if (comma == p || *p == '\0')
			return (form_parse_error(fp,
			    "list=%s: a choice is empty", value));

		f->choices = xreallocarray(f->choices,
		    (size_t)f->nchoices + 1, sizeof *f->choices);
		f->choices[f->nchoices++] = comma == NULL ? xstrdup(p) :
		    xstrndup(p, (size_t)(comma - p));
		if (comma == NULL)
			return (0);
		p = comma + 1;
	}
}

/* The options that take a value, as option=VALUE. */
enum form_opt {
	FORM_OPT_DEFAULT,
	FORM_OPT_LOOKUP,
	FORM_OPT_FROM,
	FORM_OPT_RANGE,
	FORM_OPT_LIST,
	FORM_OPT_COMPUTE
};

/* One option of a field or column, after its type is known. */
static int
form_parse_option(struct form_parse *fp, const struct table_def *t,
    struct form_field *f, const char *word)
{
	static const struct {
		const char	*word;
		unsigned	 flag;
	}			 flags[] = {
		{ "required", FF_REQUIRED },
		{ "upper", FF_UPPER },
		{ "readonly", FF_READONLY }
	};
	static const char	*keys[] = {
		[FORM_OPT_DEFAULT] = "default",
		[FORM_OPT_LOOKUP] = "lookup",
		[FORM_OPT_FROM] = "from",
		[FORM_OPT_RANGE] = "range",
		[FORM_OPT_LIST] = "list",
		[FORM_OPT_COMPUTE] = "compute"
	};
	const char		*eq = strchr(word, '='), *value, *why;
	char			 key[16];
	const char		*dot;
	size_t			 i, len;
	int			 given = 0;

	for (i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (strcmp(word, flags[i].word) == 0) {
			f->flags |= flags[i].flag;
			return (0);
		}

	len = eq == NULL ? 0 : (size_t)(eq - word);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (len == strlen(keys[i]) &&
		    strncmp(word, keys[i], len) == 0)
			break;
	if (eq == NULL || i == sizeof keys / sizeof keys[0])
		return (form_parse_error(fp, "unknown option \"%s\"", word));
	memcpy(key, word, len);
	key[len] = '\0';
	value = eq + 1;

	if (*value == '\0')
		return (form_parse_error(fp, "%s= needs a value", key));

	switch ((enum form_opt)i) {
	case FORM_OPT_DEFAULT:
		given = f->def != NULL;
		break;
	case FORM_OPT_LOOKUP:
		given = f->lookup != NULL;
		break;
	case FORM_OPT_FROM:
		given = f->from_code != NULL;
		break;
	case FORM_OPT_RANGE:
		given = f->has_range;
		break;
	case FORM_OPT_LIST:
		given = f->nchoices != 0;
		break;
	case FORM_OPT_COMPUTE:
		given = f->compute != NULL;
		break;
	}
	if (given)
		return (form_parse_error(fp, "%s= is given twice", key));

	switch ((enum form_opt)i) {
	case FORM_OPT_DEFAULT:
		f->def = xstrdup(value);
		return (0);
	case FORM_OPT_LOOKUP:
		return (form_parse_lookup(fp, t, f, value));
	case FORM_OPT_FROM:
		if ((dot = strchr(value, '.')) == NULL || dot == value ||
		    dot[1] == '\0' || strchr(dot + 1, '.') != NULL)
			return (form_parse_error(fp,
			    "from=%s: expected CODE.FIELD", value));
		f->from_code = xstrndup(value, (size_t)(dot - value));
		f->from_field = xstrdup(dot + 1);
		return (0);
	case FORM_OPT_RANGE:
		return (form_parse_range(fp, f, value));
	case FORM_OPT_LIST:
		return (form_parse_list(fp, f, value));
	case FORM_OPT_COMPUTE:
		if ((f->compute = expr_parse(value, &why)) == NULL)
			return (form_parse_error(fp, "compute: %s", why));
		return (0);
	}
	return (0);
}

/*
 * The part field and column share: TYPE, then the options.  The name,
 * label and place are already set in f; t is the table f belongs to.
 */
static int
form_parse_describe(struct form_parse *fp, const struct table_def *t,
    struct form_field *f, const char *type, char **options, int noptions)
{
	const struct field_def	*tf;
	int			 i;

	for (i = 0; i < FORM_NTYPES; i++)
		if (strcmp(type, form_parse_types[i]) == 0)
			break;
	if (i == FORM_NTYPES)
		return (form_parse_error(fp, "unknown field type \"%s\"; "
		    "expected text, code, integer, quantity, money, rate, "
		    "date or choice", type));
	f->type = (enum form_type)i;

	f->index = schema_field_index(t, f->name);
	f->stored = f->index >= 0;
	if (f->stored) {
		tf = &t->fields[f->index];
		if (!form_parse_suits(f->type, tf->type))
			return (form_parse_error(fp,
			    "field %s is %s in %s, not %s", f->name,
			    schema_type_name(tf->type), t->name, type));
		f->scale = tf->scale;
	} else if (f->type == FORM_MONEY)
		f->scale = MONEY_SCALE;
	else if (f->type == FORM_QUANTITY)
		f->scale = QTY_SCALE;
	else if (f->type == FORM_RATE)
		f->scale = RATE_SCALE;

	for (i = 0; i < noptions; i++)
		if (form_parse_option(fp, t, f, options[i]) != 0)
			return (-1);

	if (!f->stored && f->compute == NULL)
		return (form_parse_error(fp, "%s is not a field of %s "
		    "(only computed fields may be)", f->name, t->name));
	if (f->compute != NULL && !form_parse_is_number(f->type))
		return (form_parse_error(fp, "a computed field must be "
		    "integer, quantity, money or rate, not %s", type));
	if (f->type == FORM_CHOICE && f->nchoices == 0)
		return (form_parse_error(fp, "choice needs list=A,B,..."));
	return (0);
}

/* Notes a field or column to look at again at the end of the file. */
static void
form_parse_defer(struct form_parse *fp, int grid, int field)
{
	struct form_parse_later	*l;

	fp->later = xreallocarray(fp->later, (size_t)fp->nlater + 1,
	    sizeof *fp->later);
	l = &fp->later[fp->nlater++];
	l->line = fp->line;
	l->grid = grid;
	l->field = field;
}

/* Adds a zeroed field to the array *fields of *n. */
static struct form_field *
form_parse_new_field(struct form_field **fields, int *n)
{
	struct form_field	*f;

	*fields = xreallocarray(*fields, (size_t)*n + 1, sizeof **fields);
	f = &(*fields)[(*n)++];
	memset(f, 0, sizeof *f);
	f->index = -1;
	return (f);
}

/* field NAME "Label" ROW COL WIDTH TYPE [options] */
static int
form_parse_field(struct form_parse *fp, char **w, int n)
{
	struct form_def		*form = fp->form;
	struct form_field	*f;
	int			 row, col, width;

	if (n < 7)
		return (form_parse_error(fp, "expected field NAME \"Label\" "
		    "ROW COL WIDTH TYPE [options]"));
	if (fp->table == NULL)
		return (form_parse_error(fp, "field before table"));
	if (!form_parse_is_name(w[1]))
		return (form_parse_error(fp,
		    "\"%s\" is not a name: use letters, digits and _", w[1]));
	if (form_parse_find(form->fields, form->nfields, w[1]) != NULL)
		return (form_parse_error(fp, "field %s appears twice", w[1]));

	if (form_parse_number(fp, w[3], "row", FORM_FIRSTROW, FORM_LASTROW,
	    "", &row) != 0)
		return (-1);
	if (form_parse_number(fp, w[4], "col", 0,
	    FORM_COLS - fp->labels - 1, " to fit in 80 columns", &col) != 0)
		return (-1);
	if (form_parse_number(fp, w[5], "width", 1,
	    FORM_COLS - fp->labels - col, " to fit in 80 columns",
	    &width) != 0)
		return (-1);

	f = form_parse_new_field(&form->fields, &form->nfields);
	f->name = xstrdup(w[1]);
	f->label = xstrdup(w[2]);
	f->row = row;
	f->label_col = col;
	f->col = col + fp->labels;
	f->width = width;
	form_parse_defer(fp, -1, form->nfields - 1);

	return (form_parse_describe(fp, fp->table, f, w[6], w + 7, n - 7));
}

/* grid NAME TABLE ROW HEIGHT "Title" link=FIELD [readonly] */
static int
form_parse_grid(struct form_parse *fp, char **w, int n)
{
	struct form_def		*form = fp->form;
	struct form_grid	*g;
	const struct table_def	*t;
	const struct field_def	*lf;
	int			 row, height, i;

	if (n < 6)
		return (form_parse_error(fp, "expected grid NAME TABLE ROW "
		    "HEIGHT \"Title\" link=FIELD [readonly]"));
	if (fp->table == NULL)
		return (form_parse_error(fp, "grid before table"));
	if (!form_parse_is_name(w[1]))
		return (form_parse_error(fp,
		    "\"%s\" is not a name: use letters, digits and _", w[1]));
	if (form_parse_find_grid(form, w[1]) != NULL)
		return (form_parse_error(fp, "grid %s appears twice", w[1]));
	if ((t = biz_table(w[2])) == NULL)
		return (form_parse_error(fp, "grid %s: there is no table "
		    "\"%s\"", w[1], w[2]));

	if (form_parse_number(fp, w[3], "row", FORM_FIRSTROW, FORM_LASTROW,
	    "", &row) != 0)
		return (-1);
	if (form_parse_number(fp, w[4], "height", 2, FORM_LASTROW - row + 1,
	    " to fit in rows 1 to 21", &height) != 0)
		return (-1);

	form->grids = xreallocarray(form->grids, (size_t)form->ngrids + 1,
	    sizeof *form->grids);
	fp->grid = form->ngrids;
	g = &form->grids[form->ngrids++];
	memset(g, 0, sizeof *g);
	g->name = xstrdup(w[1]);
	g->table = xstrdup(w[2]);
	g->title = xstrdup(w[5]);
	g->row = row;
	g->height = height;

	for (i = 6; i < n; i++) {
		if (strcmp(w[i], "readonly") == 0)
			g->readonly = 1;
		else if (strncmp(w[i], "link=", 5) != 0 || w[i][5] == '\0')
			return (form_parse_error(fp, "unknown option \"%s\"",
			    w[i]));
		else if (g->link != NULL)
			return (form_parse_error(fp, "link= is given twice"));
		else
			g->link = xstrdup(w[i] + 5);
	}

	if (g->link == NULL)
		return (form_parse_error(fp, "grid %s needs link=FIELD",
		    g->name));
	if ((lf = schema_field(t, g->link)) == NULL)
		return (form_parse_error(fp, "grid %s: %s has no field \"%s\"",
		    g->name, t->name, g->link));
	if (lf->ref == NULL || strcmp(lf->ref, fp->table->name) != 0)
		return (form_parse_error(fp, "grid %s: link field %s does "
		    "not refer to %s", g->name, g->link, fp->table->name));
	return (0);
}

/* column NAME "Heading" WIDTH TYPE [options], in the grid above. */
static int
form_parse_column(struct form_parse *fp, char **w, int n)
{
	struct form_grid	*g;
	struct form_field	*f, *last;
	int			 col, width;

	if (n < 5)
		return (form_parse_error(fp, "expected column NAME "
		    "\"Heading\" WIDTH TYPE [options]"));
	if (fp->grid < 0)
		return (form_parse_error(fp, "column outside a grid"));
	g = &fp->form->grids[fp->grid];
	if (!form_parse_is_name(w[1]))
		return (form_parse_error(fp,
		    "\"%s\" is not a name: use letters, digits and _", w[1]));
	if (form_parse_find(g->cols, g->ncols, w[1]) != NULL)
		return (form_parse_error(fp, "column %s appears twice", w[1]));

	col = 0;
	if (g->ncols > 0) {
		last = &g->cols[g->ncols - 1];
		col = last->col + last->width + 1;
	}
	if (col >= FORM_COLS)
		return (form_parse_error(fp, "column %s does not fit: the "
		    "grid's columns already fill 80 columns", w[1]));
	if (form_parse_number(fp, w[3], "width", 1, FORM_COLS - col,
	    " to fit in 80 columns", &width) != 0)
		return (-1);

	f = form_parse_new_field(&g->cols, &g->ncols);
	f->name = xstrdup(w[1]);
	f->label = xstrdup(w[2]);
	f->label_col = col;
	f->col = col;
	f->width = width;
	form_parse_defer(fp, fp->grid, g->ncols - 1);

	return (form_parse_describe(fp, biz_table(g->table), f, w[4], w + 5,
	    n - 5));
}

/* GRID.COLUMN, as balance takes it: both parts there. */
static int
form_parse_is_column_ref(const char *s)
{
	const char	*dot = strchr(s, '.');

	return (dot != NULL && dot != s && dot[1] != '\0' &&
	    strchr(dot + 1, '.') == NULL);
}

/* One statement: the line's words are in fp->words. */
static int
form_parse_statement(struct form_parse *fp)
{
	struct form_def	 *form = fp->form;
	char		**w = fp->words;
	int		  n = fp->nwords;

	if (strcmp(w[0], "field") == 0)
		return (form_parse_field(fp, w, n));
	if (strcmp(w[0], "column") == 0)
		return (form_parse_column(fp, w, n));
	if (strcmp(w[0], "grid") == 0)
		return (form_parse_grid(fp, w, n));

	if (strcmp(w[0], "title") == 0) {
		if (n != 2)
			return (form_parse_error(fp,
			    "expected title \"Title\""));
		if (form->title != NULL)
			return (form_parse_error(fp, "title is given twice"));
		form->title = xstrdup(w[1]);
		return (0);
	}

	if (strcmp(w[0], "table") == 0) {
		if (n != 2)
			return (form_parse_error(fp, "expected table TABLE"));
		if (form->table != NULL)
			return (form_parse_error(fp, "table is given twice"));
		if ((fp->table = biz_table(w[1])) == NULL)
			return (form_parse_error(fp,
			    "there is no table \"%s\"", w[1]));
		form->table = xstrdup(w[1]);
		return (0);
	}

	if (strcmp(w[0], "labels") == 0) {
		if (n != 2)
			return (form_parse_error(fp, "expected labels N"));
		return (form_parse_number(fp, w[1], "labels", 1,
		    FORM_COLS - 1, "", &fp->labels));
	}

	if (strcmp(w[0], "balance") == 0) {
		if (n != 3 || !form_parse_is_column_ref(w[1]) ||
		    !form_parse_is_column_ref(w[2]))
			return (form_parse_error(fp,
			    "expected balance GRID.COLUMN GRID.COLUMN"));
		if (form->balance[0] != NULL)
			return (form_parse_error(fp,
			    "balance is given twice"));
		form->balance[0] = xstrdup(w[1]);
		form->balance[1] = xstrdup(w[2]);
		fp->balance_line = fp->line;
		return (0);
	}

	return (form_parse_error(fp, "unknown statement \"%s\" (expected "
	    "title, table, labels, field, grid, column or balance)", w[0]));
}

/* Checks GRID.COLUMN of a sum() or a balance; what starts the message. */
static int
form_parse_check_column(struct form_parse *fp, const char *what,
    const char *grid, const char *column)
{
	const struct form_grid	*g;

	if ((g = form_parse_find_grid(fp->form, grid)) == NULL)
		return (form_parse_error(fp, "%s: there is no grid \"%s\"",
		    what, grid));
	if (form_parse_find(g->cols, g->ncols, column) == NULL)
		return (form_parse_error(fp, "%s: grid %s has no column "
		    "\"%s\"", what, grid, column));
	return (0);
}

/*
 * expr_names callback: a field must be one of the table's or a computed
 * neighbour; a grid sum must name a grid and one of its columns.
 * Settings are the company's business and are not checked here.
 */
static int
form_parse_check_name(void *arg, int kind, const char *a, const char *b)
{
	struct form_parse_scope	*s = arg;
	const struct form_field	*f;

	if (kind == 'g')
		return (form_parse_check_column(s->fp, "compute", a, b));
	if (kind != 'f')
		return (0);

	if (schema_field(s->table, a) != NULL)
		return (0);
	f = form_parse_find(s->fields, s->nfields, a);
	if (f != NULL && f->compute != NULL)
		return (0);
	return (form_parse_error(s->fp, "compute: %s is not a field of %s",
	    a, s->table->name));
}

/* from=CODE.FIELD: CODE a neighbour with a lookup, FIELD of its table. */
static int
form_parse_check_from(struct form_parse *fp,
    const struct form_parse_scope *s, const struct form_grid *g,
    const struct form_field *f)
{
	const struct form_field	*code;
	const struct table_def	*lt;
	const struct field_def	*lf;

	code = form_parse_find(s->fields, s->nfields, f->from_code);
	if (code == NULL && g == NULL)
		return (form_parse_error(fp, "from=%s.%s: %s is not a field "
		    "of this form", f->from_code, f->from_field,
		    f->from_code));
	if (code == NULL)
		return (form_parse_error(fp, "from=%s.%s: %s is not a column "
		    "of grid %s", f->from_code, f->from_field, f->from_code,
		    g->name));
	if (code->lookup == NULL)
		return (form_parse_error(fp, "from=%s.%s: %s has no lookup",
		    f->from_code, f->from_field, f->from_code));

	lt = biz_table(code->lookup);
	if ((lf = schema_field(lt, f->from_field)) == NULL)
		return (form_parse_error(fp, "from=%s.%s: %s has no field "
		    "\"%s\"", f->from_code, f->from_field, lt->name,
		    f->from_field));
	if (!form_parse_suits(f->type, lf->type))
		return (form_parse_error(fp, "from=%s.%s: %s is %s in %s, "
		    "not %s", f->from_code, f->from_field, lf->name,
		    schema_type_name(lf->type), lt->name,
		    form_parse_types[f->type]));
	return (0);
}

/* The checks that had to wait for the whole file, in line order. */
static int
form_parse_finish(struct form_parse *fp)
{
	struct form_def			*form = fp->form;
	struct form_parse_scope		 s;
	const struct form_grid		*g;
	const struct form_field		*f;
	char				*dot;
	int				 i, k, rc;

	if (form->title == NULL || form->table == NULL)
		return (form_parse_error(fp,
		    "a form needs a title and a table"));

	for (i = 0; i < fp->nlater; i++) {
		fp->line = fp->later[i].line;
		g = NULL;
		s.fp = fp;
		if (fp->later[i].grid < 0) {
			s.table = fp->table;
			s.fields = form->fields;
			s.nfields = form->nfields;
		} else {
			g = &form->grids[fp->later[i].grid];
			s.table = biz_table(g->table);
			s.fields = g->cols;
			s.nfields = g->ncols;
		}
		f = &s.fields[fp->later[i].field];

		if (f->compute != NULL &&
		    expr_names(f->compute, form_parse_check_name, &s) != 0)
			return (-1);
		if (f->from_code != NULL &&
		    form_parse_check_from(fp, &s, g, f) != 0)
			return (-1);
	}

	fp->line = fp->balance_line;
	for (k = 0; k < 2 && form->balance[k] != NULL; k++) {
		dot = strchr(form->balance[k], '.');
		*dot = '\0';
		rc = form_parse_check_column(fp, "balance", form->balance[k],
		    dot + 1);
		*dot = '.';
		if (rc != 0)
			return (-1);
	}
	return (0);
}

/* The file's name without its folder and without ".form". */
static char *
form_parse_name(const char *path)
{
	const char	*base = strrchr(path, '/');
	size_t		 len;

	base = base == NULL ? path : base + 1;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".form") == 0)
		len -= 5;
	return (xstrndup(base, len));
}

/*
 * Reads the form file at path, line by line, then makes the checks that
 * needed the whole file.  On success the caller owns the form and frees
 * it with form_free.  On failure returns NULL and *cause holds one
 * allocated line, "FILE:LINE: what is wrong" (or "FILE: why" if the file
 * cannot be read), for the caller to free.  See form.h.
 */
struct form_def *
form_load(const char *path, char **cause)
{
	struct form_parse	 fp;
	FILE			*f;
	char			*line = NULL;
	size_t			 cap = 0;
	int			 rc = 0;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return (NULL);
	}

	memset(&fp, 0, sizeof fp);
	fp.path = path;
	fp.cause = cause;
	fp.labels = FORM_LABELS;
	fp.grid = -1;
	fp.form = xcalloc(1, sizeof *fp.form);
	fp.form->name = form_parse_name(path);

	while (rc == 0 && getline(&line, &cap, f) != -1) {
		fp.line++;
		rc = form_parse_split(&fp, line);
		if (rc == 0 && fp.nwords > 0)
			rc = form_parse_statement(&fp);
	}
	if (rc == 0 && ferror(f))
		rc = form_parse_error(&fp, "%s", strerror(errno));
	fclose(f);
	free(line);

	if (rc == 0) {
		if (fp.line == 0)
			fp.line = 1;
		rc = form_parse_finish(&fp);
	}

	words_free(&fp.ws);
	free(fp.later);
	if (rc != 0) {
		form_free(fp.form);
		return (NULL);
	}
	return (fp.form);
}

static void
form_parse_free_field(struct form_field *f)
{
	int	i;

	free(f->name);
	free(f->label);
	free(f->def);
	free(f->lookup);
	free(f->shows);
	free(f->from_code);
	free(f->from_field);
	for (i = 0; i < f->nchoices; i++)
		free(f->choices[i]);
	free(f->choices);
	expr_free(f->compute);
}

/* Frees a form and all it holds; NULL is fine.  See form.h. */
void
form_free(struct form_def *form)
{
	struct form_grid	*g;
	int			 i, k;

	if (form == NULL)
		return;

	for (i = 0; i < form->nfields; i++)
		form_parse_free_field(&form->fields[i]);
	free(form->fields);

	for (i = 0; i < form->ngrids; i++) {
		g = &form->grids[i];
		for (k = 0; k < g->ncols; k++)
			form_parse_free_field(&g->cols[k]);
		free(g->cols);
		free(g->name);
		free(g->table);
		free(g->link);
		free(g->title);
	}
	free(form->grids);

	free(form->name);
	free(form->title);
	free(form->table);
	free(form->balance[0]);
	free(form->balance[1]);
	free(form);
}
