/*
 * screen.c: the form runtime (see screen.h).
 *
 * The screen holds a document (biz/document.h): the form's record and the
 * rows of its grids.  The clerk moves through the fields with Tab and
 * Enter; a field's text is checked when the cursor leaves it, and a wrong
 * value keeps the cursor there with a message on the status line.  Saving
 * hands the whole document to doc_save, one transaction; the screen
 * never writes a table itself.
 *
 * Field editing is our own rather than the form library's: a grid here
 * scrolls over any number of rows, fields widths are display cells (a
 * Chinese character takes two), and each field is checked against the
 * tables as it is left, none of which the form library does.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "browse.h"
#include "document.h"
#include "fixed.h"
#include "rules.h"
#include "screen.h"
#include "store.h"
#include "tables.h"
#include "ui.h"

struct screen {
	struct form_def		*def;
	const struct table_def	*t;
	struct doc		*doc;
	int			 area;		/* -1: header; else a grid */
	int			 field;		/* header field or column */
	int			 row;		/* grid row */
	int			 top[DOC_MAXGRIDS];
	int			 dirty;
	struct buf		 edit;		/* the focused field's text */
	size_t			 cursor;	/* byte offset in edit */
	size_t			 hscroll;	/* first byte shown */
	int			 cursor_y;	/* where draw left it */
	int			 cursor_x;
	int			 fresh;		/* typing replaces edit */
	int			 depth;		/* of computed fields */
};

/* The record a field belongs to: the master, or a grid row. */
static struct record *
field_record(struct screen *s, int area, int row)
{
	if (area < 0)
		return (s->doc->master);
	if (row >= s->doc->grids[area].nrows)
		return (NULL);
	return (s->doc->grids[area].rows[row]);
}

static struct form_field *
field_def(struct screen *s, int area, int field)
{
	if (area < 0)
		return (&s->def->fields[field]);
	return (&s->def->grids[area].cols[field]);
}

static int
is_editable(const struct form_field *f)
{
	return (!(f->flags & FF_READONLY) && f->compute == NULL);
}

/* A saved record's key is shown, never typed over. */
static int
is_key_of_saved(const struct screen *s, const struct form_field *f)
{
	return (s->doc->stamp >= 0 && f->stored &&
	    (s->t->fields[f->index].flags & F_KEY));
}

/* Expression context: a record and the area it is in. */
struct eval_ctx {
	struct screen	*s;
	int		 area;
	int		 row;
};

static int	eval_field(struct screen *, int, int, struct form_field *,
		    int64_t *);

static int
env_field(void *arg, const char *name, struct expr_value *out)
{
	struct eval_ctx		*e = arg;
	struct form_field	*fields;
	struct record		*r;
	int			 n, i;
	int64_t			 v;

	if (e->area < 0) {
		fields = e->s->def->fields;
		n = e->s->def->nfields;
	} else {
		fields = e->s->def->grids[e->area].cols;
		n = e->s->def->grids[e->area].ncols;
	}
	for (i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0 &&
		    fields[i].compute != NULL) {
			if (eval_field(e->s, e->area, e->row, &fields[i],
			    &v) != 0)
				return (-1);
			out->v = v;
			out->scale = fields[i].scale;
			return (0);
		}
	r = field_record(e->s, e->area, e->row);
	if (r == NULL || (i = schema_field_index(r->table, name)) < 0 ||
	    !field_is_number(&r->table->fields[i]))
		return (-1);
	out->v = record_num(r, i);
	out->scale = r->table->fields[i].type == FT_INT ||
	    r->table->fields[i].type == FT_DATE ? 0 :
	    r->table->fields[i].scale;
	return (0);
}

static int
env_setting(void *arg, const char *name, struct expr_value *out)
{
	char		*text;
	const char	*why, *dot;
	int64_t		 v;
	int		 scale, ret;

	(void)arg;
	text = biz_setting(ui.store, NULL, name, "0");
	dot = strchr(text, '.');
	scale = dot != NULL ? (int)strlen(dot + 1) : 0;
	if (scale > FIXED_MAXSCALE)
		scale = FIXED_MAXSCALE;
	ret = fixed_parse(text, scale, &v, &why);
	free(text);
	if (ret != 0)
		return (-1);
	out->v = v;
	out->scale = scale;
	return (0);
}

static int
env_sum(void *arg, const char *grid, const char *name,
    struct expr_value *out)
{
	struct eval_ctx		*e = arg;
	struct eval_ctx		 inner;
	struct expr_value	 v;
	int			 g, row;

	for (g = 0; g < e->s->def->ngrids; g++)
		if (strcmp(e->s->def->grids[g].name, grid) == 0)
			break;
	if (g == e->s->def->ngrids)
		return (-1);
	out->v = 0;
	out->scale = 0;
	inner.s = e->s;
	inner.area = g;
	for (row = 0; row < e->s->doc->grids[g].nrows; row++) {
		inner.row = row;
		if (env_field(&inner, name, &v) != 0)
			return (-1);
		while (out->scale < v.scale) {
			out->v *= 10;
			out->scale++;
		}
		while (v.scale < out->scale) {
			v.v *= 10;
			v.scale++;
		}
		out->v += v.v;
	}
	return (0);
}

