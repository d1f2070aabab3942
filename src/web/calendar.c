/*
 * calendar: the meetings calendar page and the iCalendar feeds (see
 * calendar.h).
 */
#include "web/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "gov/access.h"
#include "gov/body.h"
#include "gov/partnership.h"
#include "http/server.h"
#include "web/ical.h"
#include "web/layout.h"

enum {
	FEED_MAX_BYTES = 8 * 1024 * 1024,
	AUTHORITY_MAX = 255, /* a Host header longer than this is not used */
};

static const char *const month_names[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December",
};
static const char *const day_names[] = {
        "Monday", "Tuesday",  "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday",
};

const char *calendar_day_text(struct arena *a, const char *date)
{
	date_days d;
	int y, m, day;

	if (date == NULL || date_parse(date, &d, NULL) != MASA_OK)
		return date;
	date_to_ymd(d, &y, &m, &day);
	return arena_printf(a, "%s %d %s %d", day_names[date_weekday(d)], day,
	                    month_names[m - 1], y);
}

const char *calendar_date_text(struct arena *a, const char *date)
{
	date_days d;
	int y, m, day;

	if (date == NULL || date_parse(date, &d, NULL) != MASA_OK)
		return date;
	date_to_ymd(d, &y, &m, &day);
	return arena_printf(a, "%d %s %d", day, month_names[m - 1], y);
}

/* "December 2014" for "2014-12-04". */
static const char *month_text(struct arena *a, const char *date)
{
	date_days d;
	int y, m, day;

	if (date_parse(date, &d, NULL) != MASA_OK)
		return date;
	date_to_ymd(d, &y, &m, &day);
	return arena_printf(a, "%s %d", month_names[m - 1], y);
}

