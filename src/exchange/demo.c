/*
 * demo.c: building the demo company (see demo.h).  What it holds is
 * data, in data/demo.load: each line is one step, as the command line
 * would give it, with its file relative to data/: `load TABLE FILE
 * [options]` (kontor load), `post FILE` (kontor ledger post) or
 * `close-year YEAR` (kontor ledger close-year).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "demo.h"
#include "ledger.h"
#include "load.h"
#include "post.h"
#include "store.h"
#include "tables.h"
#include "words.h"


char *
demo_dir(void)
{
	const char	*data = getenv("XDG_DATA_HOME");
	const char	*home = getenv("HOME");

	if (data != NULL && *data != '\0')
		return (xasprintf("%s/kontor/demo", data));
	return (xasprintf("%s/.local/share/kontor/demo",
	    home != NULL ? home : "."));
}

/* Who the demo company's entries are posted by. */
#define DEMO_USER	"kontor demo"

/* One line of the manifest, split into words: one command. */
static int
run_step(struct store *s, const char *share, int argc, char **argv,
    char **cause)
{
	struct load_opts	 o;
	char			*file, *why = NULL;
	long			 n;
	int64_t			 entry;
	int			 k, ret;

	if (argc == 2 && strcmp(argv[0], "close-year") == 0)
		return (ledger_close_year(s, atoi(argv[1]), DEMO_USER, &entry,
		    cause));
	if (argc < 2 || (strcmp(argv[0], "post") == 0 && argc != 2) ||
	    (strcmp(argv[0], "post") != 0 && (strcmp(argv[0], "load") != 0 ||
	    argc < 3))) {
		*cause = xstrdup("expected load TABLE FILE [options], post "
		    "FILE or close-year YEAR");
		return (-1);
	}
	file = xasprintf("%s/data/%s", share, argv[argc == 2 ? 1 : 2]);
	if (strcmp(argv[0], "post") == 0) {
		ret = post_file(s, file, NULL, DEMO_USER, &n, cause);
		free(file);
		return (ret);
	}
	memset(&o, 0, sizeof o);
	k = load_parse_options(&o, argc - 3, argv + 3, &why);
	if (k != argc - 3) {
		*cause = k < 0 ? why : xasprintf("%s: not an option of load",
		    argv[3 + k]);
		ret = -1;
	} else {
		o.table = argv[1];
		o.file = file;
		ret = load_file(s, &o, &n, cause);
	}
	load_free_options(&o);
	free(file);
	return (ret);
}

static int
run_manifest(struct store *s, const char *share, char **cause)
{
	struct words	 ws = { NULL, NULL, 0, 0 };
	FILE		*f;
	char		*path, *line = NULL, *why;
	const char	*bad;
	size_t		 cap = 0;
	long		 lineno = 0;
	int		 ret = 0;

	path = xasprintf("%s/data/demo.load", share);
	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("cannot read %s: %s", path,
		    strerror(errno));
		free(path);
		return (-1);
	}
	while (ret == 0 && getline(&line, &cap, f) >= 0) {
		lineno++;
		if (words_split(&ws, line, &bad) != 0) {
			*cause = xasprintf("%s:%ld: %s", path, lineno, bad);
			ret = -1;
		} else if (ws.n > 0 && (ret = run_step(s, share, ws.n, ws.w,
		    &why)) != 0) {
			*cause = xasprintf("%s:%ld: %s", path, lineno, why);
			free(why);
		}
	}
	free(line);
	words_free(&ws);
	fclose(f);
	free(path);
	return (ret);
}

/* Removes a failed build: a folder of plain files, then the folder. */
static void
remove_dir(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		*path;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
	rmdir(dir);
}

/* mkdir -p of the folder that will hold dir. */
static int
make_parents(const char *dir)
{
	char	*p = xstrdup(dir), *slash;
	int	 ret = 0;

	for (slash = strchr(p + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(p, 0775) != 0 && errno != EEXIST)
			ret = -1;
		*slash = '/';
	}
	free(p);
	return (ret);
}

int
demo_build(const char *dir, const char *share, char **cause)
{
	struct store	*s;
	struct stat	 sb;
	char		*tmp, *marker;
	int		 ret;

	marker = xasprintf("%s/%s.db", dir, biz_tables[0].name);
	ret = stat(marker, &sb);
	free(marker);
	if (ret == 0)
		return (0);

	if (make_parents(dir) != 0) {
		*cause = xasprintf("cannot make the folders above %s: %s",
		    dir, strerror(errno));
		return (-1);
	}
	tmp = xasprintf("%s.building-%ld", dir, (long)getpid());
	s = store_open(tmp, biz_tables, biz_ntables, 1, cause);
	if (s == NULL) {
		free(tmp);
		return (-1);
	}
	ret = run_manifest(s, share, cause);
	store_close(s);
	if (ret == 0 && rename(tmp, dir) != 0) {
		*cause = xasprintf("cannot move the demo company to %s: %s",
		    dir, strerror(errno));
		ret = -1;
	}
	if (ret != 0)
		remove_dir(tmp);
	free(tmp);
	return (ret == 0 ? 1 : -1);
}

int
demo_show(const char *dir, char **cause)
{
	struct store		*s;
	struct store_cursor	*c;
	long			 n;
	int			 i, ret;

	s = store_open(dir, biz_tables, biz_ntables, 0, cause);
	if (s == NULL)
		return (-1);
	printf("The demo company is in %s and holds:\n", dir);
	for (i = 0; i < store_ntables(s); i++) {
		c = store_cursor_open(store_table_at(s, i), NULL, NULL);
		n = 0;
		for (ret = store_cursor_seek(c, NULL, NULL); ret == 0;
		    ret = store_cursor_next(c, NULL))
			n++;
		store_cursor_close(c);
		printf("  %-12s %7ld\n", store_table_at(s, i)->def->name, n);
	}
	printf("Try: %s -d %s report sales-by-customer\n",
	    program_invocation_name, dir);
	store_close(s);
	return (0);
}
