/*
 * browse.c: the browse list and lookup popup (see browse.h).
 *
 * The list never reads the whole table.  It remembers its first line as
 * an index entry (key and primary key) and, for each key press, opens a
 * cursor there, reads one screenful and closes it again, so that no lock
 * is held while the clerk reads or thinks, and the time to draw does not
 * grow with the table.  Searching seeks the index to what was typed.
 *
 * Tab steps through the orders a clerk can search in: code, then each of
 * the table's indices that begins with a text or code field (a
 * customer's name, an account's Chinese name, an order's customer).
 */
#include <ctype.h>
#include <curses.h>
#include <panel.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "browse.h"
#include "fixed.h"
#include "store.h"
#include "tables.h"
#include "ui.h"

#define MAXCOLS		4
#define MAXORDERS	8

struct browse {
	struct store_table	*t;
	struct store_index	*ix;		/* NULL: code order */
	struct store_index	*orders[MAXORDERS];	/* NULL is code */
	int			 norders;
	int			 order;		/* the one in use */
	int			 cols[MAXCOLS];
	int			 widths[MAXCOLS];
	int			 ncols;
	int			 width;		/* of the window */
	struct buf		 top_key;	/* first line shown */
	struct buf		 top_pkey;
	struct buf		 search;	/* what the clerk typed */
	int			 sel;		/* selected line */
	int			 nomatch;	/* the search found nothing */
	int			 rows;		/* lines in the list */
	struct buf		*pkeys;		/* primary key of each line */
	int			 shown;
	WINDOW			*win;
	PANEL			*panel;
};

/*
 * Columns: the code, the field the list is ordered by, then the first
 * text fields that fit.
 */
static void
choose_columns(struct browse *b, int width)
{
	const struct table_def	*t = b->t->def;
	int			 i, k, left = width - 2, order = -1;

	if (b->ix != NULL)
		order = b->ix->which[0];
	b->ncols = 0;
	for (k = 0; k < 2 + t->nfields && b->ncols < MAXCOLS; k++) {
		const struct field_def *f;
		int w;

		/* 0: the key; 1: the order's field; then all in turn. */
		i = k == 0 ? 0 : k == 1 ? order : k - 2;
		if (i < 0 || (k >= 2 && (i == 0 || i == order)))
			continue;
		f = &t->fields[i];
		if (f->id >= 90)
			continue;	/* the change stamp */
		if (k == 0 || (k == 1 && f->type == FT_CODE))
			w = f->type == FT_TEXT ? 20 : 10;
		else if (f->type == FT_TEXT)
			w = b->ncols == 1 ? 32 : 16;
		else
			continue;
		if (w + 1 > left)
			w = left - 1;
		if (w < 4)
			break;
		b->cols[b->ncols] = i;
		b->widths[b->ncols++] = w;
		left -= w + 1;
	}
}

/* The seek key for what was typed, in the current order. */
static void
search_key(struct browse *b, struct buf *key)
{
	const char	*s = b->search.data != NULL ? b->search.data : "";
	size_t		 i;

	buf_clear(key);
	if (b->ix != NULL && (b->ix->def->flags & IX_FOLD)) {
		for (i = 0; s[i] != '\0'; i++)
			buf_addc(key, (char)tolower((unsigned char)s[i]));
	} else if (b->ix == NULL &&
	    field_is_number(&b->t->def->fields[0])) {
		/*
		 * Digits typed are the start of a number: "1107" looks for
		 * 11070 in a table whose numbers run to 11079, that is, the
		 * typed number times the largest power of ten that stays
		 * within the last number in the table.
		 */
		struct store_cursor	*c;
		struct record		*r = record_new(b->t->def);
		const char		*why;
		int64_t			 n, last = 0;

		c = store_cursor_open(b->t, NULL, NULL);
		if (store_cursor_last(c, r) == 0)
			last = record_num(r, 0);
		store_cursor_close(c);
		if (fixed_parse(s, 0, &n, &why) == 0 && n > 0) {
			while (n <= last / 10)
				n *= 10;
			record_set_num(r, 0, n);
			record_primary_key(r, key);
		}
		record_free(r);
	} else {
		for (i = 0; s[i] != '\0'; i++)
			buf_addc(key, (char)toupper((unsigned char)s[i]));
	}
}

