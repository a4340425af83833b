/*
 * main.c: the kontor command line.  `kontor` alone opens the clerk's
 * screens; the subcommands are the operator's batch tools.  Each
 * subcommand is one entry in the table below.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config.h"

#include "app.h"
#include "check.h"
#include "demo.h"
#include "dump.h"
#include "journal.h"
#include "load.h"
#include "ledger.h"
#include "log.h"
#include "outfile.h"
#include "post.h"
#include "fixed.h"
#include "report.h"
#include "store.h"
#include "rules.h"
#include "tables.h"
#include "text.h"

struct cmd {
	const char	*name;
	const char	*usage;
	int		 (*run)(int, char **);
};

static const char	*opt_dir;	/* -d DIR */

static int
fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
fail(const char *fmt, ...)
{
	va_list	ap;

	fputs("kontor: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return (1);
}

/* The company directory: -d, then KONTOR_HOME. */
static const char *
company_dir(void)
{
	const char	*home = getenv("KONTOR_HOME");

	if (opt_dir != NULL)
		return (opt_dir);
	return (home != NULL && *home != '\0' ? home : NULL);
}

static struct store *
open_company(int create)
{
	struct store	*s;
	const char	*dir = company_dir();
	char		*cause;

	if (dir == NULL) {
		char *demo = demo_dir();

		if (access(demo, F_OK) == 0)
			fail("no company: give -d DIR or set KONTOR_HOME (the "
			    "demo company is kontor -d %s)", demo);
		else
			fail("no company: give -d DIR or set KONTOR_HOME "
			    "(kontor demo makes the demo company)");
		free(demo);
		return (NULL);
	}
	s = store_open(dir, biz_tables, biz_ntables, create, &cause);
	if (s == NULL) {
		fail("%s", cause);
		free(cause);
	}
	return (s);
}

/*
 * Where the forms, reports and demo data are: KONTOR_SHARE if set, the
 * installed data directory if it is there, else the folder this program
 * was built in (so that ./kontor works from the build tree).
 */
const char *
kontor_share(void)
{
	static char	 path[PATH_MAX];
	struct stat	 sb;
	char		*probe, *slash;
	ssize_t		 n;

	if (getenv("KONTOR_SHARE") != NULL)
		return (getenv("KONTOR_SHARE"));
	probe = xasprintf("%s/reports", PKGDATADIR);
	n = stat(probe, &sb);
	free(probe);
	if (n == 0)
		return (PKGDATADIR);

	n = readlink("/proc/self/exe", path, sizeof path - 1);
	if (n > 0) {
		path[n] = '\0';
		if ((slash = strrchr(path, '/')) != NULL)
			*slash = '\0';
		probe = xasprintf("%s/reports", path);
		n = stat(probe, &sb);
		free(probe);
		if (n == 0)
			return (path);
	}
	return (PKGDATADIR);
}

static int
cmd_init(int argc, char **argv)
{
	struct store	*s;

	(void)argc;
	(void)argv;
	if ((s = open_company(1)) == NULL)
		return (1);
	store_close(s);
	return (0);
}

static int
cmd_load(int argc, char **argv)
{
	struct load_opts	 o;
	struct store		*s;
	char			*cause;
	long			 rows;
	int			 i, ret;

	memset(&o, 0, sizeof o);
	if (argc < 3)
		return (fail("usage: kontor load TABLE FILE [options]"));
	o.table = argv[1];
	o.file = argv[2];
	i = load_parse_options(&o, argc - 3, argv + 3, &cause);
	if (i < 0 || i != argc - 3) {
		ret = i < 0 ? fail("%s", cause) :
		    fail("unexpected argument %s", argv[3 + i]);
		if (i < 0)
			free(cause);
		load_free_options(&o);
		return (ret);
	}
	if ((s = open_company(0)) == NULL)
		return (1);
	ret = load_file(s, &o, &rows, &cause);
	if (ret == 0)
		printf("%s: %ld records loaded into %s\n", o.file, rows,
		    o.table);
	else {
		fail("%s", cause);
		free(cause);
	}
	load_free_options(&o);
	store_close(s);
	return (ret == 0 ? 0 : 1);
}

/*
 * Opens the company and has write put it to path (standard output if
 * NULL), written whole or not at all (core/outfile.h).
 */
static int
write_company(const char *path, int (*write)(struct store *, FILE *,
    char **))
{
	struct outfile	 out;
	struct store	*s;
	char		*cause;
	int		 ret;

	if ((s = open_company(0)) == NULL)
		return (1);
	if (outfile_open(&out, path, &cause) != 0) {
		store_close(s);
		fail("%s", cause);
		free(cause);
		return (1);
	}
	ret = write(s, out.f, &cause);
	if (ret != 0)
		outfile_abort(&out);
	else
		ret = outfile_commit(&out, &cause);
	if (ret != 0) {
		fail("%s", cause);
		free(cause);
	}
	store_close(s);
	return (ret == 0 ? 0 : 1);
}

static int
cmd_dump(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "-o") == 0)
		return (write_company(argv[2], dump_company));
	if (argc != 1)
		return (fail("usage: kontor dump [-o FILE]"));
	return (write_company(NULL, dump_company));
}

