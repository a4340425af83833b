/*
 * app.c: the main menu, grouped by office, and the report viewer.
 * The menu is ncurses' menu library; a group heading is an item that
 * cannot be selected.  Choose by arrows and Enter, by number, or by the
 * first letter of an entry (pressed again, the next entry with it).  The
 * menu library's own pattern search matches from the start of an item's
 * name, which here begins with its number, so letters are ours.
 */
#include <ctype.h>
#include <curses.h>
#include <menu.h>
#include <panel.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "form.h"
#include "outfile.h"
#include "report.h"
#include "rules.h"
#include "screen.h"
#include "store.h"
#include "ui.h"

enum entry_kind {
	E_HEADING,
	E_FORM,
	E_REPORT,
	E_REPORTS,	/* the list of every report */
	E_EXIT
};

struct entry {
	enum entry_kind	 kind;
	const char	*label;
	const char	*name;		/* form or report file name */
};

static const struct entry entries[] = {
	{ E_HEADING, "Back office", NULL },
	{ E_FORM, "Order entry", "order" },
	{ E_FORM, "Stock items", "item" },
	{ E_FORM, "Ledger journal entry", "journal" },
	{ E_HEADING, "Front office", NULL },
	{ E_FORM, "Customers and contacts", "customer" },
	{ E_HEADING, "Reports", NULL },
	{ E_REPORT, "Customer list", "customers" },
	{ E_REPORT, "Sales by customer", "sales-by-customer" },
	{ E_REPORTS, "All reports ...", NULL },
	{ E_HEADING, " ", NULL },
	{ E_EXIT, "Exit", NULL },
};
#define NENTRIES	((int)(sizeof entries / sizeof entries[0]))

/* Cells the pager moves sideways for each Left or Right. */
#define PAGER_STEP	20

/* Runs a form's screen; returns why it could not open (allocated). */
static char *
open_form(const struct entry *e)
{
	struct form_def	*d;
	char		*path, *cause;

	path = xasprintf("%s/forms/%s.form", ui.share, e->name);
	d = form_load(path, &cause);
	free(path);
	if (d == NULL)
		return (cause);
	screen_run(d);
	form_free(d);
	return (NULL);
}

/*
 * Asks for a line of text on the status line.  Returns it (allocated),
 * or NULL if the clerk pressed Esc.
 */
static char *
ask(const char *question, const char *start)
{
	struct ui_key	 k;
	struct buf	 b = BUF_INIT;
	char		 u[4];
	int		 n;

	buf_adds(&b, start != NULL ? start : "");
	for (;;) {
		ui_status("%s %s", question, b.data);
		move(LINES - 2, text_width(question) + 1 + text_width(b.data));
		refresh();
		ui_getkey(&k);
		if (k.action == ACT_CANCEL) {
			buf_free(&b);
			ui_status(NULL);
			return (NULL);
		}
		if (k.code == '\n')
			break;
		if (k.code == KEY_BACKSPACE && b.len > 0) {
			do {
				b.len--;
			} while (b.len > 0 && (b.data[b.len] & 0xc0) == 0x80);
			b.data[b.len] = '\0';
		} else if (k.ch != 0 && (n = utf8_encode((uint32_t)k.ch,
		    u)) > 0)
			buf_add(&b, u, (size_t)n);
	}
	ui_status(NULL);
	return (buf_take(&b));
}

/* Draws the parameter form: a line each, the current one's value bold. */
static void
draw_params(const struct report_def *d, struct buf *values, int cur,
    int labels)
{
	char	*label;
	int	 i;

	erase();
	ui_title(d->title);
	mvaddstr(2, 2, "Parameters (empty for all)");
	for (i = 0; i < d->nparams; i++) {
		label = xasprintf("%s (%s)", d->params[i].prompt,
		    schema_type_name(d->params[i].type));
		ui_put(stdscr, 4 + i, 2, label, labels, TEXT_LEFT);
		free(label);
		if (i == cur)
			attron(A_BOLD);
		ui_put(stdscr, 4 + i, 4 + labels, values[i].data,
		    COLS - 6 - labels, TEXT_LEFT);
		attroff(A_BOLD);
	}
	mvaddstr(5 + d->nparams, 2, "Enter: next, and on the last one run "
	    "the report  F5: run  Esc: back");
	ui_helpline();
	ui_status_redraw();
}