/* Sets the first line to the entry c is on, or to the start. */
static void
set_top(struct browse *b, struct store_cursor *c, int ok)
{
	const void	*k;
	size_t		 len;

	buf_clear(&b->top_key);
	buf_clear(&b->top_pkey);
	if (!ok)
		return;
	k = store_cursor_key(c, &len);
	buf_add(&b->top_key, k, len);
	k = store_cursor_pkey(c, &len);
	buf_add(&b->top_pkey, k, len);
}

/*
 * Moves the first line by n entries (negative: back), as far as the list
 * goes; returns how far it moved.
 */
static int
browse_scroll(struct browse *b, int n)
{
	struct store_cursor	*c = store_cursor_open(b->t, b->ix, NULL);
	int			 ret, moved = 0;

	ret = store_cursor_seek_entry(c, &b->top_key, &b->top_pkey, NULL);
	if (ret == DB_NOTFOUND && n < 0)
		ret = store_cursor_last(c, NULL);
	while (ret == 0 && moved != n) {
		int r2 = n > 0 ? store_cursor_next(c, NULL) :
		    store_cursor_prev(c, NULL);

		if (r2 != 0)
			break;
		moved += n > 0 ? 1 : -1;
	}
	if (ret == 0)
		set_top(b, c, 1);
	store_cursor_close(c);
	return (moved);
}

static void
draw(struct browse *b)
{
	struct store_cursor	*c;
	struct record		*r = record_new(b->t->def);
	struct buf		 val = BUF_INIT;
	const void		*pk;
	size_t			 len;
	int			 ret, line, k, x;

	werase(b->win);
	box(b->win, 0, 0);
	{
		const char *by = b->ix == NULL ? "code" :
		    strcmp(b->ix->def->name, "by-name") == 0 ? "name" :
		    b->t->def->fields[b->ix->which[0]].label;
		char *title = xasprintf(" %s by %c%s%s%s ", b->t->def->name,
		    by[0] >= 'A' && by[0] <= 'Z' ? by[0] - 'A' + 'a' : by[0],
		    by + 1,
		    b->search.len > 0 ? ": " : "",
		    b->search.len > 0 ? b->search.data : "");

		ui_put(b->win, 0, 2, title, text_width(title), TEXT_LEFT);
		free(title);
	}
	x = 1;
	wattron(b->win, A_BOLD);
	for (k = 0; k < b->ncols; k++) {
		ui_put(b->win, 1, x, b->t->def->fields[b->cols[k]].label,
		    b->widths[k], TEXT_LEFT);
		x += b->widths[k] + 1;
	}
	wattroff(b->win, A_BOLD);

	c = store_cursor_open(b->t, b->ix, NULL);
	ret = store_cursor_seek_entry(c, &b->top_key, &b->top_pkey, r);
	for (line = 0; ret == 0 && line < b->rows; line++) {
		pk = store_cursor_pkey(c, &len);
		buf_clear(&b->pkeys[line]);
		buf_add(&b->pkeys[line], pk, len);
		if (line == b->sel && !b->nomatch)
			wattron(b->win, A_REVERSE);
		x = 1;
		for (k = 0; k < b->ncols; k++) {
			buf_clear(&val);
			ui_put(b->win, 2 + line, x,
			    record_format(r, b->cols[k], &val), b->widths[k],
			    TEXT_LEFT);
			x += b->widths[k] + 1;
		}
		wattroff(b->win, A_REVERSE);
		ret = store_cursor_next(c, r);
	}
	b->shown = line;
	if (b->sel >= b->shown)
		b->sel = b->shown > 0 ? b->shown - 1 : 0;
	store_cursor_close(c);
	record_free(r);
	buf_free(&val);
	ui_put(b->win, b->rows + 2, 2, "Enter choose  Tab order  Esc cancel",
	    36, TEXT_LEFT);
	update_panels();
	doupdate();
}