static int
eval_field(struct screen *s, int area, int row, struct form_field *f,
    int64_t *out)
{
	struct eval_ctx	 e = { s, area, row };
	struct expr_env	 env = { env_field, env_setting, env_sum, &e };
	const char	*why;
	int		 ret;

	if (s->depth > 8)
		return (-1);	/* computed fields that refer in a ring */
	s->depth++;
	ret = expr_eval(f->compute, &env, f->type == FORM_INTEGER ? 0 :
	    f->scale, out, &why);
	s->depth--;
	return (ret);
}

/* Stores every computed field that is a field of its table. */
static void
compute_all(struct screen *s)
{
	int	g, row, i;
	int64_t	v;

	for (g = 0; g < s->def->ngrids; g++)
		for (row = 0; row < s->doc->grids[g].nrows; row++)
			for (i = 0; i < s->def->grids[g].ncols; i++) {
				struct form_field *f;

				f = &s->def->grids[g].cols[i];

				if (f->compute != NULL && f->stored &&
				    eval_field(s, g, row, f, &v) == 0)
					record_set_num(
					    s->doc->grids[g].rows[row],
					    f->index, v);
			}
	for (i = 0; i < s->def->nfields; i++) {
		struct form_field *f = &s->def->fields[i];

		if (f->compute != NULL && f->stored &&
		    eval_field(s, -1, 0, f, &v) == 0)
			record_set_num(s->doc->master, f->index, v);
	}
}

/* The text a field shows when it is not being edited. */
static void
field_text(struct screen *s, int area, int row, struct form_field *f,
    struct buf *out)
{
	struct record	*r = field_record(s, area, row);
	char		 tmp[FIXED_BUFSIZE];
	int64_t		 v;

	buf_clear(out);
	buf_reserve(out, 0);	/* an empty field is "", not NULL */
	if (f->compute != NULL && !f->stored) {
		if (eval_field(s, area, row, f, &v) == 0)
			buf_adds(out, fixed_format(v, f->scale, true, tmp));
		return;
	}
	if (r == NULL || !f->stored)
		return;
	if ((f->flags & FF_READONLY || f->compute != NULL) &&
	    (f->type == FORM_MONEY || f->type == FORM_QUANTITY) &&
	    !record_is_empty(r, f->index))
		buf_adds(out, fixed_format(record_num(r, f->index), f->scale,
		    true, tmp));
	else
		record_format(r, f->index, out);
	if (out->data == NULL)
		buf_reserve(out, 0);
}

/* What the record a code refers to says in its shows field. */
static void
lookup_text(struct form_field *f, const char *code, struct buf *out)
{
	struct store_table	*t = store_table(ui.store, f->lookup);
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	const char		*why;

	buf_clear(out);
	if (*code != '\0' && record_parse(r, 0, code, &why) == 0) {
		record_primary_key(r, &key);
		if (store_get(t, NULL, &key, r, 0) == 0 && f->shows != NULL)
			record_format(r, schema_field_index(t->def, f->shows),
			    out);
	}
	if (out->data == NULL)
		buf_reserve(out, 0);
	buf_free(&key);
	record_free(r);
}

static enum text_align
field_align(const struct form_field *f)
{
	switch (f->type) {
	case FORM_INTEGER:
	case FORM_QUANTITY:
	case FORM_MONEY:
	case FORM_RATE:
		return (TEXT_RIGHT);
	default:
		return (TEXT_LEFT);
	}
}

/* Cells that the bytes from..to of the edit text take. */
static int
edit_cells(struct screen *s, size_t from, size_t to)
{
	char	*part = xstrndup(s->edit.data + from, to - from);
	int	 w = text_width(part);

	free(part);
	return (w);
}

/* The byte offset of the character before the one at off. */
static size_t
edit_prev(struct screen *s, size_t off)
{
	while (off > 0 && (s->edit.data[--off] & 0xc0) == 0x80)
		;
	return (off);
}

/*
 * Draws the text being edited and notes where the cursor goes.  Text
 * that fits the field is shown whole; the cursor after its last
 * character then sits on that character's cell when the field is full.
 * Longer text scrolls sideways so that the cursor is in view, and never
 * further than needed: the field is filled to its end, so that what it
 * shows is always a part of what it holds.
 */
