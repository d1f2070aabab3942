/*
 * cmd_remind: e-mail reminders of actions, and the settings they are sent
 * with.
 *
 *   masa remind [--on DATE] [--dry-run] [--smtp URL] [--from ADDRESS]
 *   masa config set KEY VALUE       (smtp_url, mail_from, site_url)
 *   masa config get KEY
 *
 * remind writes each owner one digest of their unfinished actions that are
 * overdue, due today or due in seven days, and sends it through the SMTP
 * server. A reminder is recorded only once the server has accepted it, and
 * what is recorded is never sent again for that day, so a run can be
 * repeated after a failure and sends only what is still missing.
 *
 * It writes the chair of each body holding serious incidents a message of
 * their clocks overdue or due within 5 working days (assure/incident.h),
 * naming each incident by its reference only, recorded in the same way.
 */
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/mail.h"
#include "core/text.h"
#include "assure/incident.h"
#include "gov/remind.h"
#include "store/store.h"

/* Characters of an action's details shown in a digest. */
enum { DETAILS_SHOWN = 200 };
/* Lines of plain-text mail are kept to this many characters. */
enum { WRAP_COLUMNS = 72 };

enum { REMIND_ON, REMIND_DRY_RUN, REMIND_SMTP, REMIND_FROM };

static const struct cli_option remind_options[] = {
        [REMIND_ON] = {"on", "DATE",
                       "remind as on DATE (default: today): due DATE, "
                       "due 7 days on, or overdue"},
        [REMIND_DRY_RUN] = {"dry-run", NULL,
                            "print the messages; send and record nothing"},
        [REMIND_SMTP] = {"smtp", "URL",
                         "the SMTP server, smtp://HOST:PORT or smtps://... "
                         "(default: the smtp_url setting)"},
        [REMIND_FROM] = {"from", "ADDRESS",
                         "the sender's address (default: the mail_from "
                         "setting)"},
        {NULL, NULL, NULL},
};

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static size_t digest_size(const struct gov_digest *d)
{
	return d->noverdue + d->ndue_today + d->ndue_in_week;
}

/*
 * The first line of details, without surrounding blanks, cut to about
 * DETAILS_SHOWN characters (at a space when one is near) with an ellipsis.
 */
static const char *details_line(struct arena *a, const char *details)
{
	const char *s = details ? details : "";
	size_t n, cut = 0, chars = 0, last_space = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strcspn(s, "\r\n");
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (cut < n && chars < DETAILS_SHOWN) {
		if (s[cut] == ' ')
			last_space = cut;
		/* Count characters, not bytes: skip continuation bytes. */
		do
			cut++;
		while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80);
		chars++;
	}
	if (cut >= n)
		return arena_strndup(a, s, n);
	if (last_space > cut * 3 / 4)
		cut = last_space;
	while (cut > 0 && strchr(" ,;:", s[cut - 1]) != NULL)
		cut--;
	return arena_printf(a, "%.*s…", (int)cut, s);
}

/*
 * Appends one paragraph of text (no line breaks in it) wrapped at
 * WRAP_COLUMNS characters, each line starting with indent, and a newline.
 * A word longer than a line stays whole.
 */
static enum masa_err put_wrapped(struct buf *b, const char *text,
                                 const char *indent, struct masa_error *err)
{
	size_t column = 0, start = utf8_length(indent);
	enum masa_err rc = buf_puts(b, indent, err);

	while (rc == MASA_OK && *text) {
		size_t spaces = strspn(text, " ");
		size_t len = strcspn(text + spaces, " ");
		size_t chars;

		if (len == 0)
			break;
		text += spaces;
		/* Characters, not bytes: a word of "é" is half its bytes. */
		chars = 0;
		for (size_t i = 0; i < len; i++)
			chars += ((unsigned char)text[i] & 0xC0) != 0x80;
		if (column > 0 && start + column + 1 + chars > WRAP_COLUMNS) {
			rc = buf_printf(b, err, "\n%s", indent);
			column = 0;
		} else if (column > 0) {
			rc = buf_puts(b, " ", err);
			column++;
		}
		if (rc == MASA_OK)
			rc = buf_append(b, text, len, err);
		column += chars;
		text += len;
	}
	return rc == MASA_OK ? buf_puts(b, "\n", err) : rc;
}