/* Whether the entry c is on begins with what was typed. */
static int
begins_with(struct browse *b, struct store_cursor *c)
{
	struct record	*r = record_new(b->t->def);
	struct buf	 val = BUF_INIT;
	const char	*text, *typed = b->search.data;
	int		 i = 0, ret;
	size_t		 n = strlen(typed);

	if (b->ix != NULL)
		i = b->ix->which[0];
	store_cursor_seek_entry(c, &b->top_key, &b->top_pkey, r);
	text = record_format(r, i, &val);
	ret = b->ix != NULL || !field_is_number(&b->t->def->fields[0]) ?
	    strncasecmp(text, typed, n) == 0 : strncmp(text, typed, n) == 0;
	record_free(r);
	buf_free(&val);
	return (ret);
}

static void
search(struct browse *b)
{
	struct store_cursor	*c = store_cursor_open(b->t, b->ix, NULL);
	struct buf		 key = BUF_INIT;
	int			 ret, past;

	search_key(b, &key);
	ret = store_cursor_seek(c, &key, NULL);
	past = ret != 0;
	if (past)
		ret = store_cursor_last(c, NULL);
	if (ret == 0)
		set_top(b, c, 1);
	b->sel = 0;
	b->nomatch = ret != 0 || !begins_with(b, c);
	if (b->nomatch)
		ui_error("no %s begins with \"%s\"", b->t->def->label,
		    b->search.data);
	else
		ui_status(NULL);
	store_cursor_close(c);
	buf_free(&key);

	/* After the last entry: the last screenful, at its last line. */
	if (past && ret == 0)
		b->sel = -browse_scroll(b, -(b->rows - 1));
}

/* The code of the selected line (allocated), or NULL. */
static char *
chosen(struct browse *b)
{
	struct record	*r;
	struct buf	 val = BUF_INIT;
	char		*code = NULL;

	if (b->sel >= b->shown || b->nomatch)
		return (NULL);
	r = record_new(b->t->def);
	if (store_get(b->t, NULL, &b->pkeys[b->sel], r, 0) == 0)
		code = xstrdup(record_format(r, 0, &val));
	record_free(r);
	buf_free(&val);
	return (code);
}

/* Makes the popup window for the current terminal size. */
static void
make_window(struct browse *b)
{
	int	width, height, i;

	width = COLS - 4 > 76 ? 76 : COLS - 4;
	height = LINES - 4;
	for (i = 0; i < b->rows; i++)
		buf_free(&b->pkeys[i]);
	free(b->pkeys);
	b->rows = height - 3;
	b->pkeys = xcalloc((size_t)b->rows, sizeof *b->pkeys);
	b->width = width;
	choose_columns(b, width);
	if (b->panel != NULL)
		del_panel(b->panel);
	if (b->win != NULL)
		delwin(b->win);
	b->win = newwin(height, width, 2, (COLS - width) / 2);
	keypad(b->win, TRUE);
	b->panel = new_panel(b->win);
	if (b->sel >= b->rows)
		b->sel = b->rows - 1;
}

/* Moves the selection as a cursor key says. */
static void
move_selection(struct browse *b, int code)
{
	b->nomatch = 0;
	switch (code) {
	case KEY_DOWN:
		if (b->sel + 1 < b->shown)
			b->sel++;
		else if (b->shown == b->rows)
			browse_scroll(b, 1);
		break;
	case KEY_UP:
		if (b->sel > 0)
			b->sel--;
		else
			browse_scroll(b, -1);
		break;
	case KEY_NPAGE:
		if (b->shown == b->rows)
			browse_scroll(b, b->rows);
		else
			b->sel = b->shown - 1;
		break;
	case KEY_PPAGE:
		browse_scroll(b, -b->rows);
		break;
	case KEY_HOME:
		buf_clear(&b->top_key);
		buf_clear(&b->top_pkey);
		b->sel = 0;
		break;
	}
}

