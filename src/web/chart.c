/*
 * chart: bar and column charts as SVG (chart.h). Names of attributes are
 * written in lower case, as the HTML writer's literals are: the HTML
 * parser gives SVG's own their case (viewbox becomes viewBox). Shapes are
 * closed elements (<rect></rect>), so the SVG is well-formed XML too.
 */
#include "web/chart.h"

#include <stdio.h>
#include <string.h>

enum {
	WIDTH = 320,     /* the viewBox: the chart's units */
	ROW = 40,        /* a bar's label and bar */
	BAR = 16,        /* a bar's thickness */
	VALUE_ROOM = 84, /* right of the longest bar: "fewer than 6" */
	HIDDEN_BAR = 28, /* the short hatched bar of a value not shown */
	LABEL_MAX = 46,  /* characters of a label in the chart */
	COLUMNS_HEIGHT = 180,
	AXIS = 22, /* under the columns: the ticks */
	TOP = 18,  /* above the tallest column: its value */
};

/* GOV.UK Frontend's colours. */
#define COLOUR_BAR    "#1d70b8" /* govuk-colour("blue") */
#define COLOUR_TEXT   "#0b0c0c" /* $govuk-text-colour */
#define COLOUR_SECOND "#505a5f" /* $govuk-secondary-text-colour */
#define COLOUR_LINE   "#b1b4b6" /* $govuk-border-colour */

static const char *num(char *out, size_t size, long v)
{
	snprintf(out, size, "%ld", v);
	return out;
}