/*
 * Takes value i of the parameter form.  Returns 0, or -1 with the reason
 * on the status line.
 */
static int
take_param(struct report_def *d, struct buf *values, int i)
{
	char	*cause, *flag;
	size_t	 len;

	if (report_set_param(d, d->params[i].name, values[i].data,
	    &cause) == 0)
		return (0);
	/* The reason names the command line's --NAME; a clerk sees the
	 * prompt instead. */
	flag = xasprintf("--%s ", d->params[i].name);
	len = strlen(flag);
	if (strncmp(cause, flag, len) == 0)
		ui_error("%s %s", d->params[i].prompt, cause + len);
	else
		ui_error("%s", cause);
	free(flag);
	free(cause);
	return (-1);
}

/*
 * The report's parameters in one small form, a line each with its
 * default filled in.  Up, Down, Tab and Shift-Tab move between them;
 * the first key typed in a line replaces its value, Backspace edits it;
 * Enter goes to the next line and on the last runs the report, as F5
 * does anywhere.  A value the report refuses keeps the cursor on its
 * line with the reason on the status line.  Returns 0 when all are
 * taken, -1 if the clerk pressed Esc.
 */
static int
ask_params(struct report_def *d)
{
	struct ui_key	 k;
	struct buf	*values;
	char		 u[4];
	int		 i, n, cur = 0, fresh = 1, labels = 0, ret = 1;

	if (d->nparams == 0)
		return (0);
	values = xcalloc((size_t)d->nparams, sizeof *values);
	for (i = 0; i < d->nparams; i++) {
		buf_adds(&values[i], d->params[i].value != NULL ?
		    d->params[i].value : "");
		n = text_width(d->params[i].prompt) + 3 +
		    (int)strlen(schema_type_name(d->params[i].type));
		if (n > labels)
			labels = n;
	}
	if (labels > 40)
		labels = 40;
	ui_status(NULL);

	while (ret == 1) {
		draw_params(d, values, cur, labels);
		move(4 + cur, 4 + labels + text_width(values[cur].data));
		refresh();
		ui_getkey(&k);
		if (k.action == ACT_CANCEL)
			ret = -1;
		else if (k.action == ACT_HELP)
			ui_help("Type each value; Enter runs the report.");
		else if (k.action == ACT_SAVE) {
			for (i = 0; i < d->nparams; i++)
				if (take_param(d, values, i) != 0)
					break;
			if (i == d->nparams)
				ret = 0;
			else {
				cur = i;
				fresh = 1;
			}
		} else if (k.code == '\n' || k.code == '\t' ||
		    k.code == KEY_DOWN) {
			if (take_param(d, values, cur) != 0)
				continue;
			ui_status(NULL);
			if (cur + 1 < d->nparams)
				cur++;
			else if (k.code == '\n')
				ret = 0;
			fresh = 1;
		} else if (k.code == KEY_UP || k.code == KEY_BTAB) {
			if (cur > 0)
				cur--;
			fresh = 1;
		} else if (k.code == KEY_BACKSPACE) {
			fresh = 0;
			if (values[cur].len == 0)
				continue;
			do {
				values[cur].len--;
			} while (values[cur].len > 0 &&
			    (values[cur].data[values[cur].len] & 0xc0) ==
			    0x80);
			values[cur].data[values[cur].len] = '\0';
		} else if (k.ch != 0 && (n = utf8_encode((uint32_t)k.ch,
		    u)) > 0) {
			if (fresh)
				buf_clear(&values[cur]);
			fresh = 0;
			buf_add(&values[cur], u, (size_t)n);
		}
	}
	for (i = 0; i < d->nparams; i++)
		buf_free(&values[i]);
	free(values);
	ui_status(NULL);
	return (ret);
}

/* The line numbers at which pages start, for "go to page". */
static long
page_start(const long *pages, long npages, long page)
{
	if (page < 1)
		page = 1;
	if (page > npages)
		page = npages;
	return (npages > 0 ? pages[page - 1] : 0);
}