static const char *status_text(const char *status)
{
	static const struct {
		const char *status, *text;
	} names[] = {
	        {"scheduled", "Scheduled"}, {"held", "Held"},
	        {"inquorate", "Inquorate"}, {"adjourned", "Adjourned"},
	        {"cancelled", "Cancelled"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (status && strcmp(status, names[i].status) == 0)
			return names[i].text;
	return status;
}

static const char *status_tag_class(const char *status)
{
	if (status == NULL)
		return "govuk-tag--grey";
	if (strcmp(status, "scheduled") == 0)
		return "govuk-tag--blue";
	if (strcmp(status, "inquorate") == 0)
		return "govuk-tag--orange";
	if (strcmp(status, "adjourned") == 0)
		return "govuk-tag--yellow";
	if (strcmp(status, "cancelled") == 0)
		return "govuk-tag--red";
	return "govuk-tag--grey";
}

/* What a row of calendar_meeting_table shows, made before the table. */
struct meeting_view {
	const struct gov_meeting_row *r;
	const char *day, *time, *href;
	bool with_body;
	bool minutes_published;
	const char *minutes_other; /* "Minutes in draft"... for signed-in */
};

static void write_date_cell(struct html *h, const void *arg)
{
	const struct meeting_view *v = arg;

	html_text(h, v->day);
	if (v->time) {
		html_void(h, "br", NULL);
		html_text(h, v->time);
	}
}

static void write_status(struct html *h, const struct meeting_view *v)
{
	html_void(h, "br", NULL);

	govuk_tag(h, &(struct govuk_tag){
	                     .content.text = status_text(v->r->m.status),
	                     .classes = status_tag_class(v->r->m.status),
	             });
	if (v->minutes_published) {
		html_void(h, "br", NULL);
		html_open(h, "a", "href", v->href, "class", "govuk-link", NULL);
		govuk_tag(h, &(struct govuk_tag){
		                     .content.text = "Minutes published",
		                     .classes = "govuk-tag--green "
		                                "govuk-!-margin-top-1",
		             });
		html_close(h);
	} else if (v->minutes_other) {
		html_void(h, "br", NULL);
		govuk_tag(h, &(struct govuk_tag){
		                     .content.text = v->minutes_other,
		                     .classes = "govuk-tag--grey "
		                                "govuk-!-margin-top-1",
		             });
	}
}

static void write_meeting_cell(struct html *h, const void *arg)
{
	const struct meeting_view *v = arg;
	const struct gov_meeting_row *r = v->r;

	html_elem(h, "a", r->m.name ? r->m.name : r->body_name, "href", v->href,
	          "class", "govuk-link", NULL);
	if (v->with_body && r->m.name) {
		html_void(h, "br", NULL);
		html_text(h, r->body_name);
	}
	if (v->with_body) {
		html_void(h, "br", NULL);
		html_elem(h, "span", r->body_short_name, "class",
		          "govuk-hint govuk-!-margin-bottom-0 "
		          "govuk-!-display-inline",
		          NULL);
	}
	if (r->m.location) {
		html_void(h, "br", NULL);
		html_textf(h, "Venue: %s", r->m.location);
	}
	write_status(h, v);
}

void calendar_meeting_table(struct html *h, const struct http_request *req,
                            struct arena *a, const struct gov_meeting_row *rows,
                            size_t n, const char *caption, bool hide_caption,
                            bool with_body)
{
	static const struct govuk_table_cell head[] = {
	        {.content.text = "Date"},
	        {.content.text = "Meeting"},
	};
	struct govuk_table_cell *cells = arena_alloc(a, 2 * n * sizeof *cells);

	memset(cells, 0, 2 * n * sizeof *cells);
	for (size_t i = 0; i < n; i++) {
		const struct gov_meeting *m = &rows[i].m;
		struct meeting_view *v = arena_alloc(a, sizeof *v);

		memset(v, 0, sizeof *v);
		v->r = &rows[i];
		v->day = calendar_day_text(a, m->date);
		if (m->start_time && m->end_time)
			v->time = arena_printf(a, "%s to %s", m->start_time,
			                       m->end_time);
		else
			v->time = m->start_time;
		v->href = arena_printf(a, "/meetings/%s", m->key);
		v->with_body = with_body;
		v->minutes_published =
		        m->minutes_status &&
		        strcmp(m->minutes_status, "published") == 0;
		/* The public learns only that minutes are published. */
		if (!v->minutes_published && req->account != NULL &&
		    gov_may_see_minutes(&req->viewer, m) && m->status &&
		    strcmp(m->status, "cancelled") != 0)
			v->minutes_other =
			        m->minutes_status && strcmp(m->minutes_status,
			                                    "approved") == 0
			                ? "Minutes approved"
			                : "Minutes in draft";
		cells[2 * i].content.write = write_date_cell;
		cells[2 * i].content.arg = v;
		cells[2 * i + 1].content.write = write_meeting_cell;
		cells[2 * i + 1].content.arg = v;
	}
	govuk_table(h, &(struct govuk_table){
	                       .caption = caption,
	                       .caption_classes =
	                               hide_caption ? "govuk-visually-hidden"
	                                            : "govuk-table__caption--m",
	                       .head = head,
	                       .n_head = 2,
	                       .cells = cells,
	                       .n_rows = n,
	                       .n_columns = 2,
	               });
}

/* ---- GET /meetings ---- */

/*
 * The period shown: from the first of this month for CALENDAR_PAGE_MONTHS
 * months, or a year (?year=2014), or from and to (as date fields, or as
 * YYYY-MM-DD in links). Earlier and later periods of the same length, and
 * every year that has meetings, are links.
 */
enum { CALENDAR_PAGE_MONTHS = 6 };

const struct route_param calendar_page_params[] = {
        {.name = "from",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_DATE,
         .soft = true,
         .label = "The first date to show"},
        {.name = "to",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_DATE,
         .soft = true,
         .label = "The last date to show"},
        PAGE_DATE_PARAMS("from", ROUTE_IN_QUERY),
        PAGE_DATE_PARAMS("to", ROUTE_IN_QUERY),
        {.name = "year",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 1900,
         .max = 2200,
         .soft = true,
         .label = "The year to show"},
        {.name = "body", .where = ROUTE_IN_QUERY, .check = ROUTE_SHORT_NAME},
        {.name = NULL},
};

/* The first day of the month months away from day's (negative: before). */
static date_days month_start(date_days day, int months)
{
	int y, m, d, index;

	date_to_ymd(day, &y, &m, &d);
	index = y * 12 + (m - 1) + months;
	return date_from_ymd(index / 12, index % 12 + 1, 1);
}

/* The meetings of body_id (0: every body the partnership sees). */
static enum masa_err count_meetings(struct http_request *req, int64_t body_id,
                                    const char *from, const char *to, size_t *n,
                                    struct masa_error *err)
{
	return body_id ? gov_meeting_count(&req->gov, req->partnership->id,
	                                   body_id, from, to, n, err)
	               : gov_meeting_count_seen(&req->gov, req->partnership->id,
	                                        from, to, n, err);
}

static enum masa_err list_meetings(struct http_request *req, int64_t body_id,
                                   const char *from, const char *to, int limit,
                                   int offset, struct gov_meeting_row **rows,
                                   size_t *n, struct masa_error *err)
{
	return body_id ? gov_meeting_list(&req->gov, req->partnership->id,
	                                  body_id, from, to, limit, offset,
	                                  &req->arena, rows, n, err)
	               : gov_meeting_list_seen(&req->gov, req->partnership->id,
	                                       from, to, limit, offset,
	                                       &req->arena, rows, n, err);
}

/* A year that has meetings, and how many. */
struct calendar_year {
	int year;
	size_t n;
};

/* The years from the first meeting's to the last's that have meetings. */
static enum masa_err meeting_years(struct http_request *req, int64_t body_id,
                                   struct calendar_year **out, size_t *nout,
                                   struct masa_error *err)
{
	struct gov_meeting_row *first, *last;
	size_t total, n1, n2;
	int y1, y2;
	enum masa_err rc;

	*out = NULL;
	*nout = 0;
	if ((rc = count_meetings(req, body_id, NULL, NULL, &total, err)) ||
	    total == 0 ||
	    (rc = list_meetings(req, body_id, NULL, NULL, 1, 0, &first, &n1,
	                        err)) ||
	    (rc = list_meetings(req, body_id, NULL, NULL, 1, (int)total - 1,
	                        &last, &n2, err)) ||
	    n1 == 0 || n2 == 0)
		return rc;
	y1 = (int)strtol(first[0].m.date, NULL, 10);
	y2 = (int)strtol(last[0].m.date, NULL, 10);
	if (y2 < y1 || y2 - y1 > 300) /* dates are checked when stored */
		return MASA_OK;
	*out = arena_alloc(&req->arena, (size_t)(y2 - y1 + 1) * sizeof **out);
	for (int y = y2; y >= y1 && rc == MASA_OK; y--) {
		char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
		size_t n = 0;
		date_format(date_from_ymd(y, 1, 1), from);
		date_format(date_from_ymd(y, 12, 31), to);
		rc = count_meetings(req, body_id, from, to, &n, err);
		if (n > 0)
			(*out)[(*nout)++] = (struct calendar_year){y, n};
	}
	return rc;
}

/* A period of whole months, from the first of one to the last of another:
 * how many months (0 when it is not one). */
static int whole_months(date_days from, date_days to)
{
	int fy, fm, fd, ty, tm, td;

	date_to_ymd(from, &fy, &fm, &fd);
	date_to_ymd(to + 1, &ty, &tm, &td);
	if (fd != 1 || td != 1)
		return 0;
	return (ty * 12 + tm) - (fy * 12 + fm);
}

/* "June to November 2026", "December 2025 to May 2026", "2014", or the
 * dates in words. */
static const char *period_text(struct arena *a, date_days from, date_days to)
{
	char f[DATE_TEXT_SIZE], t[DATE_TEXT_SIZE];
	int fy, fm, fd, ty, tm, td;
	int months = whole_months(from, to);

	date_format(from, f);
	date_format(to, t);
	date_to_ymd(from, &fy, &fm, &fd);
	date_to_ymd(to, &ty, &tm, &td);
	if (months == 12 && fm == 1)
		return arena_printf(a, "%d", fy);
	if (months == 1)
		return month_text(a, f);
	if (months > 0 && fy == ty)
		return arena_printf(a, "%s to %s %d", month_names[fm - 1],
		                    month_names[tm - 1], ty);
	if (months > 0)
		return arena_printf(a, "%s to %s", month_text(a, f),
		                    month_text(a, t));
	return arena_printf(a, "%s to %s", calendar_date_text(a, f),
	                    calendar_date_text(a, t));
}

/* The address of the calendar from `from` to `to` (of body, or NULL). */
static const char *period_href(struct arena *a, date_days from, date_days to,
                               const char *body)
{
	char f[DATE_TEXT_SIZE], t[DATE_TEXT_SIZE];
	int fy, fm, fd;

	date_format(from, f);
	date_format(to, t);
	date_to_ymd(from, &fy, &fm, &fd);
	if (whole_months(from, to) == 12 && fm == 1)
		return arena_printf(a, "/meetings?year=%d%s%s", fy,
		                    body ? "&body=" : "", body ? body : "");
	return arena_printf(a, "/meetings?from=%s&to=%s%s%s", f, t,
	                    body ? "&body=" : "", body ? body : "");
}

/* Earlier and later: the periods of the same length before and after. */
static void write_period_links(struct html *h, struct arena *a, date_days from,
                               date_days to, const char *body)
{
	int months = whole_months(from, to);
	date_days pf, pt, nf, nt;

	if (months > 0) {
		pf = month_start(from, -months);
		nt = month_start(to + 1, months) - 1;
	} else {
		pf = from - (to - from + 1);
		nt = to + (to - from + 1);
	}
	pt = from - 1;
	nf = to + 1;
	govuk_pagination(
	        h, &(struct govuk_pagination){
	                   .landmark_label = "Meetings of other periods",
	                   .previous = {.href = period_href(a, pf, pt, body),
	                                .content.text = "Earlier meetings",
	                                .label_text = period_text(a, pf, pt)},
	                   .next = {.href = period_href(a, nf, nt, body),
	                            .content.text = "Later meetings",
	                            .label_text = period_text(a, nf, nt)},
	           });
}

/* Every year that has meetings, each a link to that year's. */
static void write_years(struct html *h, struct arena *a,
                        const struct calendar_year *years, size_t n, int shown,
                        const char *body)
{
	if (n == 0)
		return;
	html_elem(h, "h2", "Meetings by year", "class", "govuk-heading-m",
	          NULL);
	html_open(h, "ul", "class", "govuk-list masa-years", NULL);
	for (size_t i = 0; i < n; i++) {
		const char *text =
		        arena_printf(a, "%d (%zu meeting%s)", years[i].year,
		                     years[i].n, years[i].n == 1 ? "" : "s");
		html_open(h, "li", NULL);
		if (years[i].year == shown)
			html_elem(h, "strong", text, "aria-current", "page",
			          NULL);
		else
			html_elem(h, "a", text, "href",
			          arena_printf(a, "/meetings?year=%d%s%s",
			                       years[i].year,
			                       body ? "&body=" : "",
			                       body ? body : ""),
			          "class", "govuk-link", NULL);
		html_close(h);
	}
	html_close(h);
}

struct filter_form {
	const char *from, *to, *body;
	const char *from_error, *to_error;
	const struct gov_body *bodies;
	size_t nbodies;
	struct arena *a;
};

static void write_filter(struct html *h, const struct http_request *req,
                         const struct filter_form *f)
{
	struct govuk_select_item *items =
	        arena_alloc(f->a, (f->nbodies + 1) * sizeof *items);

	memset(items, 0, (f->nbodies + 1) * sizeof *items);
	items[0].value = "";
	items[0].text = "All bodies";
	for (size_t i = 0; i < f->nbodies; i++) {
		items[i + 1].value = f->bodies[i].short_name;
		items[i + 1].text =
		        arena_printf(f->a, "%s (%s)", f->bodies[i].name,
		                     f->bodies[i].short_name);
	}
	page_get_form_begin(h, "/meetings");
	govuk_select(h, &(struct govuk_select){
	                        .name = "body",
	                        .items = items,
	                        .n_items = f->nbodies + 1,
	                        .value = f->body ? f->body : "",
	                        .classes = "govuk-!-width-full",
	                        .field.label.content.text = "Body",
	                });
	page_date_input(h, req,
	                &(struct page_date_input){.prefix = "from",
	                                          .legend = "From",
	                                          .iso = f->from,
	                                          .error = f->from_error});
	page_date_input(h, req,
	                &(struct page_date_input){.prefix = "to",
	                                          .legend = "To",
	                                          .iso = f->to,
	                                          .error = f->to_error});
	govuk_button(h, &(struct govuk_button){
	                        .content.text = "Show meetings",
	                        .classes = "govuk-button--secondary",
	                });
	html_close(h);
}

enum masa_err calendar_page(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *from_error, *to_error;
	const char *from = page_soft_date(req, "from", "The first date to show",
	                                  &from_error);
	const char *to =
	        page_soft_date(req, "to", "The last date to show", &to_error);
	long year = http_param_long(req, "year", 0);
	const char *short_name = http_param(req, "body");
	struct gov_body *bodies, body = {0};
	struct gov_meeting_row *rows;
	struct calendar_year *years;
	size_t nbodies, n, total, nyears;
	char from_text[DATE_TEXT_SIZE], to_text[DATE_TEXT_SIZE];
	date_days from_day, to_day;
	const char *month = NULL;
	bool upcoming = false;
	struct html h;
	enum masa_err rc;

	if (year != 0 && from == NULL && to == NULL) {
		date_format(date_from_ymd((int)year, 1, 1), from_text);
		date_format(date_from_ymd((int)year, 12, 31), to_text);
		from = from_text;
		to = to_text;
	}
	if (from == NULL) {
		upcoming = to == NULL;
		date_format(month_start(date_today(), 0), from_text);
		from = from_text;
	}
	if (to == NULL) {
		date_format(month_start(date_today(), CALENDAR_PAGE_MONTHS) - 1,
		            to_text);
		to = to_text;
	}
	if (strcmp(from, to) > 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "The first date to show (%s) must not be "
		                      "after the last (%s)",
		                      calendar_date_text(a, from),
		                      calendar_date_text(a, to));
	(void)date_parse(from, &from_day, NULL);
	(void)date_parse(to, &to_day, NULL);
	/* Its own bodies and those serving it from other partnerships. */
	rc = gov_body_list_seen(&req->gov, req->partnership->id, a, &bodies,
	                        &nbodies, err);
	if (rc == MASA_OK && short_name != NULL)
		rc = gov_body_find_seen(&req->gov, req->partnership->id,
		                        short_name, a, &body, err);
	if (rc == MASA_OK)
		rc = count_meetings(req, body.id, from, to, &total, err);
	if (rc == MASA_OK)
		rc = list_meetings(req, body.id, from, to,
		                   CALENDAR_PAGE_MAX_MEETINGS, 0, &rows, &n,
		                   err);
	if (rc == MASA_OK)
		rc = meeting_years(req, body.id, &years, &nyears, err);
	if (rc != MASA_OK)
		return rc;

	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = "Meetings",
	                          .section = PAGE_MEETINGS,
	                          .full_width = true});
	page_heading(&h, req->partnership->name, "Meetings");
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_textf(&h, "%zu meeting%s%s%s from %s to %s.", total,
	           total == 1 ? "" : "s", short_name ? " of " : "",
	           short_name ? body.name : "", calendar_date_text(a, from),
	           calendar_date_text(a, to));
	if (!upcoming) {
		html_text(&h, " ");
		html_elem(&h, "a", "Show the meetings to come", "href",
		          short_name ? arena_printf(a, "/meetings?body=%s",
		                                    body.short_name)
		                     : "/meetings",
		          "class", "govuk-link", NULL);
	}
	html_close(&h);
	if (gov_may_administer(&req->viewer, req->partnership->id)) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_elem(&h, "a", "Schedule meetings", "class", "govuk-link",
		          "href",
		          short_name ? arena_printf(
		                               a, "/meetings/schedule?body=%s",
		                               short_name)
		                     : "/meetings/schedule",
		          NULL);
		html_close(&h);
	}
	html_open(&h, "div", "class", "govuk-grid-row", NULL);
	html_open(&h, "div", "class", "govuk-grid-column-one-third", NULL);
	html_elem(&h, "h2", "Filter", "class", "govuk-heading-m", NULL);
	write_filter(&h, req,
	             &(struct filter_form){.from = from,
	                                   .to = to,
	                                   .from_error = from_error,
	                                   .to_error = to_error,
	                                   .body = short_name,
	                                   .bodies = bodies,
	                                   .nbodies = nbodies,
	                                   .a = a});
	write_years(&h, a, years, nyears,
	            whole_months(from_day, to_day) == 12 &&
	                            strcmp(from + 4, "-01-01") == 0
	                    ? (int)strtol(from, NULL, 10)
	                    : 0,
	            short_name ? body.short_name : NULL);
	html_elem(&h, "h2", "Subscribe", "class", "govuk-heading-m", NULL);
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_elem(&h, "a",
	          short_name ? "Add this body's meetings to your calendar "
	                       "(iCalendar)"
	                     : "Add all meetings to your calendar (iCalendar)",
	          "href",
	          short_name ? arena_printf(a, "/bodies/%s/calendar.ics",
	                                    body.short_name)
	                     : "/meetings/calendar.ics",
	          "class", "govuk-link", NULL);
	html_close(&h);
	html_close(&h);
	html_open(&h, "div", "class", "govuk-grid-column-two-thirds", NULL);
	if (total > n) {
		html_open(&h, "div", "class", "govuk-inset-text", NULL);
		html_textf(&h,
		           "Showing the first %zu of %zu meetings: choose a "
		           "shorter period or one body to see the rest.",
		           n, total);
		html_close(&h);
	}
	if (n == 0)
		html_elem(&h, "p", "No meetings in this period.", "class",
		          "govuk-body", NULL);
	/* One table a month: rows are in date order. */
	for (size_t i = 0; i < n;) {
		size_t k = i;
		month = month_text(a, rows[i].m.date);
		while (k < n && strncmp(rows[k].m.date, rows[i].m.date, 7) == 0)
			k++;
		html_elem(&h, "h2", month, "class", "govuk-heading-m", NULL);
		calendar_meeting_table(&h, req, a, rows + i, k - i,
		                       arena_printf(a, "Meetings in %s", month),
		                       true, true);
		i = k;
	}
	write_period_links(&h, a, from_day, to_day,
	                   short_name ? body.short_name : NULL);
	html_close(&h);
	html_close(&h);
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

