/*
 * ui.c: curses start and end, the key map, and the lines every screen
 * shares (see ui.h).
 */
#include <curses.h>
#include <panel.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"
#include "ui.h"

struct ui_context ui;

/*
 * Every action on an F-key and on a Ctrl key, for terminals that send no
 * F-keys; Esc then a digit is the F-key of that number (Esc 0 is F10).
 */
const struct ui_keymap ui_keys[] = {
	{ ACT_HELP, 1, 'G', "Help" },
	{ ACT_LOOKUP, 2, 'O', "Look" },
	{ ACT_FIND, 3, 'F', "Find" },
	{ ACT_NEW, 4, 'A', "New" },
	{ ACT_SAVE, 5, 'S', "Save" },
	{ ACT_DELETE, 6, 'D', "Del" },
	{ ACT_PREV, 7, 'P', "Prev" },
	{ ACT_NEXT, 8, 'N', "Next" },
	{ ACT_INSLINE, 9, 'R', "+Ln" },
	{ ACT_DELLINE, 10, 'Y', "-Ln" },
	{ ACT_CANCEL, 0, 'X', "Back" },
	{ ACT_NONE, 0, 0, NULL }
};

#define CTRL(c)	((c) & 0x1f)

int
ui_start(void)
{
	if (initscr() == NULL)
		return (-1);
	raw();			/* Ctrl-S, Ctrl-Y, Ctrl-O reach us */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/*
	 * How long a lone Esc waits for the rest of an F-key's sequence.
	 * Over a slow SSH link a sequence can arrive split; 150 ms covers
	 * most links without making Esc (Back) feel slow.  ncurses has
	 * read the ESCDELAY variable in initscr: an operator's setting
	 * stands.
	 */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(150);
	ui.colour = has_colors() && getenv("NO_COLOR") == NULL;
	if (ui.colour) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);	/* title, help */
		init_pair(2, COLOR_RED, -1);		/* errors */
		init_pair(3, COLOR_CYAN, -1);		/* labels */
	}
	curs_set(1);
	return (0);
}

void
ui_end(void)
{
	endwin();
}

static enum action
action_of_fkey(int n)
{
	int	i;

	for (i = 0; ui_keys[i].action != ACT_NONE; i++)
		if (ui_keys[i].fkey == n)
			return (ui_keys[i].action);
	return (ACT_NONE);
}

/*
 * get_wch waits for a key, so ERR means that a signal broke the wait or
 * that the terminal has gone: an SSH connection dropped while hangups
 * are ignored, or a terminal at its end.  Many in a row are the second,
 * and the process leaves rather than spin.  What was saved stays saved:
 * no transaction is open while kontor waits for a key.
 */
static int	ui_errors;	/* ERRs from get_wch in a row */

static void
ui_terminal_gone(void)
{
	if (++ui_errors < 100)
		return;
	endwin();
	if (ui.store != NULL)
		store_close(ui.store);
	fprintf(stderr, "kontor: the terminal is gone; leaving without "
	    "saving what was typed\n");
	exit(1);
}

