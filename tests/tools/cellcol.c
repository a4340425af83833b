/*
 * cellcol.c: a test tool.  For each line of standard input holding the
 * text given as argument, prints the display cell at which that text
 * begins, measured with the C library's wcswidth in a UTF-8 locale: an
 * oracle independent of kontor's own width code.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int
main(int argc, char **argv)
{
	char	line[4096], *at;
	wchar_t	wide[4096];
	size_t	n;

	if (argc != 2 || setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "usage: cellcol TEXT (needs C.UTF-8)\n");
		return (2);
	}
	while (fgets(line, sizeof line, stdin) != NULL) {
		if ((at = strstr(line, argv[1])) == NULL)
			continue;
		*at = '\0';
		n = mbstowcs(wide, line, sizeof wide / sizeof wide[0]);
		if (n == (size_t)-1) {
			fprintf(stderr, "cellcol: not UTF-8\n");
			return (1);
		}
		printf("%d\n", wcswidth(wide, n));
	}
	return (0);
}
