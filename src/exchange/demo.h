/*
 * demo.h: the demo company, Northwind Traders, built from the files in
 * data/ as data/demo.load lists them.
 */
#ifndef KONTOR_DEMO_H
#define KONTOR_DEMO_H

/* Where kontor demo keeps its company without -d or KONTOR_HOME. */
char	*demo_dir(void);

/*
 * Builds the demo company in dir unless one is there already.  It is
 * built in a folder beside dir and renamed into place when complete, so
 * a build that fails or is killed leaves no half company.  Returns 1 if
 * built, 0 if it was there, -1 with *cause set.
 */
int	 demo_build(const char *dir, const char *share, char **cause);

/* Prints what the company holds. */
int	 demo_show(const char *dir, char **cause);

const char	*kontor_share(void);

#endif