static int
cmd_restore(int argc, char **argv)
{
	struct store	*s;
	FILE		*f;
	char		*cause;
	int		 ret;

	if (argc != 2)
		return (fail("usage: kontor restore FILE"));
	if ((f = fopen(argv[1], "r")) == NULL)
		return (fail("cannot read %s: %s", argv[1], strerror(errno)));
	if ((s = open_company(1)) == NULL) {
		fclose(f);
		return (1);
	}
	ret = restore_company(s, f, argv[1], &cause);
	if (ret != 0) {
		fail("%s", cause);
		free(cause);
	}
	fclose(f);
	store_close(s);
	return (ret == 0 ? 0 : 1);
}

static void
print_problem(void *arg, const char *line)
{
	(void)arg;
	printf("%s\n", line);
}

static int
cmd_check(int argc, char **argv)
{
	struct store	*s;
	long		 n;

	(void)argv;
	if (argc != 1)
		return (fail("usage: kontor check"));
	if ((s = open_company(0)) == NULL)
		return (1);
	n = check_company(s, print_problem, NULL);
	store_close(s);
	if (n == 0) {
		printf("%s: no problems found\n", company_dir());
		return (0);
	}
	printf("%s: %ld problem%s found\n", company_dir(), n,
	    n == 1 ? "" : "s");
	return (1);
}

static int
cmd_tables(int argc, char **argv)
{
	int	i, k;

	(void)argc;
	(void)argv;
	for (i = 0; i < biz_ntables; i++) {
		const struct table_def *t = &biz_tables[i];

		printf("%s\n", t->name);
		for (k = 0; k < t->nfields; k++)
			printf("  %-16s %-8s %s%s\n", t->fields[k].name,
			    schema_type_name(t->fields[k].type),
			    t->fields[k].flags & F_KEY ? "key " : "",
			    t->fields[k].label);
	}
	return (0);
}

/* A report's definition: reports/NAME.rpt under the share folder. */
static struct report_def *
find_report(const char *name, char **cause)
{
	struct report_def	*d;
	char			*path;

	if (strchr(name, '/') != NULL)
		path = xstrdup(name);
	else
		path = xasprintf("%s/reports/%s.rpt", kontor_share(), name);
	if (access(path, R_OK) != 0) {
		*cause = xasprintf("there is no report \"%s\" (%s)", name,
		    path);
		free(path);
		return (NULL);
	}
	d = report_load(path, cause);
	free(path);
	return (d);
}

/* The run date: now, or SOURCE_DATE_EPOCH for repeatable output. */
static long
run_time(void)
{
	const char	*e = getenv("SOURCE_DATE_EPOCH");

	if (e != NULL && *e != '\0')
		return (strtol(e, NULL, 10));
	return ((long)time(NULL));
}

/* One report of kontor report --list, with its parameters. */
static void
list_report(const char *dir, const char *name)
{
	struct report_def	*d;
	char			*path, *cause;
	int			 k;

	path = xasprintf("%s/%s.rpt", dir, name);
	if ((d = report_load(path, &cause)) == NULL) {
		printf("%s.rpt  (broken: %s)\n", name, cause);
		free(cause);
		free(path);
		return;
	}
	printf("%-22s %s\n", d->name, d->title);
	for (k = 0; k < d->nparams; k++) {
		const struct report_param *p = &d->params[k];

		printf("    --%-12s %-8s %s", p->name,
		    schema_type_name(p->type), p->prompt);
		if (p->def != NULL)
			printf(" (default %s)", p->def);
		printf("\n");
	}
	report_free(d);
	free(path);
}

