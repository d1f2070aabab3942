#!/usr/bin/env python3
"""Checks an iCalendar feed of masa with the standard library only.

usage: ical_check.py FEED.ics
Prints one line per problem and exits 1, or prints "OK events=N" and then
one tab-separated line per event: UID, STATUS, URL, DTSTART (with its
parameters), SUMMARY and LOCATION unescaped.
"""
import sys


def unescape(v):
    out, i = [], 0
    while i < len(v):
        c = v[i]
        if c == "\\" and i + 1 < len(v):
            n = v[i + 1]
            out.append("\n" if n in "nN" else n)
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def main(path):
    data = open(path, "rb").read()
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the feed does not end with CRLF")
    physical = data.split(b"\r\n")[:-1]
    for no, line in enumerate(physical, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {no}: a bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {no}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {no}: a UTF-8 character split by folding")
    logical = []
    for line in physical:
        if line.startswith(b" ") and logical:
            logical[-1] += line[1:]
        else:
            logical.append(line)
    stack, cal, events, event = [], {}, [], None
    for raw in logical:
        line = raw.decode("utf-8", "replace")
        name_params, _, value = line.partition(":")
        name = name_params.split(";")[0].upper()
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                event = {}
        elif name == "END":
            if not stack or stack[-1] != value:
                problems.append(f"END:{value} does not match BEGIN:{stack[-1] if stack else '-'}")
            else:
                stack.pop()
            if value == "VEVENT":
                events.append(event)
                event = None
        elif event is not None:
            if name in event:
                problems.append(f"an event repeats {name}")
            event[name] = (name_params, value)
        elif stack == ["VCALENDAR"]:
            cal[name] = value
        elif stack[-1:] == ["VTIMEZONE"]:
            cal.setdefault("TZID:" + value if name == "TZID" else "", "")
    if stack:
        problems.append(f"unclosed: {stack}")
    if logical[:1] != [b"BEGIN:VCALENDAR"]:
        problems.append("the feed does not start with BEGIN:VCALENDAR")
    for want, value in (("VERSION", "2.0"), ("CALSCALE", "GREGORIAN")):
        if cal.get(want) != value:
            problems.append(f"{want} is {cal.get(want)!r}, not {value}")
    for want in ("PRODID", "X-WR-CALNAME"):
        if not cal.get(want):
            problems.append(f"the calendar has no {want}")
    if "TZID:Europe/London" not in cal:
        problems.append("no VTIMEZONE for Europe/London")
    uids = set()
    for e in events:
        for want in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "STATUS", "URL", "DESCRIPTION"):
            if want not in e:
                problems.append(f"an event has no {want}")
        uid = e.get("UID", ("", ""))[1]
        if uid in uids:
            problems.append(f"UID {uid} twice")
        uids.add(uid)
        start = e.get("DTSTART", ("", ""))
        if "TZID=Europe/London" not in start[0] and "VALUE=DATE" not in start[0]:
            problems.append(f"DTSTART without TZID or VALUE=DATE: {start}")
    if problems:
        print("\n".join(problems))
        return 1
    print(f"OK events={len(events)}")
    for e in events:
        g = lambda k: e.get(k, ("", ""))
        print("\t".join([
            unescape(g("UID")[1]), g("STATUS")[1], g("URL")[1],
            g("DTSTART")[0] + ":" + g("DTSTART")[1],
            unescape(g("SUMMARY")[1]).replace("\n", "\\n").replace("\t", " "),
            unescape(g("LOCATION")[1]).replace("\n", "\\n").replace("\t", " "),
        ]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