/* The label cut to LABEL_MAX characters (whole UTF-8 ones) with "...". */
static const char *short_label(const char *label, char *out, size_t size)
{
	size_t n = 0, chars = 0;

	if (label == NULL)
		return "";
	while (label[n] != '\0' && chars < LABEL_MAX) {
		n++;
		while (((unsigned char)label[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	if (label[n] == '\0' || n + 4 > size) {
		snprintf(out, size, "%s", label);
		return out;
	}
	snprintf(out, size, "%.*s\xe2\x80\xa6", (int)n, label);
	return out;
}

/* Opens the <svg> with its title, description and hatching. */
static void svg_begin(struct html *h, const struct chart *c, long height)
{
	char box[48], tid[96], did[96], both[200], pid[96];

	snprintf(box, sizeof box, "0 0 %d %ld", WIDTH, height);
	snprintf(tid, sizeof tid, "chart-%s-title", c->id);
	snprintf(did, sizeof did, "chart-%s-desc", c->id);
	snprintf(both, sizeof both, "%s %s", tid, did);
	snprintf(pid, sizeof pid, "chart-%s-hatch", c->id);
	html_open(h, "svg", "class", "masa-chart", "viewbox", box, "width",
	          "100%", "role", "img", "aria-labelledby", both, "focusable",
	          "false", NULL);
	html_elem(h, "title", c->title, "id", tid, NULL);
	html_elem(h, "desc", c->desc, "id", did, NULL);
	html_open(h, "defs", NULL);
	html_open(h, "pattern", "id", pid, "width", "6", "height", "6",
	          "patternunits", "userSpaceOnUse", "patterntransform",
	          "rotate(45)", NULL);
	html_open(h, "rect", "width", "6", "height", "6", "fill", "#ffffff",
	          NULL);
	html_close(h);
	html_open(h, "line", "x1", "0", "y1", "0", "x2", "0", "y2", "6",
	          "stroke", COLOUR_SECOND, "stroke-width", "2", NULL);
	html_close(h);
	html_close(h); /* pattern */
	html_close(h); /* defs */
}

/* A rectangle: filled blue, or hatched and outlined when hidden. */
static void bar(struct html *h, const struct chart *c, bool hidden, long x,
                long y, long w, long height)
{
	char xs[24], ys[24], ws[24], hs[24], fill[120];

	snprintf(fill, sizeof fill, "url(#chart-%s-hatch)", c->id);
	html_open(h, "rect", "x", num(xs, sizeof xs, x), "y",
	          num(ys, sizeof ys, y), "width", num(ws, sizeof ws, w),
	          "height", num(hs, sizeof hs, height), "fill",
	          hidden ? fill : COLOUR_BAR, "stroke",
	          hidden ? COLOUR_SECOND : NULL, "stroke-width",
	          hidden ? "1" : NULL, NULL);
	html_close(h);
}

static void text(struct html *h, long x, long y, const char *anchor,
                 const char *size, const char *colour, const char *s)
{
	char xs[24], ys[24];

	html_elem(h, "text", s, "x", num(xs, sizeof xs, x), "y",
	          num(ys, sizeof ys, y), "text-anchor", anchor, "font-size",
	          size, "fill", colour, NULL);
}

static long largest(const struct chart *c)
{
	long max = 0;

	for (size_t i = 0; i < c->n; i++)
		if (!c->data[i].hidden && c->data[i].value > max)
			max = c->data[i].value;
	return max;
}

void chart_bars(struct html *h, const struct chart *c)
{
	long max = largest(c), room = WIDTH - VALUE_ROOM;
	char label[256];

	svg_begin(h, c, (long)c->n * ROW + 4);
	html_open(h, "g", "font-family", "arial, sans-serif", NULL);
	for (size_t i = 0; i < c->n; i++) {
		const struct chart_datum *d = &c->data[i];
		long y = (long)i * ROW;
		long w = d->hidden ? HIDDEN_BAR
		         : max > 0 ? d->value * room / max
		                   : 0;

		text(h, 0, y + 14, "start", "13", COLOUR_TEXT,
		     short_label(d->label, label, sizeof label));
		if (w > 0)
			bar(h, c, d->hidden, 0, y + 19, w, BAR);
		else
			bar(h, c, false, 0, y + 19, 1, BAR);
		text(h, w + 6, y + 32, "start", "13",
		     d->hidden ? COLOUR_SECOND : COLOUR_TEXT, d->text);
	}
	html_close(h); /* g */
	html_close(h); /* svg */
}

void chart_columns(struct html *h, const struct chart *c)
{
	long max = largest(c), slot, height = COLUMNS_HEIGHT;
	long plot = height - AXIS - TOP;

	if (c->n == 0) {
		svg_begin(h, c, height);
		html_close(h);
		return;
	}
	slot = WIDTH / (long)c->n;
	svg_begin(h, c, height);
	html_open(h, "g", "font-family", "arial, sans-serif", NULL);
	{
		char ys[24];
		html_open(h, "line", "x1", "0", "x2", "320", "y1",
		          num(ys, sizeof ys, height - AXIS), "y2", ys, "stroke",
		          COLOUR_LINE, "stroke-width", "1", NULL);
		html_close(h);
	}
	for (size_t i = 0; i < c->n; i++) {
		const struct chart_datum *d = &c->data[i];
		long x = (long)i * slot, w = slot * 2 / 3;
		long ch = d->hidden ? 12 : max > 0 ? d->value * plot / max : 0;
		long base = height - AXIS;
		char tick[16];

		if (ch > 0)
			bar(h, c, d->hidden, x + (slot - w) / 2, base - ch, w,
			    ch);
		/* "fewer than 6" is too wide for a column: "<6" above it,
		 * and a dash for another value not shown (the table and
		 * the description say it in words). */
		text(h, x + slot / 2, base - ch - 4, "middle", "11",
		     d->hidden ? COLOUR_SECOND : COLOUR_TEXT,
		     !d->hidden ? d->text
		     : d->text != NULL && strncmp(d->text, "fewer", 5) == 0
		             ? "<6"
		             : "\xe2\x80\x93");
		snprintf(tick, sizeof tick, "%.4s",
		         d->tick    ? d->tick
		         : d->label ? d->label
		                    : "");
		text(h, x + slot / 2, height - 6, "middle", "11", COLOUR_TEXT,
		     tick);
	}
	html_close(h); /* g */
	html_close(h); /* svg */
}