/* Reads one key; returns -1 if none came (see ui_terminal_gone). */
static int
ui_readkey(struct ui_key *k)
{
	wint_t	c;
	int	ret, i;

	memset(k, 0, sizeof *k);
	ret = get_wch(&c);
	if (ret == ERR) {
		ui_terminal_gone();
		return (-1);
	}
	ui_errors = 0;
	if (ret == KEY_CODE_YES) {
		if (c >= KEY_F(1) && c <= KEY_F(10))
			k->action = action_of_fkey((int)(c - KEY_F(0)));
		else if (c == KEY_RESIZE)
			k->action = ACT_REDRAW;
		else
			k->code = (int)c;
		return (0);
	}

	if (c == 27) {
		/* Esc and a digit is an F-key; Esc alone cancels. */
		timeout(400);
		ret = get_wch(&c);
		timeout(-1);
		if (ret == OK && c >= '0' && c <= '9') {
			k->action = action_of_fkey(c == '0' ? 10 :
			    (int)(c - '0'));
			return (0);
		}
		/* Any other key typed after Esc is the next key, kept. */
		if (ret == OK)
			unget_wch((wchar_t)c);
		else if (ret == KEY_CODE_YES)
			ungetch((int)c);
		k->action = ACT_CANCEL;
		return (0);
	}
	for (i = 0; ui_keys[i].action != ACT_NONE; i++)
		if (ui_keys[i].ctrl != 0 &&
		    c == (wint_t)CTRL(ui_keys[i].ctrl)) {
			k->action = ui_keys[i].action;
			return (0);
		}
	if (c == CTRL('L')) {
		k->action = ACT_REDRAW;
		return (0);
	}
	if (c == '\r' || c == '\n')
		k->code = '\n';
	else if (c == '\t')
		k->code = '\t';
	else if (c == 127 || c == 8)
		k->code = KEY_BACKSPACE;
	else if (c < 32)
		k->code = (int)c;
	else
		k->ch = c;
	return (0);
}

static bool
ui_size_too_small(void)
{
	return (LINES < 24 || COLS < 80);
}

/*
 * Keys typed while the terminal is too small to show a screen are held
 * here and given out, in the order they came, once it is large enough
 * again: kontor throws no typed key away.
 */
static struct ui_key	*held;
static size_t		 held_first, held_len, held_size;

static void
ui_hold(const struct ui_key *k)
{
	if (held_first > 0 && held_len == held_size) {
		memmove(held, held + held_first,
		    (held_len - held_first) * sizeof *held);
		held_len -= held_first;
		held_first = 0;
	}
	if (held_len == held_size) {
		held_size = held_size == 0 ? 16 : held_size * 2;
		held = xreallocarray(held, held_size, sizeof *held);
	}
	held[held_len++] = *k;
}

/*
 * While the terminal is too small, the message says so, over a list or
 * a question too, and only a new size (or Ctrl-L) comes back, for the
 * caller to draw again; every other key is held.
 */
void
ui_getkey(struct ui_key *k)
{
	if (held_first < held_len && !ui_size_too_small()) {
		*k = held[held_first++];
		if (held_first == held_len)
			held_first = held_len = 0;
		return;
	}
	for (;;) {
		ui_too_small();
		if (ui_readkey(k) != 0 || k->action == ACT_REDRAW ||
		    !ui_size_too_small())
			return;
		ui_hold(k);
	}
}

void
ui_put(void *w, int y, int x, const char *s, int cells,
    enum text_align align)
{
	WINDOW		*win = w;
	struct buf	 b = BUF_INIT;
	wchar_t		*wide;
	const char	*p;
	uint32_t	 cp;
	int		 n, len = 0;

	text_pad(&b, s, cells, align, true);
	wide = xreallocarray(NULL, b.len + 1, sizeof *wide);
	for (p = b.data; p < b.data + b.len; p += n) {
		n = utf8_decode(p, (size_t)(b.data + b.len - p), &cp);
		if (n < 0) {
			cp = 0xFFFD;
			n = 1;
		}
		wide[len++] = (wchar_t)cp;
	}
	wide[len] = L'\0';
	mvwaddnwstr(win, y, x, wide, len);
	free(wide);
	buf_free(&b);
}