static void
draw_edit(struct screen *s, struct form_field *f, int y, int x)
{
	uint32_t	cp;
	size_t		prev;
	int		n, after;

	if (s->edit.data == NULL)
		buf_reserve(&s->edit, 0);
	if (text_width(s->edit.data) <= f->width)
		s->hscroll = 0;
	else {
		if (s->cursor < s->hscroll)
			s->hscroll = s->cursor;
		while (s->hscroll < s->cursor &&
		    edit_cells(s, s->hscroll, s->cursor) > f->width - 1) {
			n = utf8_decode(s->edit.data + s->hscroll,
			    s->edit.len - s->hscroll, &cp);
			s->hscroll += n > 0 ? (size_t)n : 1;
		}
		after = s->cursor == s->edit.len;	/* a cell for it */
		while (s->hscroll > 0) {
			prev = edit_prev(s, s->hscroll);
			if (edit_cells(s, prev, s->edit.len) + after >
			    f->width)
				break;
			s->hscroll = prev;
		}
	}
	ui_put(stdscr, y, x, s->edit.data + s->hscroll, f->width, TEXT_LEFT);
	s->cursor_y = y;
	s->cursor_x = x + edit_cells(s, s->hscroll, s->cursor);
	if (s->cursor_x > x + f->width - 1)
		s->cursor_x = x + f->width - 1;
}

/* Draws one field's value (the edit text if it has the focus). */
static void
draw_value(struct screen *s, int area, int row, int field, int y, int x)
{
	struct form_field	*f = field_def(s, area, field);
	struct buf		 text = BUF_INIT;
	int			 focus;

	focus = area == s->area && field == s->field &&
	    (area < 0 || row == s->row);
	if (focus)
		buf_adds(&text, s->edit.data != NULL ? s->edit.data : "");
	else
		field_text(s, area, row, f, &text);
	if (focus)
		attron(A_REVERSE);
	else if (is_editable(f))
		attron(A_UNDERLINE);
	if (focus)
		draw_edit(s, f, y, x);
	else
		ui_put(stdscr, y, x, text.data, f->width, field_align(f));
	attroff(A_REVERSE | A_UNDERLINE);

	if (f->lookup != NULL && f->shows != NULL && area < 0) {
		struct record	*r = field_record(s, area, row);
		char		*code = xstrdup(focus ? text.data : r != NULL ?
				    record_text(r, f->index) : "");

		lookup_text(f, code, &text);
		free(code);
		ui_put(stdscr, y, x + f->width + 1, text.data, f->shows_width,
		    TEXT_LEFT);
	}
	buf_free(&text);
}

static void
draw_grid(struct screen *s, int g)
{
	struct form_grid	*grid = &s->def->grids[g];
	struct doc_grid		*dg = &s->doc->grids[g];
	struct buf		 info = BUF_INIT;
	int			 rows = grid->height - 1, i, k, row, width = 0;

	if (s->area == g) {
		if (s->row < s->top[g])
			s->top[g] = s->row;
		if (s->row >= s->top[g] + rows)
			s->top[g] = s->row - rows + 1;
	}
	attron(A_BOLD);
	for (k = 0; k < grid->ncols; k++) {
		ui_put(stdscr, grid->row, grid->cols[k].col,
		    grid->cols[k].label, grid->cols[k].width,
		    field_align(&grid->cols[k]));
		width = grid->cols[k].col + grid->cols[k].width;
	}
	attroff(A_BOLD);
	/* The grid's title and place go on the row above it. */
	buf_printf(&info, "%s (%d-%d of %d)", grid->title,
	    dg->nrows == 0 ? 0 : s->top[g] + 1,
	    s->top[g] + rows < dg->nrows ? s->top[g] + rows : dg->nrows,
	    dg->nrows);
	(void)width;
	ui_put(stdscr, grid->row - 1, 0, info.data, COLS, TEXT_LEFT);
	/* Under the grid: what the code in the current column refers to. */
	if (s->area == g && grid->cols[s->field].lookup != NULL &&
	    grid->cols[s->field].shows != NULL) {
		struct form_field	*f = &grid->cols[s->field];
		struct buf		 name = BUF_INIT;
		char			*hint;

		lookup_text(f, s->edit.data != NULL ? s->edit.data : "",
		    &name);
		hint = xasprintf("%s: %s", f->label, name.data);
		ui_put(stdscr, grid->row + grid->height, 0, name.len > 0 ?
		    hint : "", f->shows_width, TEXT_LEFT);
		free(hint);
		buf_free(&name);
	}
	for (i = 0; i < rows; i++) {
		row = s->top[g] + i;
		move(grid->row + 1 + i, 0);
		clrtoeol();
		if (row >= dg->nrows && !(s->area == g && s->row == row))
			continue;
		for (k = 0; k < grid->ncols; k++)
			draw_value(s, g, row, k, grid->row + 1 + i,
			    grid->cols[k].col);
	}
	buf_free(&info);
}

static void
draw(struct screen *s)
{
	struct form_field	*f;
	int			 i;

	erase();
	ui_title(s->def->title);
	for (i = 0; i < s->def->nfields; i++) {
		f = &s->def->fields[i];
		if (ui.colour)
			attron(COLOR_PAIR(3));
		ui_put(stdscr, f->row, f->label_col, f->label,
		    f->col - f->label_col - 1, TEXT_LEFT);
		attroff(COLOR_PAIR(3));
		draw_value(s, -1, 0, i, f->row, f->col);
	}
	for (i = 0; i < s->def->ngrids; i++)
		draw_grid(s, i);
	ui_helpline();
	ui_status_redraw();

	/* The cursor goes where typing goes. */
	move(s->cursor_y, s->cursor_x);
}