/* kontor report --list: every report with its parameters. */
static int
list_reports(void)
{
	char	**names, *dir;
	int	  n, i;

	dir = xasprintf("%s/reports", kontor_share());
	if ((n = report_names(dir, &names)) < 0) {
		fail("cannot read %s: %s", dir, strerror(errno));
		free(dir);
		return (1);
	}
	for (i = 0; i < n; i++) {
		list_report(dir, names[i]);
		free(names[i]);
	}
	free(names);
	free(dir);
	return (0);
}

static int
cmd_report(int argc, char **argv)
{
	struct report_out	 o;
	struct report_def	*d;
	struct store		*s;
	char			*cause;
	const char		*a;
	int			 i, ret;

	memset(&o, 0, sizeof o);
	if (argc == 2 && strcmp(argv[1], "--list") == 0)
		return (list_reports());
	if (argc < 2 || argv[1][0] == '-')
		return (fail("usage: kontor report NAME [-o FILE] "
		    "[--print QUEUE [--copies N]] [--encoding E] [--csv | "
		    "--pdf] [--PARAM VALUE ...]; kontor report --list"));
	if ((d = find_report(argv[1], &cause)) == NULL) {
		fail("%s", cause);
		free(cause);
		return (1);
	}
	for (i = 2; i < argc; i++) {
		a = argv[i];
		if (strcmp(a, "--csv") == 0) {
			o.csv = 1;
			continue;
		}
		if (strcmp(a, "--pdf") == 0) {
			o.pdf = 1;
			continue;
		}
		if (strncmp(a, "--", 2) != 0 && strcmp(a, "-o") != 0) {
			report_free(d);
			return (fail("unexpected argument %s", a));
		}
		if (i + 1 >= argc) {
			report_free(d);
			return (fail("%s needs a value", a));
		}
		if (strcmp(a, "-o") == 0)
			o.file = argv[++i];
		else if (strcmp(a, "--print") == 0)
			o.queue = argv[++i];
		else if (strcmp(a, "--encoding") == 0)
			o.encoding = argv[++i];
		else if (strcmp(a, "--copies") == 0) {
			o.copies = atoi(argv[++i]);
			if (o.copies < 1 || o.copies > 100) {
				report_free(d);
				return (fail("--copies takes 1 to 100"));
			}
		} else if (report_set_param(d, a + 2, argv[++i],
		    &cause) != 0) {
			fail("%s", cause);
			free(cause);
			report_free(d);
			return (1);
		}
	}
	if (o.copies > 0 && o.queue == NULL) {
		report_free(d);
		return (fail("--copies goes with --print QUEUE"));
	}
	if ((o.file != NULL) + (o.queue != NULL) > 1 ||
	    (o.csv && (o.pdf || o.queue != NULL)) ||
	    (o.pdf && (o.queue != NULL || o.encoding != NULL))) {
		report_free(d);
		return (fail("give one of -o FILE and --print QUEUE, and not "
		    "--csv with --pdf or --print, nor --pdf with --print or "
		    "--encoding (a PDF holds Unicode)"));
	}
	o.run_time = run_time();

	if ((s = open_company(0)) == NULL) {
		report_free(d);
		return (1);
	}
	ret = report_run(s, d, &o, &cause);
	if (ret != 0) {
		fail("%s", cause);
		free(cause);
	}
	store_close(s);
	report_free(d);
	return (ret == 0 ? 0 : 1);
}

/* Reads YYYY-MM-DD as the stored date fields do: strictly. */
static int
parse_date(const char *text, int64_t *out, const char **why)
{
	const struct table_def	*t = biz_table("journals");
	struct record		*r = record_new(t);
	int			 i = schema_field_index(t, "date"), ret;

	ret = record_parse(r, i, text, why);
	*out = record_num(r, i);
	record_free(r);
	if (ret == 0 && *out == 0) {
		*why = "not a date (YYYY-MM-DD)";
		ret = -1;
	}
	return (ret);
}