/* The owners' names; "all members of TB" for an all-members owner. */
static const char *owner_names(struct arena *a,
                               const struct gov_action_entry *e)
{
	const char *names = NULL;

	for (size_t i = 0; i < e->nowners; i++) {
		const struct gov_action_owner *o = &e->owners[i];
		const char *name =
		        o->all_members ? arena_printf(a, "all members of %s",
		                                      e->body_short_name)
		                       : o->name;
		names = names ? arena_printf(a, "%s, %s", names, name) : name;
	}
	return names;
}

/* One section of a digest: heading, underline, one block per action. */
static enum masa_err put_section(struct buf *b, struct arena *a,
                                 const char *heading,
                                 const struct gov_action_entry *entries,
                                 size_t n, struct masa_error *err)
{
	enum masa_err rc;

	if (n == 0)
		return MASA_OK;
	if ((rc = buf_printf(b, err, "%s\n", heading)))
		return rc;
	for (size_t i = utf8_length(heading); i > 0; i--)
		if ((rc = buf_puts(b, "-", err)))
			return rc;
	if ((rc = buf_puts(b, "\n\n", err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		const struct gov_action_entry *e = &entries[i];
		const char *owners = owner_names(a, e);

		if ((rc = buf_printf(b, err, "%s (%s)\n", e->action.key,
		                     e->body_short_name)) ||
		    (rc = put_wrapped(b, details_line(a, e->action.details),
		                      "  ", err)))
			return rc;
		rc = buf_printf(b, err, "  Due %s", date_long(a, e->due));
		if (rc == MASA_OK && e->days_overdue > 0)
			rc = buf_printf(
			        b, err, ": %ld %s overdue", e->days_overdue,
			        plural((size_t)e->days_overdue, "day", "days"));
		if (rc == MASA_OK)
			rc = buf_puts(b, "\n", err);
		if (rc == MASA_OK && owners != NULL)
			rc = put_wrapped(b,
			                 arena_printf(a, "Owners: %s", owners),
			                 "  ", err);
		if (rc == MASA_OK)
			rc = buf_puts(b, "\n", err);
		if (rc != MASA_OK)
			return rc;
	}
	return MASA_OK;
}

/* "masa: 2 actions overdue, 1 due today, 1 due in 7 days" */
static const char *digest_subject(struct arena *a, const struct gov_digest *d)
{
	const size_t counts[] = {d->noverdue, d->ndue_today, d->ndue_in_week};
	const char *const what[] = {"overdue", "due today", "due in 7 days"};
	const char *s = "masa:";
	bool first = true;

	for (int i = 0; i < 3; i++) {
		if (counts[i] == 0)
			continue;
		s = arena_printf(
		        a, "%s%s %zu%s %s", s, first ? "" : ",", counts[i],
		        first ? plural(counts[i], " action", " actions") : "",
		        what[i]);
		first = false;
	}
	return s;
}

/*
 * The digest's text. Overdue first: it is what most needs doing, and what
 * a reader who stops early should have seen.
 */
static enum masa_err digest_text(struct arena *a, const struct gov_digest *d,
                                 const char *partnership, const char *on,
                                 struct buf *b, struct masa_error *err)
{
	char week[DATE_TEXT_SIZE];
	date_days day = 0;
	size_t n = digest_size(d);
	const char *intro;
	enum masa_err rc;

	(void)date_parse(on, &day, NULL);
	date_format(day + 7, week);
	intro = n == 1 ? arena_printf(a,
	                              "This action in the action logs of %s "
	                              "is yours (as an owner, or as a member "
	                              "of the body that owns it) and not yet "
	                              "finished.",
	                              partnership)
	               : arena_printf(a,
	                              "These %zu actions in the action logs "
	                              "of %s are yours (as an owner, or as a "
	                              "member of the body that owns them) and "
	                              "not yet finished.",
	                              n, partnership);

	if ((rc = buf_printf(b, err, "Dear %s,\n\n", d->person_name)) ||
	    (rc = put_wrapped(b, intro, "", err)) ||
	    (rc = buf_puts(b, "\n", err)) ||
	    (rc = put_section(b, a, "Overdue", d->overdue, d->noverdue, err)) ||
	    (rc = put_section(
	             b, a, arena_printf(a, "Due today (%s)", date_long(a, on)),
	             d->due_today, d->ndue_today, err)) ||
	    (rc = put_section(
	             b, a,
	             arena_printf(a, "Due in 7 days (%s)", date_long(a, week)),
	             d->due_in_week, d->ndue_in_week, err)) ||
	    (rc = put_wrapped(b,
	                      "Please send the business unit an update on "
	                      "each, or tell them when it is done.",
	                      "", err)))
		return rc;
	return buf_printf(b, err, "\n%s\n", partnership);
}

/* The message for digest d (which has an address). */
static enum masa_err digest_message(struct cli_ctx *ctx,
                                    const struct gov_digest *d,
                                    const char *from, const char *on,
                                    struct buf *text, struct mail_message *m,
                                    struct masa_error *err)
{
	enum masa_err rc;

	buf_reset(text);
	rc = digest_text(&ctx->arena, d, ctx->partnership.name, on, text, err);
	if (rc != MASA_OK)
		return rc;
	*m = (struct mail_message){
	        .from = from,
	        .from_name = ctx->partnership.name,
	        .to = d->email,
	        .to_name = d->person_name,
	        .subject = digest_subject(&ctx->arena, d),
	        .text = buf_str(text),
	};
	return MASA_OK;
}

static void print_dry_run(const char *message)
{
	/* Shown with the terminal's line ends; sent with CRLF. */
	for (const char *p = message; *p; p++)
		if (*p != '\r')
			putchar(*p);
}

/* "masa: serious incidents: 1 clock overdue, 2 due soon" */
static const char *incident_subject(struct arena *a,
                                    const struct assure_incident_reminder *r)
{
	size_t overdue = 0;

	for (size_t i = 0; i < r->nclocks; i++)
		overdue += r->clocks[i].clock->state == ASSURE_CLOCK_OVERDUE;
	if (overdue == r->nclocks)
		return arena_printf(
		        a, "masa: serious incidents: %zu %s overdue", overdue,
		        plural(overdue, "clock", "clocks"));
	if (overdue == 0)
		return arena_printf(
		        a, "masa: serious incidents: %zu %s due soon",
		        r->nclocks, plural(r->nclocks, "clock", "clocks"));
	return arena_printf(a,
	                    "masa: serious incidents: %zu %s overdue, %zu due "
	                    "soon",
	                    overdue, plural(overdue, "clock", "clocks"),
	                    r->nclocks - overdue);
}

/*
 * The message of incident clocks to the chair of the body holding them:
 * each incident by its reference only (never what happened), the clock,
 * its due day and state in working days.
 */
static enum masa_err incident_message(struct cli_ctx *ctx,
                                      const struct assure_incident_reminder *r,
                                      const char *from, struct buf *b,
                                      struct mail_message *m,
                                      struct masa_error *err)
{
	struct arena *a = &ctx->arena;
	enum masa_err rc;

	buf_reset(b);
	if ((rc = buf_printf(b, err, "Dear %s,\n\n", r->person_name)) ||
	    (rc = put_wrapped(b,
	                      "These clocks of serious incidents held by a "
	                      "body you chair are overdue or due within 5 "
	                      "working days:",
	                      "", err)) ||
	    (rc = buf_puts(b, "\n", err)))
		return rc;
	for (size_t i = 0; i < r->nclocks && rc == MASA_OK; i++) {
		const struct assure_clock *c = r->clocks[i].clock;
		char due[DATE_WORDS_SIZE], words[64];

		date_format_words(c->due, true, due);
		rc = put_wrapped(
		        b,
		        arena_printf(
		                a, "%s: %s, due %s: %s",
		                r->clocks[i].incident->inc.reference, c->label,
		                due,
		                assure_clock_words(c, words, sizeof words)),
		        "  ", err);
	}
	if (rc == MASA_OK)
		rc = buf_puts(b, "\n", err);
	if (rc == MASA_OK)
		rc = put_wrapped(b,
		                 "The reviews page of masa shows each "
		                 "incident; please ask the business unit to "
		                 "record what has been done.",
		                 "", err);
	if (rc == MASA_OK)
		rc = buf_printf(b, err, "\n%s\n", ctx->partnership.name);
	if (rc != MASA_OK)
		return rc;
	*m = (struct mail_message){
	        .from = from,
	        .from_name = ctx->partnership.name,
	        .to = r->email,
	        .to_name = r->person_name,
	        .subject = incident_subject(a, r),
	        .text = buf_str(b),
	};
	return MASA_OK;
}

/* What a run did, for its last line. */
struct remind_tally {
	size_t sent, failed, shown;
};

/*
 * Sends (or, in a dry run, prints) the n incident reminders that have an
 * address, claiming each first and giving a claim back when its message
 * was not sent. False when the server could not be reached: the run stops.
 */
static bool send_incident_reminders(struct cli_ctx *ctx,
                                    const struct assure_incident_reminder *ir,
                                    size_t n, struct mail_sender *sender,
                                    bool dry_run, const char *from,
                                    date_days on, struct buf *text,
                                    struct buf *message, struct remind_tally *t)
{
	for (size_t i = 0; i < n; i++) {
		const struct assure_incident_reminder *r = &ir[i];
		struct masa_error err = {0};
		struct mail_message m;
		char stamp[21];
		bool claimed = false;

		if (r->email == NULL)
			continue;
		buf_reset(message);
		if (!dry_run) {
			if (assure_incident_reminder_claim(&ctx->gov, r, on,
			                                   stamp, &claimed,
			                                   &err) != MASA_OK) {
				fprintf(stderr,
				        "masa: not sent to %s <%s>: %s\n",
				        r->person_name, r->email, err.message);
				t->failed++;
				continue;
			}
			if (!claimed) {
				printf("already sent to %s <%s> by another "
				       "run\n",
				       r->person_name, r->email);
				continue;
			}
		}
		if (incident_message(ctx, r, from, text, &m, &err) ||
		    (dry_run && mail_format(&m, message, &err)) ||
		    (!dry_run && mail_send(sender, &m, &err))) {
			struct masa_error ignored;

			if (claimed && assure_incident_reminder_unclaim(
			                       &ctx->gov, r, on, stamp,
			                       &ignored) != MASA_OK)
				fprintf(stderr,
				        "masa: %s: its reminder stays recorded "
				        "as sent\n",
				        ignored.message);
			t->failed++;
			fprintf(stderr, "masa: not sent to %s <%s>: %s\n",
			        r->person_name, r->email, err.message);
			if (!dry_run && mail_sender_unreachable(sender))
				return false;
			continue;
		}
		if (dry_run) {
			printf("%s--- message %zu, to %s <%s> ---\n",
			       t->shown ? "\n" : "", t->shown + 1,
			       r->person_name, r->email);
			print_dry_run(buf_str(message));
			t->shown++;
			continue;
		}
		printf("sent to %s <%s>: %zu serious incident %s\n",
		       r->person_name, r->email, r->nclocks,
		       plural(r->nclocks, "clock", "clocks"));
		t->sent++;
	}
	return true;
}

/*
 * Checks --on, --smtp and --from before anything is opened; a bad --smtp or
 * --from is wrong usage.
 */
static enum masa_err check_options(const struct cli_args *args, const char **on,
                                   char today[DATE_TEXT_SIZE],
                                   struct masa_error *err)
{
	const char *smtp = cli_opt(args, REMIND_SMTP);
	const char *from = cli_opt(args, REMIND_FROM);
	enum masa_err rc = MASA_OK;

	*on = cli_opt(args, REMIND_ON);
	if (*on == NULL) {
		date_format(date_today(), today);
		*on = today;
	} else if ((rc = date_parse(*on, NULL, err))) {
		/* A bad date is bad data, as for `members --on`. */
		masa_error_prefix(err, "remind --on");
		return rc;
	}
	if (smtp != NULL && (rc = mail_check_url(smtp, err)))
		masa_error_prefix(err, "remind --smtp");
	if (rc == MASA_OK && from != NULL)
		rc = mail_check_address("remind --from", from, err);
	if (rc != MASA_OK)
		rc = err->code = MASA_ERR_USAGE;
	return rc;
}

static int run_remind(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct mail_sender *sender = NULL;
	struct gov_digest *digests;
	struct buf text, message;
	bool dry_run = cli_opt(args, REMIND_DRY_RUN) != NULL;
	const char *on, *from, *smtp = NULL;
	char today[DATE_TEXT_SIZE];
	size_t n, with_address = 0, sent = 0, failed = 0, no_address = 0;
	size_t shown = 0;
	int status = 0;
	struct assure_incident_reminder *ir;
	size_t nir = 0;
	date_days on_day = 0;
	bool stopped = false;

	buf_init(&text, MAIL_MESSAGE_MAX / 2);
	buf_init(&message, MAIL_MESSAGE_MAX);
	if (check_options(args, &on, today, &err) ||
	    cli_open_partnership(ctx, &err) ||
	    cli_setting(ctx, cli_opt(args, REMIND_FROM), "mail_from", &from,
	                &err) ||
	    (!dry_run && cli_setting(ctx, cli_opt(args, REMIND_SMTP),
	                             "smtp_url", &smtp, &err))) {
		status = cli_fail(&err);
		goto out;
	}
	if (from == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "remind: no sender address: give --from ADDRESS "
		               "or set one with `masa config set mail_from "
		               "ADDRESS`");
		status = cli_fail(&err);
		goto out;
	}
	if (!dry_run && smtp == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "remind: no SMTP server: give --smtp URL or set "
		               "one with `masa config set smtp_url "
		               "smtp://HOST:PORT`");
		status = cli_fail(&err);
		goto out;
	}
	if (gov_remind_digests(&ctx->gov, ctx->partnership.id, on, &ctx->arena,
	                       &digests, &n, &err) != MASA_OK) {
		status = cli_fail(&err);
		goto out;
	}
	(void)date_parse(on, &on_day, NULL);
	if (assure_incident_reminders(&ctx->gov, ctx->partnership.id, on_day,
	                              &ctx->arena, &ir, &nir,
	                              &err) != MASA_OK) {
		status = cli_fail(&err);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		with_address += digests[i].email != NULL;
	for (size_t i = 0; i < nir; i++)
		with_address += ir[i].email != NULL;
	if (!dry_run && with_address > 0 &&
	    mail_sender_open(smtp, &sender, &err) != MASA_OK) {
		status = cli_fail(&err);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct gov_digest *d = &digests[i];
		size_t count = digest_size(d);
		struct mail_message m;
		char stamp[21];
		bool claimed = false;

		if (d->email == NULL)
			continue;
		buf_reset(&message);
		if (!dry_run) {
			if (gov_remind_claim(&ctx->gov, d, on, stamp, &claimed,
			                     &err) != MASA_OK) {
				fprintf(stderr,
				        "masa: not sent to %s <%s>: %s\n",
				        d->person_name, d->email, err.message);
				failed++;
				continue;
			}
			if (!claimed) {
				printf("already sent to %s <%s> by another "
				       "run\n",
				       d->person_name, d->email);
				continue;
			}
		}
		if (digest_message(ctx, d, from, on, &text, &m, &err) ||
		    (dry_run && mail_format(&m, &message, &err)) ||
		    (!dry_run && mail_send(sender, &m, &err))) {
			struct masa_error ignored;
			if (claimed &&
			    gov_remind_unclaim(&ctx->gov, d, on, stamp,
			                       &ignored) != MASA_OK)
				fprintf(stderr,
				        "masa: %s: its reminder stays recorded "
				        "as sent\n",
				        ignored.message);
			failed++;
			if (!dry_run && mail_sender_unreachable(sender)) {
				/* The rest would fail the same way. */
				size_t left = 1;
				for (size_t k = i + 1; k < n; k++)
					left += digests[k].email != NULL;
				fprintf(stderr,
				        "masa: %s; stopped with %zu %s not "
				        "sent "
				        "(and not recorded)\n",
				        err.message, left,
				        plural(left, "reminder", "reminders"));
				failed += left - 1;
				stopped = true;
				break;
			}
			fprintf(stderr, "masa: not sent to %s <%s>: %s\n",
			        d->person_name, d->email, err.message);
			continue;
		}
		if (dry_run) {
			printf("%s--- message %zu, to %s <%s> ---\n",
			       shown ? "\n" : "", shown + 1, d->person_name,
			       d->email);
			print_dry_run(buf_str(&message));
			shown++;
			continue;
		}
		printf("sent to %s <%s>: %zu %s\n", d->person_name, d->email,
		       count, plural(count, "action", "actions"));
		sent++;
	}
	if (!stopped && nir > 0) {
		struct remind_tally t = {sent, failed, shown};

		send_incident_reminders(ctx, ir, nir, sender, dry_run, from,
		                        on_day, &text, &message, &t);
		sent = t.sent;
		failed = t.failed;
		shown = t.shown;
	}
	for (size_t i = 0; i < nir; i++) {
		if (ir[i].email != NULL)
			continue;
		printf("%snot reminded: %s has no e-mail address (%zu serious "
		       "incident %s)\n",
		       dry_run && shown > 0 && no_address == 0 ? "\n" : "",
		       ir[i].person_name, ir[i].nclocks,
		       plural(ir[i].nclocks, "clock", "clocks"));
		no_address++;
	}
	/* After the messages, so that a dry run's list is not buried. */
	for (size_t i = 0; i < n; i++) {
		const struct gov_digest *d = &digests[i];
		size_t count = digest_size(d);

		if (d->email != NULL)
			continue;
		printf("%snot reminded: %s has no e-mail address (%zu %s)\n",
		       dry_run && shown > 0 && no_address == 0 ? "\n" : "",
		       d->person_name, count,
		       plural(count, "action", "actions"));
		no_address++;
	}
	if (with_address == 0)
		printf("nothing to send on %s: no unfinished action of anyone "
		       "with an e-mail address is due in 7 days, due today or "
		       "overdue without having been reminded already\n",
		       on);
	else if (dry_run)
		printf("\ndry run on %s: %zu %s shown, not sent; %zu without "
		       "an e-mail address; nothing recorded\n",
		       on, shown, plural(shown, "message", "messages"),
		       no_address);
	else
		printf("reminders on %s: %zu sent, %zu failed, %zu without an "
		       "e-mail address\n",
		       on, sent, failed, no_address);
	if (failed > 0)
		status = 3;
out:
	mail_sender_close(sender);
	buf_free(&text);
	buf_free(&message);
	return status;
}

const struct cli_command cmd_remind = {
        .name = "remind",
        .summary = "e-mail each owner their actions overdue, due today and "
                   "due in 7 days",
        .options = remind_options,
        .run = run_remind,
};

/* MASA_ERR_USAGE naming the settings there are, unless key is one. */
static enum masa_err config_key_check(const char *key, struct masa_error *err)
{
	for (size_t i = 0; gov_remind_setting_keys[i] != NULL; i++)
		if (strcmp(key, gov_remind_setting_keys[i]) == 0)
			return MASA_OK;
	return masa_error_set(err, MASA_ERR_USAGE,
	                      "config: unknown setting \"%.60s\"; the "
	                      "settings are smtp_url (the SMTP server, "
	                      "smtp://HOST:PORT or smtps://...), mail_from "
	                      "(the address reminders and papers come from) "
	                      "and site_url (masa's address, for links in "
	                      "e-mails: https://masa.example.org)",
	                      key);
}

static int run_config_set(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	const char *key = args->positional[0], *value = args->positional[1];

	if (config_key_check(key, &err) ||
	    cli_open(ctx, STORE_OPEN_EXISTING, &err) ||
	    gov_remind_setting_set(&ctx->gov, key, value, &err))
		return cli_fail(&err);
	printf("%s set to %s\n", key, mail_url_redacted(&ctx->arena, value));
	return 0;
}

const struct cli_command cmd_config_set = {
        .name = "config set",
        .arguments = "KEY VALUE",
        .summary = "set smtp_url (smtp://HOST:PORT), mail_from (an "
                   "address) or site_url (masa's address) for e-mail",
        .min_positional = 2,
        .max_positional = 2,
        .run = run_config_set,
};

static int run_config_get(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	const char *key = args->positional[0];
	char *value;

	if (config_key_check(key, &err) ||
	    cli_open(ctx, STORE_OPEN_EXISTING, &err) ||
	    gov_remind_setting_get(&ctx->gov, key, &ctx->arena, &value, &err))
		return cli_fail(&err);
	if (value == NULL) {
		masa_error_set(&err, MASA_ERR_NOT_FOUND,
		               "config: %s is not set (masa config set %s "
		               "VALUE)",
		               key, key);
		return cli_fail(&err);
	}
	/* A password stays in the database; it is not shown. */
	printf("%s\n", mail_url_redacted(&ctx->arena, value));
	return 0;
}

const struct cli_command cmd_config_get = {
        .name = "config get",
        .arguments = "KEY",
        .summary = "print a setting (smtp_url, mail_from, site_url; "
                   "passwords hidden)",
        .min_positional = 1,
        .max_positional = 1,
        .run = run_config_get,
};
