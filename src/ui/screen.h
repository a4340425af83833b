/*
 * screen.h: the form runtime: one generic screen that runs any form
 * definition against the business layer.
 */
#ifndef KONTOR_SCREEN_H
#define KONTOR_SCREEN_H

#include "form.h"

/*
 * Runs the screen of form d until the clerk leaves it.  Returns 0, or 1
 * if the terminal was resized below 80x24 meanwhile.
 */
int	screen_run(struct form_def *d);

#endif
