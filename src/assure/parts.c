/*
 * parts: the assurance pillar's parts of the interchange document
 * (docs/interchange.md), in the order they load: a part may refer to the
 * records of those before it.
 */
#include "assure/child_death.h"
#include "assure/incident.h"
#include "assure/review.h"
#include "gov/interchange.h"

const struct interchange_part *const interchange_parts[] = {
        &assure_incident_part,   &review_part,      &briefing_part,
        &child_death_theme_part, &child_death_part, NULL,
};
