/*
 * app.h: the clerk's application: the main menu and what it opens.
 */
#ifndef KONTOR_APP_H
#define KONTOR_APP_H

struct store;

/*
 * Runs the screens on the open company until the clerk chooses Exit.
 * share is where forms/ and reports/ are.  Returns the exit status.
 */
int	app_run(struct store *, const char *share);

#endif
