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
#include <pwd.h>
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
	{ E_HEADING, " ", NULL },
	{ E_EXIT, "Exit", NULL },
};
#define NENTRIES	((int)(sizeof entries / sizeof entries[0]))

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
 * Shows a file of report pages: arrows and page keys scroll, Esc
 * leaves.  The pages are read from the file as they are shown.
 */
static void
pager(FILE *f, const char *title)
{
	struct ui_key	 k;
	char		*line = NULL;
	size_t		 cap = 0;
	long		*starts = NULL, nlines = 0, top = 0, i;
	ssize_t		 len;
	int		 rows, done = 0;

	/* Where each line begins, so that any page is one seek away. */
	rewind(f);
	for (;;) {
		long at = ftell(f);

		if ((len = getline(&line, &cap, f)) < 0)
			break;
		starts = xreallocarray(starts, (size_t)nlines + 1,
		    sizeof *starts);
		starts[nlines++] = at;
	}
	while (!done) {
		rows = LINES - 3;
		erase();
		ui_title(title);
		for (i = 0; i < rows && top + i < nlines; i++) {
			fseek(f, starts[top + i], SEEK_SET);
			if ((len = getline(&line, &cap, f)) < 0)
				break;
			while (len > 0 && (line[len - 1] == '\n' ||
			    line[len - 1] == '\f'))
				line[--len] = '\0';
			ui_put(stdscr, 1 + (int)i, 0, line[0] == '\f' ?
			    line + 1 : line, COLS, TEXT_LEFT);
		}
		ui_status("Lines %ld-%ld of %ld.  Arrows and PgUp/PgDn "
		    "scroll; Esc leaves.", nlines ? top + 1 : 0,
		    top + rows < nlines ? top + rows : nlines, nlines);
		ui_helpline();
		refresh();
		ui_getkey(&k);
		if (k.action == ACT_CANCEL || k.code == '\n')
			done = 1;
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
	}
	free(line);
	free(starts);
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
		pager(f, d->title);
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
	struct passwd	*pw;
	char		 labels[NENTRIES][64], *notice = NULL;
	int		 i, n, number = 0, done = 0;

	ui.store = s;
	ui.share = share;
	ui.company = biz_setting(s, NULL, "name", store_dir(s));
	pw = getpwuid(getuid());
	ui.user = xstrdup(getenv("USER") != NULL ? getenv("USER") :
	    pw != NULL ? pw->pw_name : "clerk");
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
			/* The sub-window is made again for the new size. */
			unpost_menu(menu);
			delwin(sub);
			sub = NULL;
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
			else if (e->kind == E_FORM || e->kind == E_REPORT) {
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