/* What kontor ledger balances prints: the company's currency's name. */
struct balances_out {
	const char	*company;
};

/* One line: the balance right-aligned in 24 cells, then the account. */
static int
print_balance(void *arg, const char *account, const char *currency,
    int64_t balance)
{
	struct balances_out	*o = arg;
	char			 n[FIXED_BUFSIZE], *end, *amount;
	int			 pad;

	fixed_format(balance, AMOUNT_SCALE, false, n);
	end = n + strlen(n);
	while (end[-1] == '0' && end[-3] != '.')
		*--end = '\0';
	amount = xasprintf("%s%s%s", n, *currency != '\0' || *o->company !=
	    '\0' ? " " : "", *currency != '\0' ? currency : o->company);
	for (pad = 24 - text_width(amount); pad > 0; pad--)
		putchar(' ');
	printf("%s  %s\n", amount, account);
	free(amount);
	return (0);
}

/* A month YYYY-MM as YYYYMM into *period, or -1. */
static int
parse_month(const char *text, int64_t *period)
{
	const char	*why;
	char		*day = xasprintf("%s-01", text);
	int64_t		 date;
	int		 ret;

	ret = strlen(text) == 7 && parse_date(day, &date, &why) == 0 ? 0 : -1;
	free(day);
	if (ret == 0)
		*period = date / 100;
	return (ret);
}

/* kontor ledger balances [--from YYYY-MM] [--to YYYY-MM] */
static int
ledger_balances(struct store *s, int argc, char **argv, char **cause)
{
	struct balances_out	 o;
	int64_t			 first = 0, last = 999912;
	char			*company;
	int			 i, ret;

	for (i = 2; i < argc; i += 2) {
		if (i + 1 >= argc || (strcmp(argv[i], "--from") != 0 &&
		    strcmp(argv[i], "--to") != 0)) {
			*cause = xstrdup("usage: kontor ledger balances "
			    "[--from YYYY-MM] [--to YYYY-MM]");
			return (-1);
		}
		if (parse_month(argv[i + 1], argv[i][2] == 'f' ? &first :
		    &last) != 0) {
			*cause = xasprintf("%s %s: expected a month, YYYY-MM",
			    argv[i], argv[i + 1]);
			return (-1);
		}
	}
	company = biz_setting(s, NULL, "currency", "");
	o.company = company;
	ret = ledger_commodity_sums(s, NULL, first, last, print_balance, &o);
	free(company);
	if (ret != 0) {
		*cause = store_strerror(s, ret);
		return (-1);
	}
	return (0);
}