/* Prints the pages from page `from` on, through lp. */
static void
print_from(FILE *f, const long *starts, long nlines, long first,
    const char *title, int width)
{
	struct report_out	 o;
	char			*queue, *path, *cause, *line = NULL;
	const char		*def = getenv("PRINTER");
	size_t			 cap = 0;
	ssize_t			 len;
	FILE			*out;
	long			 i;
	int			 fd;

	queue = ask("Print on queue:", def != NULL ? def : "");
	if (queue == NULL || *queue == '\0') {
		free(queue);
		return;
	}
	path = xasprintf("%s/kontor-print-XXXXXX", getenv("TMPDIR") != NULL ?
	    getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(path)) < 0 || (out = fdopen(fd, "w")) == NULL) {
		ui_error("cannot make a temporary file %s", path);
		free(path);
		free(queue);
		return;
	}
	for (i = first; i < nlines; i++) {
		fseek(f, starts[i], SEEK_SET);
		if ((len = getline(&line, &cap, f)) < 0)
			break;
		fwrite(i == first && line[0] == '\f' ? line + 1 : line, 1,
		    (size_t)(i == first && line[0] == '\f' ? len - 1 : len),
		    out);
	}
	fclose(out);
	memset(&o, 0, sizeof o);
	o.queue = queue;
	o.width = width;
	if (report_print_file(path, &o, title, &cause) != 0) {
		ui_error("%s", cause);
		free(cause);
	} else
		ui_status("sent to %s", queue);
	unlink(path);
	free(path);
	free(queue);
	free(line);
}

/*
 * Draws a report line on screen line y from its cell left on.  A wide
 * character that the left edge cuts leaves its right half as a blank
 * cell; half a character is never drawn.
 */
static void
pager_put(int y, const char *s, int left)
{
	int	used;

	s += text_clip(s, left, &used);
	if (used < left && *s != '\0') {
		s += text_clip(s, 2, NULL);
		mvaddch(y, 0, ' ');
		ui_put(stdscr, y, 1, s, COLS - 1, TEXT_LEFT);
	} else
		ui_put(stdscr, y, 0, s, COLS, TEXT_LEFT);
}

/*
 * Shows a file of report pages: Up, Down and page keys scroll, Left and
 * Right move sideways over lines wider than the screen (Home goes back
 * to the first column, or if there already to the first line), / searches,
 * n finds the next match, g goes to a page, p prints from the page shown,
 * Esc leaves.  The pages are read from the file as they are shown.
 */
static void
pager(FILE *f, const char *title, int width)
{
	struct ui_key	 k;
	char		*line = NULL, *found = NULL, *answer;
	size_t		 cap = 0;
	long		*starts = NULL, *pages = NULL, nlines = 0, npages = 0;
	long		 top = 0, i, page;
	ssize_t		 len;
	int		 rows, done = 0, left = 0, widest = width;

	/* Where each line and page begins: any page is one seek away. */
	rewind(f);
	for (;;) {
		long at = ftell(f);

		if ((len = getline(&line, &cap, f)) < 0)
			break;
		starts = xreallocarray(starts, (size_t)nlines + 1,
		    sizeof *starts);
		if (nlines == 0 || line[0] == '\f') {
			pages = xreallocarray(pages, (size_t)npages + 1,
			    sizeof *pages);
			pages[npages++] = nlines;
		}
		starts[nlines++] = at;
		if (text_width(line) > widest)
			widest = text_width(line);
	}
	while (!done) {
		rows = LINES - 3;
		if (left > widest - COLS)
			left = widest > COLS ? widest - COLS : 0;
		erase();
		ui_title(title);
		for (i = 0; i < rows && top + i < nlines; i++) {
			fseek(f, starts[top + i], SEEK_SET);
			if ((len = getline(&line, &cap, f)) < 0)
				break;
			while (len > 0 && (line[len - 1] == '\n' ||
			    line[len - 1] == '\f'))
				line[--len] = '\0';
			pager_put(1 + (int)i, line[0] == '\f' ? line + 1 : line,
			    left);
		}
		for (page = npages; page > 1 && pages[page - 1] > top; page--)
			;
		if (left > 0)
			ui_status("Page %ld of %ld, columns %d to %d of %d.  "
			    "Home goes back to column 1.", page, npages,
			    left + 1, left + COLS < widest ? left + COLS :
			    widest, widest);
		else
			ui_status("Page %ld of %ld.  Arrows, PgUp/PgDn; / "
			    "search, n next, g page, p print; Esc leaves.",
			    page, npages);
		ui_helpline();
		refresh();
		ui_getkey(&k);
		if (k.action == ACT_CANCEL || k.code == '\n')
			done = 1;
		else if (k.action == ACT_REDRAW)
			clearok(curscr, TRUE);
		else if (k.code == KEY_RIGHT && left + COLS < widest)
			left = left + PAGER_STEP + COLS < widest ?
			    left + PAGER_STEP : widest - COLS;
		else if (k.code == KEY_LEFT)
			left = left > PAGER_STEP ? left - PAGER_STEP : 0;
		else if (k.code == KEY_HOME && left > 0)
			left = 0;
		else if (k.code == KEY_DOWN && top + rows < nlines)
			top++;
		else if (k.code == KEY_UP && top > 0)
			top--;
		else if (k.code == KEY_NPAGE || k.ch == ' ')
			top = top + rows < nlines ? top + rows : top;
		else if (k.code == KEY_PPAGE)
			top = top > rows ? top - rows : 0;
		else if (k.code == KEY_HOME)
			top = 0;
		else if (k.code == KEY_END)
			top = nlines > rows ? nlines - rows : 0;
		else if (k.ch == 'g') {
			answer = ask("Go to page:", NULL);
			if (answer != NULL && atol(answer) > 0)
				top = page_start(pages, npages, atol(answer));
			free(answer);
		} else if (k.ch == 'p' || k.action == ACT_SAVE)
			print_from(f, starts, nlines,
			    page_start(pages, npages, page), title, width);
		else if (k.ch == '/' || k.ch == 'n') {
			if (k.ch == '/' || found == NULL) {
				free(found);
				found = ask("Search for:", NULL);
			}
			if (found == NULL || *found == '\0')
				continue;
			for (i = top + 1; i < nlines; i++) {
				fseek(f, starts[i], SEEK_SET);
				if (getline(&line, &cap, f) > 0 &&
				    strstr(line, found) != NULL)
					break;
			}
			if (i < nlines)
				top = i;
			else
				ui_error("\"%s\" is not found below", found);
		}
	}
	free(found);
	free(line);
	free(starts);
	free(pages);
}