/* ---- iCalendar feeds ---- */

const struct route_param calendar_feed_body_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = NULL},
};

/* True when host is host[:port] characters only (no path, no spaces). */
static bool authority_ok(const char *host)
{
	size_t n = host ? strlen(host) : 0;

	if (n == 0 || n > AUTHORITY_MAX)
		return false;
	for (const char *p = host; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' ||
		      *p == ':' || *p == '[' || *p == ']'))
			return false;
	return true;
}

/*
 * The site's address for absolute links: the Host the client asked for
 * when it is a plain host[:port], else the address masa listens on.
 */
static const char *site_base(const struct http_request *req, struct arena *a)
{
	const char *host = http_header(req, "Host");
	const char *proto = http_header(req, "X-Forwarded-Proto");
	const char *scheme =
	        proto && strcmp(proto, "https") == 0 ? "https" : "http";
	char listen[AUTHORITY_MAX + 1];

	if (authority_ok(host))
		return arena_printf(a, "%s://%s", scheme, host);
	http_listen_authority(req, listen, sizeof listen);
	return arena_printf(a, "%s://%s", scheme, listen);
}

/* "20141204" from "2014-12-04". */
static const char *ical_date(struct arena *a, const char *date)
{
	return arena_printf(a, "%.4s%.2s%.2s", date, date + 5, date + 8);
}