/* Puts the focused field's current text into the edit buffer. */
static void
begin_edit(struct screen *s)
{
	buf_clear(&s->edit);
	field_text(s, s->area, s->row, field_def(s, s->area, s->field),
	    &s->edit);
	s->cursor = s->edit.len;
	s->hscroll = 0;
	s->fresh = 1;
}

/* Makes sure the focused grid row exists. */
static struct record *
focus_record(struct screen *s)
{
	struct record	*r = field_record(s, s->area, s->row);

	if (r == NULL && s->area >= 0) {
		while (s->doc->grids[s->area].nrows <= s->row)
			r = doc_add_row(s->doc, s->area);
	}
	return (r);
}

/* Fills fields declared from=CODE.FIELD after CODE changed in r. */
static void
fill_from(struct screen *s, int area, struct record *r,
    struct form_field *code)
{
	struct form_field	*fields;
	struct store_table	*t;
	struct record		*src;
	struct buf		 key = BUF_INIT;
	int			 n, i, k;

	fields = area < 0 ? s->def->fields : s->def->grids[area].cols;
	n = area < 0 ? s->def->nfields : s->def->grids[area].ncols;
	t = store_table(ui.store, code->lookup);
	src = record_new(t->def);
	record_set_text(src, 0, record_text(r, code->index));
	record_primary_key(src, &key);
	if (store_get(t, NULL, &key, src, 0) == 0)
		for (i = 0; i < n; i++) {
			if (fields[i].from_code == NULL ||
			    strcmp(fields[i].from_code, code->name) != 0 ||
			    !fields[i].stored)
				continue;
			k = schema_field_index(t->def, fields[i].from_field);
			if (field_is_number(&t->def->fields[k]))
				record_set_num(r, fields[i].index,
				    record_num(src, k));
			else
				record_set_text(r, fields[i].index,
				    record_text(src, k));
		}
	buf_free(&key);
	record_free(src);
}

static int	open_record(struct screen *, const char *code);
static int	edit_changed(struct screen *);

/* Whether a record of the screen's table has this key. */
static int
key_exists(struct screen *s, struct form_field *f, const char *text)
{
	struct store_table	*t = store_table(ui.store, s->t->name);
	struct record		*r = record_new(s->t);
	struct buf		 key = BUF_INIT;
	const char		*why;
	int			 ret = 0;

	if (record_parse(r, f->index, text, &why) == 0) {
		record_primary_key(r, &key);
		ret = store_exists(t, NULL, &key) == 0;
	}
	buf_free(&key);
	record_free(r);
	return (ret);
}

/*
 * Checks the edit text of the focused field and stores it in the record.
 * Returns 0, or -1 after putting the reason on the status line.
 */