/* A report file of the reports folder, with its title. */
struct report_file {
	char	*name;		/* file name without .rpt */
	char	*title;
};

static int
report_file_cmp(const void *a, const void *b)
{
	const struct report_file	*x = a, *y = b;

	return (strcmp(x->title, y->title));
}

/*
 * Every report in the reports folder, sorted by title; a report whose
 * file cannot be read is listed with the reason, so that the operator
 * sees it.  Returns how many, with *files allocated.
 */
static int
report_files(struct report_file **files)
{
	struct report_def	 *d;
	char			**names, *dir, *path, *cause;
	int			  n, i;

	*files = NULL;
	dir = xasprintf("%s/reports", ui.share);
	if ((n = report_names(dir, &names)) <= 0) {
		free(dir);
		return (0);
	}
	*files = xreallocarray(NULL, (size_t)n, sizeof **files);
	for (i = 0; i < n; i++) {
		(*files)[i].name = names[i];
		path = xasprintf("%s/%s.rpt", dir, names[i]);
		if ((d = report_load(path, &cause)) != NULL) {
			(*files)[i].title = xstrdup(d->title);
			report_free(d);
		} else {
			(*files)[i].title = xasprintf("%s.rpt (broken: %s)",
			    names[i], cause);
			free(cause);
		}
		free(path);
	}
	free(names);
	free(dir);
	qsort(*files, (size_t)n, sizeof **files, report_file_cmp);
	return (n);
}

/*
 * The list of every report by title, in a window of the menu library:
 * arrows, PgUp and PgDn, or the first letter of a title; Enter chooses,
 * Esc goes back.  Returns the chosen report's name (allocated) or NULL.
 */
