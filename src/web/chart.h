/*
 * chart: charts drawn on the server as SVG, through the HTML writer (so
 * every label is escaped by construction), for pages that show figures.
 *
 * A chart is a picture of a table the page writes beside it: the table is
 * the accessible version and holds the exact text of every figure. The
 * SVG has role="img" with a <title> and a <desc> naming what it shows,
 * scales to the width of its container (a viewBox, width 100%, readable on
 * a 320 px phone), uses the GOV.UK colours and needs no JavaScript. A
 * value that is not shown (a suppressed small number) is drawn as an
 * outlined, hatched bar labelled with its text ("fewer than 6"), never at
 * a length that would give the number away.
 *
 *	struct chart_datum data[] = {{.label = "Drowning", .value = 7,
 *	                              .text = "7"}, ...};
 *	chart_bars(h, &(struct chart){.id = "theme", .title = "...",
 *	                              .desc = "...", .data = data, .n = n});
 */
#ifndef MASA_WEB_CHART_H
#define MASA_WEB_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "web/html.h"

struct chart_datum {
	const char *label; /* "Safe sleeping" (shortened in the chart when
	                      long: the table has it whole) */
	const char *tick;  /* columns: the axis label ("2019"), or NULL for
	                      label */
	long value;        /* drawn when not hidden */
	bool hidden;       /* not shown: drawn hatched, labelled text */
	const char *text;  /* the figure as written: "12", "fewer than 6" */
};

struct chart {
	const char *id;    /* unique on the page (a slug): the ids of the
	                      title, description and hatching */
	const char *title; /* what the chart shows */
	const char *desc;  /* a sentence for screen readers, pointing to the
	                      table */
	const struct chart_datum *data;
	size_t n;
};

/* A horizontal bar chart: one bar per datum, its label above it. */
void chart_bars(struct html *h, const struct chart *c);

/* A column chart of data in order (a trend over years). */
void chart_columns(struct html *h, const struct chart *c);

#endif