/*
 * The orders Tab steps through: code, then every index whose first field
 * a clerk can type (text or a code); the first with "by-name" in its name
 * comes first, since a clerk looks for a name more often than a code.
 */
static void
choose_orders(struct browse *b)
{
	const struct table_def	*t = b->t->def;
	int			 i, type;

	b->norders = 0;
	b->orders[b->norders++] = NULL;
	for (i = 0; i < t->nindexes && b->norders < MAXORDERS; i++) {
		type = t->fields[b->t->indexes[i].which[0]].type;
		if (type == FT_TEXT || type == FT_CODE)
			b->orders[b->norders++] = &b->t->indexes[i];
	}
	b->order = 0;
	for (i = 1; i < b->norders; i++)
		if (strcmp(b->orders[i]->def->name, "by-name") == 0)
			b->order = i;
	b->ix = b->orders[b->order];
}

char *
browse_pick(const char *table, const char *start)
{
	struct browse	 b;
	struct ui_key	 k;
	char		*code = NULL, u[4];
	int		 i, n, done = 0;

	memset(&b, 0, sizeof b);
	b.t = store_table(ui.store, table);
	choose_orders(&b);
	make_window(&b);
	/*
	 * The field's text starts the search.  If nothing begins with it,
	 * the message says so and the list opens where it would stand,
	 * with the nearest entry chosen, as if nothing had been typed.
	 */
	if (start != NULL && *start != '\0') {
		buf_adds(&b.search, start);
		search(&b);
		if (b.nomatch) {
			buf_clear(&b.search);
			b.nomatch = 0;
		}
	}

	while (!done) {
		draw(&b);
		ui_getkey(&k);
		if (k.action == ACT_CANCEL)
			break;
		if (k.action == ACT_REDRAW) {
			/* A new terminal size: the list is made again. */
			clear();
			refresh();
			make_window(&b);
			continue;
		}
		if (k.action == ACT_HELP) {
			ui_help("Type to search; Tab switches the order: "
			    "code, name and the table's other orders.");
			continue;
		}
		switch (k.code) {
		case '\n':
			code = chosen(&b);
			done = code != NULL;
			break;
		case '\t':
			b.order = (b.order + 1) % b.norders;
			b.ix = b.orders[b.order];
			choose_columns(&b, b.width);
			buf_clear(&b.top_key);
			buf_clear(&b.top_pkey);
			b.sel = 0;
			if (b.search.len > 0)
				search(&b);
			break;
		case KEY_DOWN:
		case KEY_UP:
		case KEY_NPAGE:
		case KEY_PPAGE:
		case KEY_HOME:
			move_selection(&b, k.code);
			break;
		case KEY_BACKSPACE:
			if (b.search.len == 0)
				break;
			do {
				b.search.len--;
			} while (b.search.len > 0 &&
			    (b.search.data[b.search.len] & 0xc0) == 0x80);
			b.search.data[b.search.len] = '\0';
			search(&b);
			break;
		default:
			if (k.ch != 0 && (n = utf8_encode((uint32_t)k.ch,
			    u)) > 0) {
				buf_add(&b.search, u, (size_t)n);
				search(&b);
			}
		}
	}
	del_panel(b.panel);
	delwin(b.win);
	for (i = 0; i < b.rows; i++)
		buf_free(&b.pkeys[i]);
	free(b.pkeys);
	buf_free(&b.top_key);
	buf_free(&b.top_pkey);
	buf_free(&b.search);
	touchwin(stdscr);
	ui_status(NULL);	/* what the search said is the list's */
	return (code);
}