static char *
choose_report(void)
{
	struct report_file	*files;
	struct ui_key		 k;
	ITEM			**items;
	MENU			*menu = NULL;
	WINDOW			*win = NULL, *sub = NULL;
	char			*chosen = NULL;
	int			 n, i, j, width = 20, height, done = 0;

	if ((n = report_files(&files)) == 0) {
		ui_error("no reports in %s/reports", ui.share);
		return (NULL);
	}
	items = xcalloc((size_t)n + 1, sizeof *items);
	for (i = 0; i < n; i++) {
		items[i] = new_item(files[i].title, "");
		if (text_width(files[i].title) + 2 > width)
			width = text_width(files[i].title) + 2;
	}
	menu = new_menu(items);
	set_menu_mark(menu, "> ");
	menu_opts_off(menu, O_SHOWDESC);

	while (!done) {
		if (win == NULL) {
			erase();
			ui_title("Reports");
			ui_helpline();
			ui_status("Choose a report with the arrows and Enter, "
			    "or the first letter of its title.");
			refresh();
			height = n < LINES - 6 ? n : LINES - 6;
			if (width > COLS - 6)
				width = COLS - 6;
			win = newwin(height + 2, width + 2, 2, 2);
			sub = derwin(win, height, width, 1, 1);
			keypad(win, TRUE);
			box(win, 0, 0);
			set_menu_win(menu, win);
			set_menu_sub(menu, sub);
			set_menu_format(menu, height, 1);
			post_menu(menu);
		}
		wrefresh(win);
		ui_getkey(&k);
		if (k.action == ACT_CANCEL)
			done = 1;
		else if (k.action == ACT_REDRAW) {
			unpost_menu(menu);
			delwin(sub);
			delwin(win);
			win = NULL;
			clearok(curscr, TRUE);
		} else if (k.code == KEY_DOWN)
			menu_driver(menu, REQ_DOWN_ITEM);
		else if (k.code == KEY_UP)
			menu_driver(menu, REQ_UP_ITEM);
		else if (k.code == KEY_NPAGE)
			menu_driver(menu, REQ_SCR_DPAGE);
		else if (k.code == KEY_PPAGE)
			menu_driver(menu, REQ_SCR_UPAGE);
		else if (k.code == '\n') {
			chosen = xstrdup(files[item_index(current_item(
			    menu))].name);
			done = 1;
		} else if (k.ch != 0 && k.ch < 128) {
			i = item_index(current_item(menu));
			for (j = 1; j <= n; j++)
				if (tolower((unsigned char)files[(i + j) %
				    n].title[0]) == tolower((int)k.ch)) {
					set_current_item(menu,
					    items[(i + j) % n]);
					break;
				}
		}
	}
	if (win != NULL) {
		unpost_menu(menu);
		delwin(sub);
		delwin(win);
	}
	free_menu(menu);
	for (i = 0; i < n; i++) {
		free_item(items[i]);
		free(files[i].name);
		free(files[i].title);
	}
	free(items);
	free(files);
	ui_status(NULL);
	return (chosen);
}

/* Shows a report in the pager; returns what went wrong (allocated). */
static char *
open_report(const struct entry *e)
{
	struct report_def	*d;
	struct report_out	 o;
	char			*path, *cause = NULL, *tmp;
	FILE			*f;
	int			 fd;

	path = xasprintf("%s/reports/%s.rpt", ui.share, e->name);
	d = report_load(path, &cause);
	free(path);
	if (d == NULL)
		return (cause);
	if (ask_params(d) != 0) {
		report_free(d);
		return (NULL);
	}
	ui_status("Printing %s ...", d->title);
	refresh();
	tmp = xasprintf("%s/kontor-view-XXXXXX", getenv("TMPDIR") != NULL ?
	    getenv("TMPDIR") : "/tmp");
	memset(&o, 0, sizeof o);
	o.file = tmp;
	o.run_time = (long)time(NULL);
	if ((fd = mkstemp(tmp)) < 0)
		cause = xasprintf("cannot make a temporary file in %s", tmp);
	else if (close(fd), report_run(ui.store, d, &o, &cause) == 0 &&
	    (f = fopen(tmp, "r")) != NULL) {
		pager(f, d->title, d->width);
		fclose(f);
	}
	if (fd >= 0)
		unlink(tmp);
	free(tmp);
	report_free(d);
	return (cause);
}

/* The entry with number n (0 is Exit), or -1. */
static int
entry_by_number(int n)
{
	int	i, number = 0;

	for (i = 0; i < NENTRIES; i++) {
		if (entries[i].kind == E_HEADING)
			continue;
		if (entries[i].kind == E_EXIT ? n == 0 : ++number == n)
			return (i);
	}
	return (-1);
}

/* The next entry after from whose name starts with letter c, or -1. */
static int
entry_by_letter(int c, int from)
{
	int	i, k;

	for (k = 1; k <= NENTRIES; k++) {
		i = (from + k) % NENTRIES;
		if (entries[i].kind != E_HEADING &&
		    tolower((unsigned char)entries[i].label[0]) == tolower(c))
			return (i);
	}
	return (-1);
}

