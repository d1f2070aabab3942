# The demo partnership (masa dump of `masa init --demo`) with part two in
# every place where it can hide, for tests/cli/test_routes.sh. Each part-two
# text begins with a secret word of its own (XQ + a name), so a test can say
# which text reached a page it must not. Apply with
#   jq -f part_two_variant.jq demo.json >variant.json
#
# At the board (RLSCB) meeting of 2014-12-04:
#   item 10 (part two): XQZEPHYR title, XQQUOKKA minutes, XQBISON resolution;
#     action 11 owned by the organisation pace (open, overdue): XQKESTREL,
#     its update XQHERON
#   item 10.1, a sub-item NOT marked part two (it is, being under 10):
#     XQMARMOT title, XQJACKAL minutes, XQNARWHAL resolution (1), XQOCELOT
#     paper, XQPANGOLIN declaration (Sue Cassin); action 10 owned by Oona
#     Owner (open, overdue): XQWOMBAT, its update XQIBEX
#   item 11 (part two), deferred to RLSCB/2030-01-15: XQGECKO title,
#     XQSALAMANDER minutes
#   action 12 under the open item 3, owned by Cafcass (open, overdue): no
#     secret, so that Cafcass's lead has something in every filter
# The board's next meeting, RLSCB/2030-01-15 (the board is no longer
# dissolved, so it can meet), its agenda published, its minutes draft:
# item 2 (part two) XQVOLE title, reason and paper; the open item 1's
# draft minutes XQMOTH (for everyone signed in, not the public, who see
# its title and paper).
# The board's work programme: XQTAPIR from resolution (1) of item 10.1,
# XQLYNX from the deferral of item 11, both for 2030-01-15, and an open entry
# (Open programme control) that everyone sees.
# People: Lee Leaver (a board member until 2014-12-03, the day before the
# part-two meeting), Oona Owner (owns action 10, sits on nothing), Pat Pace
# (of pace, whose organisation owns action 11), Carl Cafcass (of cafcass,
# which owns action 12 only), Nora Now (a board member since 2019-09-01,
# with no end: she sits on the board today).

def at_meeting(id; f): .meetings |= map(if .id == id then f else . end);

(.bodies |= map(if .short_name == "RLSCB" then del(.dissolution_date) else . end))
| .people += [
	{"id": "lee-leaver", "name": "Lee Leaver", "organization": "rotherham-council"},
	{"id": "oona-owner", "name": "Oona Owner", "organization": "rotherham-womens-refuge"},
	{"id": "pat-pace", "name": "Pat Pace", "organization": "pace"},
	{"id": "carl-cafcass", "name": "Carl Cafcass", "organization": "cafcass"},
	{"id": "nora-now", "name": "Nora Now", "organization": "rotherham-council"}
]
| .memberships += [
	{"person": "lee-leaver", "body": "RLSCB", "role": "member",
	 "on_behalf_of": "rotherham-council", "start_date": "2014-01-01",
	 "end_date": "2014-12-03"},
	{"person": "nora-now", "body": "RLSCB", "role": "member",
	 "on_behalf_of": "rotherham-council", "start_date": "2019-09-01"}
]
| at_meeting("RLSCB/2014-12-04";
	.agenda += [
		{"number": "10", "title": "XQZEPHYR Strategy discussion: Child Q",
		 "confidential": true,
		 "minutes": "XQQUOKKA The Board heard the police and social care account of Child Q.",
		 "resolutions": [{"number": 1, "text": "XQBISON That the strategy be agreed in private."}],
		 "items": [
			{"number": "10.1", "title": "XQMARMOT Child Q: the review's terms",
			 "minutes": "XQJACKAL The Board agreed the terms of the review.",
			 "resolutions": [{"number": 1, "text": "XQNARWHAL That the review report back in the new year."}],
			 "documents": [{"title": "XQOCELOT Child Q chronology", "kind": "report",
				"circulation": [{"person": "sue-cassin", "sent_on": "2014-11-27"}]}]}
		 ]},
		{"number": "11", "title": "XQGECKO Allegation against a professional",
		 "confidential": true, "status": "deferred",
		 "deferred_to": "RLSCB/2030-01-15",
		 "minutes": "XQSALAMANDER Deferred until the police investigation ends."}
	]
	| .declarations = [{"person": "sue-cassin", "item": "10.1",
		"interest": "XQPANGOLIN Knows the family of Child Q"}])
| .meetings += [
	{"id": "RLSCB/2030-01-15", "body": "RLSCB", "date": "2030-01-15",
	 "status": "scheduled", "minutes_status": "draft",
	 "agenda_published_on": "2029-12-20",
	 "part_two_exemption": "Paragraphs 1 and 2 of Schedule 12A to the Local Government Act 1972",
	 "agenda": [
		{"number": "1", "title": "Welcome and apologies",
		 "minutes": "XQMOTH Draft words the public may not read yet.",
		 "documents": [{"title": "Open agenda paper", "kind": "paper"}]},
		{"number": "2", "title": "XQVOLE Child R: the next steps", "confidential": true,
		 "part_two_reason": "XQVOLE Paragraph 2: identity of Child R",
		 "documents": [{"title": "XQVOLE Child R report", "kind": "report"}]}
	 ]}
]
| .actions += [
	{"id": "RLSCB/2014-12-04/10", "body": "RLSCB", "meeting": "RLSCB/2014-12-04",
	 "item": "10.1", "number": 10,
	 "details": "XQWOMBAT Write to the review's author with the terms",
	 "owners": [{"person": "oona-owner"}], "due_date": "2015-01-31",
	 "status": "in_progress",
	 "updates": [{"date": "2014-12-20", "text": "XQIBEX The letter is drafted",
		"status": "in_progress"}]},
	{"id": "RLSCB/2014-12-04/11", "body": "RLSCB", "meeting": "RLSCB/2014-12-04",
	 "item": "10", "number": 11,
	 "details": "XQKESTREL Share the strategy's outcome with the school",
	 "owners": [{"organization": "pace"}], "due_date": "2015-02-28",
	 "status": "open",
	 "updates": [{"date": "2015-01-10", "text": "XQHERON The school asked for a meeting"}]},
	{"id": "RLSCB/2014-12-04/12", "body": "RLSCB", "meeting": "RLSCB/2014-12-04",
	 "item": "3", "number": 12,
	 "details": "Cafcass to share its caseload figures with the Board",
	 "owners": [{"organization": "cafcass"}], "due_date": "2015-02-28",
	 "status": "open"}
]
| .programme += [
	{"body": "RLSCB", "title": "XQTAPIR Child Q review: report back",
	 "meeting": "RLSCB/2030-01-15", "source": "resolution",
	 "from_meeting": "RLSCB/2014-12-04", "from_item": "10.1",
	 "from_resolution": 1, "status": "planned"},
	{"body": "RLSCB", "title": "XQLYNX Allegation against a professional (deferred)",
	 "meeting": "RLSCB/2030-01-15", "source": "deferral",
	 "from_meeting": "RLSCB/2014-12-04", "from_item": "11", "status": "planned"},
	{"body": "RLSCB", "title": "Open programme control: annual report",
	 "month": "2030-03", "source": "other", "status": "planned"}
]
