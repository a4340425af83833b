/*
 * ui.h: what every screen shares: the one key map, the title, status and
 * help lines, and drawing UTF-8 text in display cells.
 *
 * Text inside kontor is UTF-8.  Curses is given wide characters
 * (wchar_t, which the C library holds as Unicode in every locale), and
 * the wide-character ncurses writes them to the terminal in the encoding
 * of the clerk's locale, UTF-8, GB18030 or another; keys typed come back
 * the same way.  So the terminal's encoding is the locale's business,
 * and no screen converts text itself.
 */
#ifndef KONTOR_UI_H
#define KONTOR_UI_H

#include <stdbool.h>
#include <wchar.h>

#include "text.h"

struct store;

/* The actions of the one key map (docs/keys.md). */
enum action {
	ACT_NONE,
	ACT_HELP,
	ACT_LOOKUP,
	ACT_FIND,
	ACT_NEW,
	ACT_SAVE,
	ACT_DELETE,
	ACT_PREV,
	ACT_NEXT,
	ACT_INSLINE,
	ACT_DELLINE,
	ACT_CANCEL,
	ACT_REDRAW
};

/* One key press: an action, a character to type, or a curses key. */
struct ui_key {
	enum action	 action;	/* ACT_NONE if not an action */
	wint_t		 ch;		/* a character, or 0 */
	int		 code;		/* KEY_UP ..., or 0 */
};

struct ui_context {
	struct store	*store;
	const char	*share;		/* forms/, reports/ */
	char		*company;
	char		*user;
	bool		 colour;
};

extern struct ui_context ui;

/* The key map: action, F-key, Ctrl key and what the help line says. */
struct ui_keymap {
	enum action	 action;
	int		 fkey;		/* 1 for F1 */
	int		 ctrl;		/* 'G' for Ctrl-G, or 0 */
	const char	*name;		/* "Save" */
};
extern const struct ui_keymap ui_keys[];

/* Starts and ends curses; ui_start returns -1 if the terminal won't do. */
int	 ui_start(void);
void	 ui_end(void);

/*
 * Reads the next key.  Keys typed ahead are kept by curses, in order;
 * those typed while the terminal is too small are kept until it is large
 * enough again, and meanwhile only a new size (ACT_REDRAW) comes back.
 */
void	 ui_getkey(struct ui_key *);

/* The title line, with the screen's title. */
void	 ui_title(const char *screen);
/* A message on the status line; NULL clears it. */
void	 ui_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	 ui_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	 ui_helpline(void);
/* Draws the last status message again, after the screen was erased. */
void	 ui_status_redraw(void);
/* Asks a yes/no question on the status line. */
bool	 ui_confirm(const char *question);
/* Too small a terminal: says so and returns true. */
bool	 ui_too_small(void);

/*
 * Draws s at (y, x) of win in exactly cells display cells, clipped
 * (marked) or padded as align says.
 */
void	 ui_put(void *win, int y, int x, const char *s, int cells,
	    enum text_align align);

/* Shows a help window with the key map until a key is pressed. */
void	 ui_help(const char *screen_help);

#endif