int
app_run(struct store *s, const char *share)
{
	ITEM		*items[NENTRIES + 1];
	MENU		*menu;
	WINDOW		*sub;
	struct ui_key	 k;
	char		 labels[NENTRIES][64], *notice = NULL;
	int		 i, n, number = 0, done = 0;

	ui.store = s;
	ui.share = share;
	ui.company = biz_setting(s, NULL, "name", store_dir(s));
	ui.user = xstrdup(biz_user());
	if (ui_start() != 0)
		return (1);

	for (i = 0; i < NENTRIES; i++) {
		if (entries[i].kind == E_HEADING)
			snprintf(labels[i], sizeof labels[i], "%s",
			    entries[i].label);
		else
			snprintf(labels[i], sizeof labels[i], "  %d %s",
			    entries[i].kind == E_EXIT ? 0 : ++number,
			    entries[i].label);
		items[i] = new_item(labels[i], "");
		if (entries[i].kind == E_HEADING)
			item_opts_off(items[i], O_SELECTABLE);
		set_item_userptr(items[i], (void *)&entries[i]);
	}
	items[NENTRIES] = NULL;
	menu = new_menu(items);
	set_menu_mark(menu, "> ");
	menu_opts_off(menu, O_SHOWDESC);
	set_menu_grey(menu, A_BOLD);
	set_current_item(menu, items[1]);

	sub = NULL;
	while (!done) {
		if (ui_too_small()) {
			ui_getkey(&k);
			continue;
		}
		erase();
		ui_title("Main menu");
		if (sub == NULL) {
			sub = derwin(stdscr, NENTRIES, 40, 2, 4);
			set_menu_win(menu, stdscr);
			set_menu_sub(menu, sub);
			post_menu(menu);
		}
		touchwin(stdscr);
		ui_helpline();
		if (notice != NULL)
			ui_error("%s", notice);
		else
			ui_status("Choose with the arrows and Enter, a number, "
			    "or the first letter of an entry.");
		free(notice);
		notice = NULL;
		pos_menu_cursor(menu);
		refresh();
		ui_getkey(&k);

		if (k.code == KEY_DOWN)
			menu_driver(menu, REQ_DOWN_ITEM);
		else if (k.code == KEY_UP)
			menu_driver(menu, REQ_UP_ITEM);
		else if (k.action == ACT_HELP)
			ui_help("Number keys choose an entry at once.");
		else if (k.action == ACT_REDRAW) {
			/*
			 * The sub-window is made again for the new size, and
			 * every cell of the terminal is drawn again.
			 */
			unpost_menu(menu);
			delwin(sub);
			sub = NULL;
			clearok(curscr, TRUE);
		} else if (k.action == ACT_CANCEL)
			done = ui_confirm("Leave kontor?");
		else if (k.ch >= '0' && k.ch <= '9') {
			n = entry_by_number((int)(k.ch - '0'));
			if (n >= 0) {
				set_current_item(menu, items[n]);
				k.code = '\n';
			}
		} else if (k.ch != 0 && k.ch < 128) {
			n = entry_by_letter((int)k.ch,
			    item_index(current_item(menu)));
			if (n >= 0)
				set_current_item(menu, items[n]);
		}

		if (k.code == '\n') {
			const struct entry *e =
			    item_userptr(current_item(menu));

			if (e->kind == E_EXIT)
				done = 1;
			else if (e->kind == E_REPORTS) {
				struct entry chosen = { E_REPORT, NULL, NULL };

				unpost_menu(menu);
				delwin(sub);
				sub = NULL;
				chosen.name = choose_report();
				if (chosen.name != NULL)
					notice = open_report(&chosen);
				free((char *)chosen.name);
			} else if (e->kind == E_FORM || e->kind == E_REPORT) {
				unpost_menu(menu);
				delwin(sub);
				sub = NULL;
				notice = e->kind == E_FORM ? open_form(e) :
				    open_report(e);
			}
		}
	}
	if (sub != NULL) {
		unpost_menu(menu);
		delwin(sub);
	}
	free_menu(menu);
	for (i = 0; i < NENTRIES; i++)
		free_item(items[i]);
	ui_end();
	free(ui.company);
	free(ui.user);
	return (0);
}
