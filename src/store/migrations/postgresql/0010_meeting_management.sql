-- masa schema, version 10: what the business unit records when it schedules
-- a meeting and builds its agenda. part_two_exemption: the statutory ground
-- on which the press and public are excluded from the meeting's part two
-- ("Paragraphs 1 and 2 of Schedule 12A to the Local Government Act 1972"),
-- NULL when the meeting has no part two. part_two_reason: why this item is
-- taken in part two (the paragraph that applies, in words).
ALTER TABLE meeting ADD COLUMN part_two_exemption TEXT;
ALTER TABLE item ADD COLUMN part_two_reason TEXT;