static int
commit_edit(struct screen *s)
{
	struct form_field	*f = field_def(s, s->area, s->field);
	struct record		*r;
	struct buf		 old = BUF_INIT, shown = BUF_INIT;
	const char		*why, *text;
	char			 lo[FIXED_BUFSIZE], hi[FIXED_BUFSIZE];
	int			 i, ok, changed;

	if (!is_editable(f) || !f->stored)
		return (0);
	text = s->edit.data != NULL ? s->edit.data : "";
	field_text(s, s->area, s->row, f, &old);
	if (strcmp(old.data, text) == 0 && s->fresh) {
		buf_free(&old);
		return (0);
	}
	changed = strcmp(old.data, text) != 0;
	buf_free(&old);
	if (*text == '\0' && s->area >= 0 &&
	    s->row >= s->doc->grids[s->area].nrows)
		return (0);

	r = focus_record(s);
	if (f->flags & FF_UPPER) {
		char *p;

		for (p = s->edit.data; p != NULL && *p != '\0'; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		text = s->edit.data;
	}
	if (f->nchoices > 0 && *text != '\0') {
		for (ok = 0, i = 0; i < f->nchoices; i++)
			ok |= strcmp(text, f->choices[i]) == 0;
		if (!ok) {
			ui_error("%s: \"%s\" is not one of the choices",
			    f->label, text);
			return (-1);
		}
	}

	/*
	 * The code of a record that exists, typed into a blank screen,
	 * opens that record: the quickest way to it.  The message says so
	 * plainly, since the clerk may have meant to make a new one.  Once
	 * something else was typed, an existing code is refused instead.
	 */
	if (s->area < 0 && (r->table->fields[f->index].flags & F_KEY) &&
	    s->doc->stamp < 0 && *text != '\0' && key_exists(s, f, text)) {
		char *code = xstrdup(text);

		if (s->dirty || open_record(s, code) != 0) {
			ui_error("%s %s already exists (F3 finds it)",
			    s->t->label, code);
			free(code);
			return (-1);
		}
		ui_status("%s %s exists and is open for changes (F4 for a "
		    "new one)", s->t->label, code);
		free(code);
		return (1);
	}

	if (record_parse(r, f->index, text, &why) != 0) {
		ui_error("%s: %s", f->label, why);
		return (-1);
	}
	if (f->has_range && *text != '\0' &&
	    (record_num(r, f->index) < f->min ||
	    record_num(r, f->index) > f->max)) {
		ui_error("%s must be from %s to %s", f->label,
		    fixed_format(f->min, f->scale, false, lo),
		    fixed_format(f->max, f->scale, false, hi));
		return (-1);
	}
	if (f->lookup != NULL && *text != '\0') {
		lookup_text(f, record_text(r, f->index), &shown);
		if (shown.len == 0 && f->shows != NULL) {
			ui_error("%s %s does not exist (F2 lists them)",
			    store_table(ui.store, f->lookup)->def->label,
			    record_text(r, f->index));
			buf_free(&shown);
			return (-1);
		}
		buf_free(&shown);
		if (changed)
			fill_from(s, s->area, r, f);
	}
	s->dirty = 1;
	compute_all(s);
	return (0);
}

/*
 * Commits the focused field as commit_edit does.  A refused value stays
 * in the field with the cursor after it, and, as when the field is first
 * entered, the first key typed replaces it; an arrow or Backspace edits
 * it instead.
 */
static int
commit_field(struct screen *s)
{
	int	ret = commit_edit(s);

	if (ret < 0) {
		s->cursor = s->edit.len;
		s->fresh = 1;
	}
	return (ret);
}

/* The editable fields in Tab order: header, then each grid's columns. */
static const struct screen *tab_screen;	/* for the header's key */

static int
next_editable(struct form_field *fields, int n, int from, int step)
{
	int	i;

	for (i = from + step; i >= 0 && i < n; i += step)
		if (is_editable(&fields[i]) && (tab_screen == NULL ||
		    fields != tab_screen->def->fields ||
		    !is_key_of_saved(tab_screen, &fields[i])))
			return (i);
	return (-1);
}

static int
row_is_blank(struct screen *s, int g, int row)
{
	struct form_grid	*grid = &s->def->grids[g];
	struct record		*r;
	int			 k;

	if (row >= s->doc->grids[g].nrows)
		return (1);
	r = s->doc->grids[g].rows[row];
	for (k = 0; k < grid->ncols; k++)
		if (is_editable(&grid->cols[k]) && grid->cols[k].stored &&
		    !record_is_empty(r, grid->cols[k].index))
			return (0);
	return (1);
}

/* Moves the focus to the next (step 1) or previous (-1) field. */
static void
move_focus(struct screen *s, int step)
{
	int	i, g;

	if (s->area < 0) {
		i = next_editable(s->def->fields, s->def->nfields, s->field,
		    step);
		if (i >= 0) {
			s->field = i;
			return;
		}
		if (step > 0) {
			for (g = 0; g < s->def->ngrids; g++)
				if (!s->def->grids[g].readonly)
					break;
			if (g < s->def->ngrids) {
				s->area = g;
				s->row = 0;
				s->field = next_editable(s->def->grids[g].cols,
				    s->def->grids[g].ncols, -1, 1);
				return;
			}
		}
		s->field = step > 0 ? next_editable(s->def->fields,
		    s->def->nfields, -1, 1) : next_editable(s->def->fields,
		    s->def->nfields, s->def->nfields, -1);
		return;
	}

	g = s->area;
	i = next_editable(s->def->grids[g].cols, s->def->grids[g].ncols,
	    s->field, step);
	if (i >= 0) {
		s->field = i;
		return;
	}
	if (step > 0) {
		/* Past the last column: the next row, or out when blank. */
		if (row_is_blank(s, g, s->row)) {
			if (s->row < s->doc->grids[g].nrows)
				doc_remove_row(s->doc, g, s->row);
			s->area = -1;
			s->field = next_editable(s->def->fields,
			    s->def->nfields, -1, 1);
			return;
		}
		s->row++;
		s->field = next_editable(s->def->grids[g].cols,
		    s->def->grids[g].ncols, -1, 1);
		return;
	}
	if (s->row > 0) {
		s->row--;
		s->field = next_editable(s->def->grids[g].cols,
		    s->def->grids[g].ncols, s->def->grids[g].ncols, -1);
		return;
	}
	s->area = -1;
	s->field = next_editable(s->def->fields, s->def->nfields,
	    s->def->nfields, -1);
}

static void
set_defaults(struct screen *s)
{
	const char	*why;
	char		 today[16];
	time_t		 now = time(NULL);
	int		 i;

	strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
	for (i = 0; i < s->def->nfields; i++) {
		struct form_field *f = &s->def->fields[i];

		if (f->def == NULL || !f->stored)
			continue;
		record_parse(s->doc->master, f->index,
		    strcmp(f->def, "today") == 0 && f->type == FORM_DATE ?
		    today : f->def, &why);
	}
}

static void
new_document(struct screen *s)
{
	int	g;

	doc_free(s->doc);
	s->doc = doc_new(s->t);
	for (g = 0; g < s->def->ngrids; g++)
		doc_add_grid(s->doc, biz_table(s->def->grids[g].table),
		    s->def->grids[g].link, s->def->grids[g].readonly);
	set_defaults(s);
	memset(s->top, 0, sizeof s->top);
	s->dirty = 0;
	s->area = -1;
	s->row = 0;
	s->field = next_editable(s->def->fields, s->def->nfields, -1, 1);
	if (s->field < 0)
		s->field = 0;
	begin_edit(s);
}

/* Opens the record with the given code.  Returns 0, or -1 if none. */
static int
open_record(struct screen *s, const char *text)
{
	struct doc	*d;
	const char	*why;
	char		*cause, *code = xstrdup(text);	/* text may be ours */
	int		 g, ret, keyf = -1, i;

	for (i = 0; i < s->t->nfields; i++)
		if (s->t->fields[i].flags & F_KEY) {
			keyf = i;
			break;
		}
	d = doc_new(s->t);
	for (g = 0; g < s->def->ngrids; g++)
		doc_add_grid(d, biz_table(s->def->grids[g].table),
		    s->def->grids[g].link, s->def->grids[g].readonly);
	if (record_parse(d->master, keyf, code, &why) != 0) {
		doc_free(d);
		ui_error("%s: %s", s->t->fields[keyf].label, why);
		free(code);
		return (-1);
	}
	ret = doc_load(ui.store, d, &cause);
	if (ret != 0) {
		if (ret != DB_NOTFOUND) {
			ui_error("%s", cause);
			free(cause);
		}
		doc_free(d);
		free(code);
		return (-1);
	}
	doc_free(s->doc);
	s->doc = d;
	memset(s->top, 0, sizeof s->top);
	s->dirty = 0;
	s->area = -1;
	s->row = 0;
	s->field = next_editable(s->def->fields, s->def->nfields, -1, 1);
	if (s->field < 0)
		s->field = 0;
	compute_all(s);
	begin_edit(s);
	ui_status("%s %s", s->t->label, code);
	free(code);
	return (0);
}

/* The key of the open record as text, for messages and Prev/Next. */
static char *
current_code(struct screen *s)
{
	struct buf	b = BUF_INIT;
	int		i;

	for (i = 0; i < s->t->nfields; i++)
		if (s->t->fields[i].flags & F_KEY) {
			record_format(s->doc->master, i, &b);
			break;
		}
	return (buf_take(&b));
}

/*
 * Opens the record before or after the open one in key order.  From a
 * record with no code yet, a new one, the record before is the last and
 * the one after is the first.
 */
static void
step_record(struct screen *s, int step)
{
	struct store_table	*t = store_table(ui.store, s->t->name);
	struct store_cursor	*c = store_cursor_open(t, NULL, NULL);
	struct record		*r = record_new(s->t);
	struct buf		 key = BUF_INIT, val = BUF_INIT;
	char			*code = current_code(s);
	int			 ret;

	if (*code == '\0')
		ret = step > 0 ? store_cursor_seek(c, NULL, r) :
		    store_cursor_last(c, r);
	else {
		record_primary_key(s->doc->master, &key);
		ret = store_cursor_seek(c, &key, r);
		if (step > 0 && ret == 0 && s->doc->stamp >= 0)
			ret = store_cursor_next(c, r);
		else if (step < 0)
			ret = ret == 0 ? store_cursor_prev(c, r) :
			    store_cursor_last(c, r);
	}
	store_cursor_close(c);
	free(code);
	if (ret == 0)
		open_record(s, record_format(r, 0, &val));
	else
		ui_status("no record %s this one", step > 0 ? "after" :
		    "before");
	record_free(r);
	buf_free(&key);
	buf_free(&val);
}

/* Required fields and balances, before a save. */
static int
check_document(struct screen *s)
{
	struct form_field	*f;
	struct expr_value	 a, b;
	struct eval_ctx		 e = { s, -1, 0 };
	char			 x[FIXED_BUFSIZE], y[FIXED_BUFSIZE];
	int			 i, g, row;

	for (i = 0; i < s->def->nfields; i++) {
		f = &s->def->fields[i];
		if ((f->flags & FF_REQUIRED) && f->stored &&
		    record_is_empty(s->doc->master, f->index) &&
		    is_editable(f)) {
			s->area = -1;
			s->field = i;
			ui_error("%s is required", f->label);
			return (-1);
		}
	}
	for (g = 0; g < s->def->ngrids; g++) {
		for (row = s->doc->grids[g].nrows - 1; row >= 0; row--)
			if (row_is_blank(s, g, row))
				doc_remove_row(s->doc, g, row);
		for (row = 0; row < s->doc->grids[g].nrows; row++)
			for (i = 0; i < s->def->grids[g].ncols; i++) {
				f = &s->def->grids[g].cols[i];
				if (!(f->flags & FF_REQUIRED) || !f->stored ||
				    !record_is_empty(
				    s->doc->grids[g].rows[row], f->index))
					continue;
				s->area = g;
				s->row = row;
				s->field = i;
				ui_error("line %d: %s is required", row + 1,
				    f->label);
				return (-1);
			}
	}
	if (s->def->balance[0] != NULL) {
		char *ga = xstrdup(s->def->balance[0]);
		char *gb = xstrdup(s->def->balance[1]);
		char *ca = strchr(ga, '.'), *cb = strchr(gb, '.');
		int ok;

		*ca++ = '\0';
		*cb++ = '\0';
		ok = env_sum(&e, ga, ca, &a) == 0 &&
		    env_sum(&e, gb, cb, &b) == 0;
		free(ga);
		free(gb);
		if (ok && (a.scale != b.scale || a.v != b.v)) {
			ui_error("not saved: debits %s and credits %s differ",
			    fixed_format((int64_t)a.v, a.scale, true, x),
			    fixed_format((int64_t)b.v, b.scale, true, y));
			return (-1);
		}
	}
	return (0);
}

static void
save(struct screen *s)
{
	char	*cause, *code;

	if (check_document(s) != 0) {
		begin_edit(s);
		return;
	}
	if (doc_save(ui.store, s->doc, ui.user, &cause) != 0) {
		ui_error("%s", cause);
		free(cause);
		begin_edit(s);
		return;
	}
	code = current_code(s);
	open_record(s, code);
	ui_status("%s %s saved", s->t->label, code);
	free(code);
}

static void
delete(struct screen *s)
{
	char	*cause, *code;

	if (s->doc->stamp < 0) {
		ui_error("nothing to delete: this %s is not saved yet",
		    s->t->label);
		return;
	}
	code = current_code(s);
	{
		char *q = xasprintf("Delete %s %s?", s->t->label, code);

		if (!ui_confirm(q)) {
			free(q);
			free(code);
			return;
		}
		free(q);
	}
	if (doc_delete(ui.store, s->doc, &cause) != 0) {
		ui_error("%s", cause);
		free(cause);
	} else {
		new_document(s);
		ui_status("%s %s deleted", s->t->label, code);
	}
	free(code);
}

static void
lookup(struct screen *s)
{
	struct form_field	*f = field_def(s, s->area, s->field);
	const char		*table = f->lookup;
	char			*code;

	if (table == NULL && s->area < 0 && f->stored &&
	    (s->t->fields[f->index].flags & F_KEY))
		table = s->t->name;
	if (table == NULL) {
		ui_error("%s has no list to look up", f->label);
		return;
	}
	code = browse_pick(table, s->fresh && !edit_changed(s) ? NULL :
	    s->edit.data);
	if (code == NULL)
		return;
	if (table == s->t->name) {
		open_record(s, code);
		free(code);
		return;
	}
	buf_clear(&s->edit);
	buf_adds(&s->edit, code);
	s->cursor = s->edit.len;
	s->fresh = 0;
	free(code);
	if (commit_field(s) == 0) {
		move_focus(s, 1);
		begin_edit(s);
	}
}

/* Handles a key while a field has the focus. */
static void
edit_key(struct screen *s, struct ui_key *k)
{
	struct form_field	*f = field_def(s, s->area, s->field);
	char			 u[4];
	int			 n;

	if (k->ch != 0) {
		if (f->type == FORM_CHOICE && k->ch == ' ' &&
		    f->nchoices > 0) {
			int i;

			for (i = 0; i < f->nchoices; i++)
				if (strcmp(s->edit.data, f->choices[i]) == 0)
					break;
			buf_clear(&s->edit);
			buf_adds(&s->edit, f->choices[(i + 1) % f->nchoices]);
			s->cursor = s->edit.len;
			s->fresh = 0;
			return;
		}
		if (s->fresh) {
			buf_clear(&s->edit);
			s->cursor = 0;
			s->fresh = 0;
		}
		if ((n = utf8_encode((uint32_t)k->ch, u)) <= 0)
			return;
		if (s->edit.data == NULL)
			buf_reserve(&s->edit, 0);
		buf_reserve(&s->edit, (size_t)n);
		memmove(s->edit.data + s->cursor + n, s->edit.data + s->cursor,
		    s->edit.len - s->cursor + 1);
		memcpy(s->edit.data + s->cursor, u, (size_t)n);
		s->edit.len += (size_t)n;
		s->cursor += (size_t)n;
		return;
	}
	s->fresh = 0;
	switch (k->code) {
	case KEY_BACKSPACE:
		if (s->cursor == 0)
			return;
		n = 1;
		while (s->cursor - (size_t)n > 0 &&
		    (s->edit.data[s->cursor - n] & 0xc0) == 0x80)
			n++;
		memmove(s->edit.data + s->cursor - n, s->edit.data + s->cursor,
		    s->edit.len - s->cursor + 1);
		s->edit.len -= (size_t)n;
		s->cursor -= (size_t)n;
		break;
	case KEY_DC:
		if (s->cursor >= s->edit.len)
			return;
		n = 1;
		while (s->cursor + (size_t)n < s->edit.len &&
		    (s->edit.data[s->cursor + n] & 0xc0) == 0x80)
			n++;
		memmove(s->edit.data + s->cursor, s->edit.data + s->cursor + n,
		    s->edit.len - s->cursor - n + 1);
		s->edit.len -= (size_t)n;
		break;
	case KEY_LEFT:
		while (s->cursor > 0 &&
		    (s->edit.data[--s->cursor] & 0xc0) == 0x80)
			;
		break;
	case KEY_RIGHT:
		while (s->cursor < s->edit.len &&
		    (s->edit.data[++s->cursor] & 0xc0) == 0x80)
			;
		break;
	case KEY_HOME:
		s->cursor = 0;
		break;
	case KEY_END:
		s->cursor = s->edit.len;
		break;
	}
}

/* Leaves the field (commit) and moves as the key says. */
static void
navigate(struct screen *s, struct ui_key *k)
{
	int	ret = commit_field(s);

	if (ret < 0)
		return;
	if (ret == 0) {
		if (k->code == KEY_UP && s->area >= 0 && s->row > 0)
			s->row--;
		else if (k->code == KEY_DOWN && s->area >= 0) {
			if (!row_is_blank(s, s->area, s->row))
				s->row++;
		} else
			move_focus(s, k->code == KEY_BTAB ||
			    k->code == KEY_UP ? -1 : 1);
	}
	begin_edit(s);
}

/* Whether the text in the focused field differs from what is stored. */
static int
edit_changed(struct screen *s)
{
	struct buf	now = BUF_INIT;
	int		ret;

	field_text(s, s->area, s->row, field_def(s, s->area, s->field), &now);
	ret = strcmp(now.data, s->edit.data != NULL ? s->edit.data : "");
	buf_free(&now);
	return (ret != 0);
}

static int
leave(struct screen *s)
{
	if (!s->dirty && !edit_changed(s))
		return (1);
	return (ui_confirm("Leave without saving your changes?"));
}

static void
grid_line(struct screen *s, int insert)
{
	struct doc_grid	*g;
	struct record	*r;
	int		 i;

	if (s->area < 0) {
		ui_error("move to a grid line first");
		return;
	}
	if (s->def->grids[s->area].readonly) {
		ui_error("the %s lines are shown, not changed, here",
		    s->def->grids[s->area].title);
		return;
	}
	g = &s->doc->grids[s->area];
	if (!insert) {
		if (s->row < g->nrows)
			doc_remove_row(s->doc, s->area, s->row);
		if (s->row > 0 && s->row >= g->nrows)
			s->row--;
	} else if (s->row < g->nrows) {
		r = doc_add_row(s->doc, s->area);
		for (i = g->nrows - 1; i > s->row; i--)
			g->rows[i] = g->rows[i - 1];
		g->rows[s->row] = r;
	}
	s->dirty = 1;
	compute_all(s);
	begin_edit(s);
}

int
screen_run(struct form_def *def)
{
	struct screen	 s;
	struct ui_key	 k;
	char		*code;
	int		 done = 0;

	memset(&s, 0, sizeof s);
	s.def = def;
	s.t = biz_table(def->table);
	tab_screen = &s;
	new_document(&s);
	ui_status("F3 lists the %s records; F1 shows the keys", s.t->name);

	while (!done) {
		if (ui_too_small()) {
			ui_getkey(&k);	/* a new size; other keys wait */
			continue;
		}
		store_heal(ui.store);
		draw(&s);
		refresh();
		ui_getkey(&k);
		if (k.action != ACT_NONE && k.action != ACT_REDRAW &&
		    k.action != ACT_HELP)
			ui_status(NULL);
		switch (k.action) {
		case ACT_NONE:
			if (k.code == '\t' || k.code == '\n' ||
			    k.code == KEY_BTAB || k.code == KEY_UP ||
			    k.code == KEY_DOWN) {
				ui_status(NULL);
				navigate(&s, &k);
			} else
				edit_key(&s, &k);
			break;
		case ACT_HELP:
			ui_help(NULL);
			break;
		case ACT_REDRAW:
			clear();
			break;
		case ACT_CANCEL:
			if (leave(&s))
				done = 1;
			break;
		case ACT_LOOKUP:
			lookup(&s);
			break;
		case ACT_FIND:
			if (!leave(&s))
				break;
			code = browse_pick(s.t->name, NULL);
			if (code != NULL)
				open_record(&s, code);
			free(code);
			break;
		case ACT_NEW:
			if (leave(&s))
				new_document(&s);
			break;
		case ACT_SAVE:
			if (commit_field(&s) >= 0)
				save(&s);
			break;
		case ACT_DELETE:
			delete(&s);
			break;
		case ACT_PREV:
		case ACT_NEXT:
			if (leave(&s))
				step_record(&s, k.action == ACT_NEXT ? 1 : -1);
			break;
		case ACT_INSLINE:
		case ACT_DELLINE:
			if (commit_field(&s) >= 0)
				grid_line(&s, k.action == ACT_INSLINE);
			break;
		}
	}
	tab_screen = NULL;
	doc_free(s.doc);
	buf_free(&s.edit);
	return (0);
}