/* "20141204T130000" from "2014-12-04" and "13:00". */
static const char *ical_local_time(struct arena *a, const char *date,
                                   const char *time)
{
	return arena_printf(a, "%sT%.2s%.2s00", ical_date(a, date), time,
	                    time + 3);
}

/* Europe/London: GMT in winter, BST from the last Sunday of March at 01:00
 * UTC to the last Sunday of October at 01:00 UTC (02:00 BST). */
static void write_timezone(struct ical *c)
{
	ical_line(c, "BEGIN", "VTIMEZONE");
	ical_line(c, "TZID", "Europe/London");
	ical_line(c, "X-LIC-LOCATION", "Europe/London");
	ical_line(c, "BEGIN", "DAYLIGHT");
	ical_line(c, "TZOFFSETFROM", "+0000");
	ical_line(c, "TZOFFSETTO", "+0100");
	ical_line(c, "TZNAME", "BST");
	ical_line(c, "DTSTART", "19700329T010000");
	ical_line(c, "RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
	ical_line(c, "END", "DAYLIGHT");
	ical_line(c, "BEGIN", "STANDARD");
	ical_line(c, "TZOFFSETFROM", "+0100");
	ical_line(c, "TZOFFSETTO", "+0000");
	ical_line(c, "TZNAME", "GMT");
	ical_line(c, "DTSTART", "19701025T020000");
	ical_line(c, "RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
	ical_line(c, "END", "STANDARD");
	ical_line(c, "END", "VTIMEZONE");
}

static void write_event(struct ical *c, struct arena *a, const char *home,
                        const char *base, const char *stamp,
                        const struct gov_meeting_row *r)
{
	const struct gov_meeting *m = &r->m;
	bool cancelled = m->status && strcmp(m->status, "cancelled") == 0;
	bool published = m->minutes_status &&
	                 strcmp(m->minutes_status, "published") == 0;
	const char *url = arena_printf(a, "%s/meetings/%s", base, m->key);
	const char *title = m->name ? m->name : r->body_name;
	date_days d;
	char next[DATE_TEXT_SIZE];

	ical_line(c, "BEGIN", "VEVENT");
	/*
	 * Stable across feeds and renames: the meeting's key never changes,
	 * nor the key of its partnership (its own, for a body serving several).
	 */
	ical_text(c, "UID",
	          arena_printf(a, "%s@%s.meetings.masa", m->key, home));
	ical_line(c, "DTSTAMP", stamp);
	/* A moved or cancelled meeting is a new revision of the same event,
	 * so that calendars that hold it replace it. */
	ical_line(
	        c, "SEQUENCE",
	        arena_printf(a, "%lld",
	                     (long long)(m->version > 0 ? m->version - 1 : 0)));
	if (m->start_time != NULL) {
		ical_line(c, "DTSTART;TZID=Europe/London",
		          ical_local_time(a, m->date, m->start_time));
		/* No end time: the event ends when it starts (RFC 5545). */
		if (m->end_time && strcmp(m->end_time, m->start_time) > 0)
			ical_line(c, "DTEND;TZID=Europe/London",
			          ical_local_time(a, m->date, m->end_time));
	} else {
		ical_line(c, "DTSTART;VALUE=DATE", ical_date(a, m->date));
		if (date_parse(m->date, &d, NULL) == MASA_OK) {
			date_format(d + 1, next);
			ical_line(c, "DTEND;VALUE=DATE", ical_date(a, next));
		}
	}
	ical_text(c, "SUMMARY",
	          arena_printf(a, "%s%s: %s", cancelled ? "Cancelled: " : "",
	                       r->body_short_name, title));
	if (m->location)
		ical_text(c, "LOCATION", m->location);
	ical_line(c, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
	ical_line(c, "URL", url);
	ical_text(c, "DESCRIPTION",
	          arena_printf(a, "%s meeting (%s).%s\nMeeting page: %s",
	                       r->body_name, status_text(m->status),
	                       published ? "\nThe minutes are published." : "",
	                       url));
	ical_line(c, "END", "VEVENT");
}

static enum masa_err feed(struct http_request *req, const struct gov_body *body,
                          struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_meeting_row *rows;
	struct gov_partnership home = {0};
	char from[DATE_TEXT_SIZE], now[21], stamp[17];
	const char *base, *out;
	int y, m, d;
	size_t n, len, k = 0;
	struct ical c;
	enum masa_err rc;

	date_to_ymd(date_today(), &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	date_format(date_from_ymd(y - CALENDAR_FEED_PAST_YEARS, m, d), from);
	rc = body ? gov_meeting_list(&req->gov, req->partnership->id, body->id,
	                             from, NULL, CALENDAR_FEED_MAX_EVENTS, 0, a,
	                             &rows, &n, err)
	          : gov_meeting_list_seen(&req->gov, req->partnership->id, from,
	                                  NULL, CALENDAR_FEED_MAX_EVENTS, 0, a,
	                                  &rows, &n, err);
	if (rc != MASA_OK)
		return rc;
	/* "2024-03-31T12:00:00Z" as "20240331T120000Z". */
	timestamp_now(now);
	for (const char *p = now; *p && k < sizeof stamp - 1; p++)
		if (*p != '-' && *p != ':')
			stamp[k++] = *p;
	stamp[k] = '\0';
	base = site_base(req, a);

	ical_init(&c, FEED_MAX_BYTES);
	ical_line(&c, "BEGIN", "VCALENDAR");
	ical_line(&c, "VERSION", "2.0");
	ical_line(&c, "PRODID", "-//masa//meetings calendar//EN");
	ical_line(&c, "CALSCALE", "GREGORIAN");
	ical_line(&c, "METHOD", "PUBLISH");
	ical_text(
	        &c, "X-WR-CALNAME",
	        body ? arena_printf(a, "%s meetings", body->name)
	             : arena_printf(a, "%s meetings", req->partnership->name));
	ical_line(&c, "X-WR-TIMEZONE", "Europe/London");
	write_timezone(&c);
	for (size_t i = 0; i < n && rc == MASA_OK; i++) {
		/* A meeting of a body serving from another partnership. */
		if (rows[i].m.partnership_id != home.id &&
		    rows[i].m.partnership_id != req->partnership->id)
			rc = gov_partnership_get(&req->gov,
			                         rows[i].m.partnership_id, a,
			                         &home, err);
		if (rc == MASA_OK)
			write_event(&c, a,
			            rows[i].m.partnership_id ==
			                            req->partnership->id
			                    ? req->partnership->key
			                    : home.key,
			            base, stamp, &rows[i]);
	}
	ical_line(&c, "END", "VCALENDAR");
	if (rc == MASA_OK)
		rc = ical_finish(&c, &out, &len, err);
	if (rc == MASA_OK)
		rc = http_respond_text(req, 200, "text/calendar; charset=utf-8",
		                       out, len, err);
	ical_free(&c);
	return rc;
}

enum masa_err calendar_feed_all(struct http_request *req,
                                struct masa_error *err)
{
	return feed(req, NULL, err);
}

enum masa_err calendar_feed_body(struct http_request *req,
                                 struct masa_error *err)
{
	struct gov_body body;
	enum masa_err rc;

	rc = gov_body_find_seen(&req->gov, req->partnership->id,
	                        http_param(req, "body"), &req->arena, &body,
	                        err);
	if (rc != MASA_OK)
		return rc;
	return feed(req, &body, err);
}

/* The public calendar and iCalendar feeds. The feeds are not cached: their
 * links are built from the Host the reader asked for. */
const struct route calendar_routes[] = {
        {"GET", "/meetings", calendar_page_params, GOV_ROLE_PUBLIC,
         calendar_page, .cache = true},
        {"GET", "/meetings/calendar.ics", NULL, GOV_ROLE_PUBLIC,
         calendar_feed_all},
        {"GET", "/bodies/{body}/calendar.ics", calendar_feed_body_params,
         GOV_ROLE_PUBLIC, calendar_feed_body},
        {0},
};