/* kontor ledger post|reverse|close-period|close-year ... */
static int
cmd_ledger(int argc, char **argv)
{
	struct store	*s;
	const char	*why;
	char		*cause = NULL;
	int64_t		 n, date = 0, made = 0;
	long		 entries = 0;
	int		 ret = -1, year, month;

	static const char usage_line[] = "usage: kontor ledger post FILE "
	    "[--encoding E] | reverse ENTRY [--date YYYY-MM-DD] | "
	    "close-period YYYY-MM | close-year YYYY | balances "
	    "[--from YYYY-MM] [--to YYYY-MM]";
	time_t		 now = time(NULL);
	struct tm	 today;

	localtime_r(&now, &today);
	if (argc < 2)
		return (fail("%s", usage_line));
	if ((s = open_company(0)) == NULL)
		return (1);
	if (strcmp(argv[1], "post") == 0 && (argc == 3 || (argc == 5 &&
	    strcmp(argv[3], "--encoding") == 0))) {
		ret = post_file(s, argv[2], argc == 5 ? argv[4] : NULL,
		    biz_user(), &entries, &cause);
		if (ret == 0)
			printf("%s: %ld %s posted\n", argv[2], entries,
			    entries == 1 ? "entry" : "entries");
	} else if (strcmp(argv[1], "reverse") == 0 && (argc == 3 ||
	    (argc == 5 && strcmp(argv[3], "--date") == 0))) {
		if (fixed_parse(argv[2], 0, &n, &why) != 0)
			cause = xasprintf("entry %s: %s", argv[2], why);
		else if (argc == 5 && parse_date(argv[4], &date, &why) != 0)
			cause = xasprintf("--date %s: %s", argv[4], why);
		else {
			ret = ledger_reverse(s, n, date, biz_user(), &made,
			    &cause);
			if (ret == 0)
				printf("entry %lld reverses entry %lld\n",
				    (long long)made, (long long)n);
		}
	} else if (strcmp(argv[1], "balances") == 0)
		ret = ledger_balances(s, argc, argv, &cause);
	else if (strcmp(argv[1], "close-period") == 0 && argc == 3) {
		char *day = xasprintf("%s-01", argv[2]);

		if (strlen(argv[2]) != 7 || parse_date(day, &date, &why) != 0)
			cause = xasprintf("%s: expected a month, YYYY-MM",
			    argv[2]);
		free(day);
		year = (int)(date / 10000);
		month = (int)(date / 100 % 100);
		if (cause == NULL && year * 100 + month >=
		    (today.tm_year + 1900) * 100 + today.tm_mon + 1)
			cause = xasprintf("%s has not ended yet", argv[2]);
		if (cause == NULL)
			ret = ledger_close_period(s, (int64_t)year * 100 +
			    month, biz_user(), &cause);
		if (ret == 0)
			printf("period %s is closed\n", argv[2]);
	} else if (strcmp(argv[1], "close-year") == 0 && argc == 3) {
		year = atoi(argv[2]);
		if (strlen(argv[2]) != 4 || strspn(argv[2], "0123456789") != 4)
			cause = xasprintf("%s: expected a year, YYYY", argv[2]);
		else if (year >= today.tm_year + 1900)
			cause = xasprintf("%d has not ended yet", year);
		else
			ret = ledger_close_year(s, year, biz_user(), &made,
			    &cause);
		if (ret == 0 && made != 0)
			printf("entry %lld closes %d; its periods are closed\n",
			    (long long)made, year);
		else if (ret == 0)
			printf("%d had nothing to carry; its periods are "
			    "closed\n", year);
	} else if (strcmp(argv[1], "post") == 0 ||
	    strcmp(argv[1], "reverse") == 0 ||
	    strcmp(argv[1], "close-period") == 0 ||
	    strcmp(argv[1], "close-year") == 0)
		cause = xstrdup(usage_line);
	else
		cause = xasprintf("unknown ledger command %s; %s", argv[1],
		    usage_line);
	if (ret != 0) {
		fail("%s", cause != NULL ? cause : "failed");
		free(cause);
	}
	store_close(s);
	return (ret == 0 ? 0 : 1);
}

/* kontor import journal FILE [--type TYPE]: a journal, posted whole. */
static int
cmd_import(int argc, char **argv)
{
	static const char *const types[] = { "asset", "liability", "equity",
	    "cost", "revenue", "expense" };
	struct store	*s;
	const char	*type = NULL;
	char		*cause, *company;
	long		 entries = 0;
	size_t		 i;
	int		 ret;

	if (argc == 5 && strcmp(argv[3], "--type") == 0) {
		type = argv[4];
		for (i = 0; i < sizeof types / sizeof types[0] &&
		    strcmp(types[i], type) != 0; i++)
			continue;
		if (i == sizeof types / sizeof types[0])
			return (fail("--type %s: expected asset, liability, "
			    "equity, cost, revenue or expense", type));
	} else if (argc != 3)
		argc = 0;
	if (argc == 0 || strcmp(argv[1], "journal") != 0)
		return (fail("usage: kontor import journal FILE "
		    "[--type TYPE]"));
	if ((s = open_company(0)) == NULL)
		return (1);
	ret = journal_import(s, argv[2], biz_user(), type, &entries,
	    &company, &cause);
	if (ret == 0) {
		printf("%s: %ld %s posted; amounts in \"%s\" are in the "
		    "company's currency\n", argv[2], entries,
		    entries == 1 ? "entry" : "entries", company);
		free(company);
	} else {
		fail("%s", cause);
		free(cause);
	}
	store_close(s);
	return (ret == 0 ? 0 : 1);
}