void
ui_title(const char *screen)
{
	char	 date[16], *right;
	time_t	 now = time(NULL);

	strftime(date, sizeof date, "%Y-%m-%d", localtime(&now));
	right = xasprintf("%s  %s ", ui.user, date);
	attrset(ui.colour ? COLOR_PAIR(1) : A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	{
		char *left = xasprintf(" %s | %s", ui.company, screen);

		ui_put(stdscr, 0, 0, left, COLS - text_width(right) - 1,
		    TEXT_LEFT);
		free(left);
	}
	ui_put(stdscr, 0, COLS - text_width(right), right, text_width(right),
	    TEXT_LEFT);
	attrset(A_NORMAL);
	free(right);
}

void
ui_helpline(void)
{
	struct buf	b = BUF_INIT;
	int		i;

	/* Packed as htop packs it, to fit 80 columns. */
	for (i = 0; ui_keys[i].action != ACT_NONE; i++) {
		if (ui_keys[i].fkey == 0)
			buf_printf(&b, "Esc%s", ui_keys[i].name);
		else
			buf_printf(&b, "F%d%s ", ui_keys[i].fkey,
			    ui_keys[i].name);
	}
	attrset(ui.colour ? COLOR_PAIR(1) : A_REVERSE);
	ui_put(stdscr, LINES - 1, 0, b.data, COLS, TEXT_LEFT);
	attrset(A_NORMAL);
	buf_free(&b);
}

/* The status message stays until the next one, across redraws. */
static char	*status_text;
static int	 status_is_error;

void
ui_status_redraw(void)
{
	if (status_is_error)
		attrset(ui.colour ? COLOR_PAIR(2) | A_BOLD : A_BOLD);
	ui_put(stdscr, LINES - 2, 0, status_text != NULL ? status_text : "",
	    COLS, TEXT_LEFT);
	attrset(A_NORMAL);
}

static void
status_line(int error, const char *fmt, va_list ap)
{
	free(status_text);
	status_text = fmt != NULL ? xvasprintf(fmt, ap) : NULL;
	status_is_error = error;
	ui_status_redraw();
	if (error)
		beep();
}

void
ui_status(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	status_line(0, fmt, ap);
	va_end(ap);
}

void
ui_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	status_line(1, fmt, ap);
	va_end(ap);
}

bool
ui_confirm(const char *question)
{
	struct ui_key	k;

	ui_status("%s (y/n)", question);
	move(LINES - 2, text_width(question) + 6 < COLS ?
	    text_width(question) + 6 : COLS - 1);
	refresh();
	for (;;) {
		ui_getkey(&k);
		if (k.ch == 'y' || k.ch == 'Y')
			break;
		if (k.ch == 'n' || k.ch == 'N' || k.action == ACT_CANCEL) {
			ui_status(NULL);
			return (false);
		}
	}
	ui_status(NULL);
	return (true);
}

bool
ui_too_small(void)
{
	if (!ui_size_too_small())
		return (false);
	erase();
	mvaddstr(0, 0, "kontor needs a terminal of at least 80x24.");
	if (held_len > held_first)
		mvprintw(2, 0, "%zu key%s typed meanwhile, kept for then.",
		    held_len - held_first, held_len - held_first > 1 ? "s" :
		    "");
	refresh();
	return (true);
}

void
ui_help(const char *screen_help)
{
	WINDOW		*w;
	PANEL		*p;
	struct ui_key	 k;
	char		*line;
	int		 i, y = 2;

	w = newwin(20, 60, (LINES - 20) / 2, (COLS - 60) / 2);
	p = new_panel(w);
	box(w, 0, 0);
	ui_put(w, 0, 2, " Keys ", 6, TEXT_LEFT);
	for (i = 0; ui_keys[i].action != ACT_NONE; i++, y++) {
		if (ui_keys[i].fkey != 0)
			line = xasprintf("F%-3d  or  Esc %d  or  Ctrl-%c   %s",
			    ui_keys[i].fkey, ui_keys[i].fkey % 10,
			    ui_keys[i].ctrl, ui_keys[i].name);
		else
			line = xasprintf("Esc   or  Ctrl-%c             %s",
			    ui_keys[i].ctrl, ui_keys[i].name);
		ui_put(w, y, 2, line, 56, TEXT_LEFT);
		free(line);
	}
	ui_put(w, y + 1, 2, "Tab, Enter: next field.  Shift-Tab: previous.",
	    56, TEXT_LEFT);
	if (screen_help != NULL)
		ui_put(w, y + 2, 2, screen_help, 56, TEXT_LEFT);
	ui_put(w, 18, 2, "Press any key.", 56, TEXT_LEFT);
	update_panels();
	doupdate();
	ui_getkey(&k);
	del_panel(p);
	delwin(w);
	touchwin(stdscr);
}