/* kontor export journal [-o FILE]: every posted entry as a journal. */
static int
cmd_export(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "journal") == 0 &&
	    strcmp(argv[2], "-o") == 0)
		return (write_company(argv[3], journal_export));
	if (argc != 2 || strcmp(argv[1], "journal") != 0)
		return (fail("usage: kontor export journal [-o FILE]"));
	return (write_company(NULL, journal_export));
}

/* The clerk's screens on the company. */
static int
run_screens(void)
{
	struct store	*s;
	int		 ret;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return (fail("the screens need a terminal; run a command "
		    "instead (kontor --help lists them)"));
	if ((s = open_company(0)) == NULL)
		return (1);
	ret = app_run(s, kontor_share());
	store_close(s);
	return (ret);
}

static int
cmd_demo(int argc, char **argv)
{
	char	*dir, *cause;
	int	 ret;

	(void)argv;
	if (argc != 1)
		return (fail("usage: kontor demo"));
	dir = company_dir() != NULL ? xstrdup(company_dir()) : demo_dir();
	ret = demo_build(dir, kontor_share(), &cause);
	if (ret < 0) {
		fail("%s", cause);
		free(cause);
		free(dir);
		return (1);
	}
	if (ret > 0)
		printf("kontor: built the demo company in %s\n", dir);
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		opt_dir = dir;
		ret = run_screens();
	} else if ((ret = demo_show(dir, &cause)) != 0) {
		fail("%s", cause);
		free(cause);
	}
	free(dir);
	return (ret == 0 ? 0 : 1);
}

static const struct cmd cmds[] = {
	{ "check", "check", cmd_check },
	{ "demo", "demo", cmd_demo },
	{ "dump", "dump [-o FILE]", cmd_dump },
	{ "export", "export journal [-o FILE]", cmd_export },
	{ "import", "import journal FILE [--type TYPE]", cmd_import },
	{ "init", "init", cmd_init },
	{ "ledger", "ledger post FILE [--encoding E] | reverse ENTRY "
	    "[--date D] | close-period YYYY-MM | close-year YYYY | "
	    "balances [--from YYYY-MM] [--to YYYY-MM]", cmd_ledger },
	{ "load", "load TABLE FILE [--encoding E] [--null TEXT] "
	    "[--header|--no-header] [--map FIELD=COLUMN]... "
	    "[--set FIELD=VALUE]...", cmd_load },
	{ "report", "report NAME [-o FILE] [--print QUEUE [--copies N]] "
	    "[--encoding E] [--csv | --pdf] [--PARAM VALUE]...", cmd_report },
	{ "report", "report --list", cmd_report },
	{ "restore", "restore FILE", cmd_restore },
	{ "tables", "tables", cmd_tables },
};

static void
usage(FILE *f)
{
	size_t	i;

	fprintf(f, "usage: kontor [-v] [-d DIR] [COMMAND ...]\n"
	    "The company is -d DIR or $KONTOR_HOME.  Without a command,\n"
	    "kontor opens the clerk's screens.  Commands:\n");
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		fprintf(f, "  kontor %s\n", cmds[i].usage);
}

int
main(int argc, char **argv)
{
	size_t	i;
	int	c, ret;

	setlocale(LC_ALL, "");

	/*
	 * A reader that goes away (kontor dump | head) must not kill us
	 * with the company open, which would make the next process run
	 * recovery under every clerk; a failed write says so instead.
	 */
	signal(SIGPIPE, SIG_IGN);
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return (0);
	}
	while ((c = getopt(argc, argv, "+d:v")) != -1) {
		switch (c) {
		case 'd':
			opt_dir = optarg;
			break;
		case 'v':
			log_open("kontor-debug.log");
			break;
		default:
			usage(stderr);
			return (2);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		return (run_screens());
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		if (strcmp(argv[0], cmds[i].name) != 0)
			continue;
		ret = cmds[i].run(argc, argv);

		/* A full disk under "kontor dump >FILE" must not pass for a
		 * backup: what stdio could not write fails the command. */
		errno = 0;
		if (fflush(stdout) != 0 || ferror(stdout)) {
			if (ret == 0)
				fail("standard output: %s; what was written "
				    "is incomplete", errno != 0 ?
				    strerror(errno) : "a write failed");
			ret = 1;
		}
		return (ret);
	}
	fail("unknown command \"%s\"", argv[0]);
	usage(stderr);
	return (2);
}
