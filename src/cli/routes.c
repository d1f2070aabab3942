/*
 * routes: masa's route table (routes.h). A module adds its routes to its own
 * table; a new module adds one line here.
 */
#include "cli/routes.h"

#include "api/api.h"
#include "api/child_deaths.h"
#include "api/reviews.h"
#include "web/actions.h"
#include "web/agenda.h"
#include "web/calendar.h"
#include "web/child_deaths.h"
#include "web/circulate.h"
#include "web/dashboards.h"
#include "web/documents.h"
#include "web/home.h"
#include "web/meeting.h"
#include "web/papers.h"
#include "web/practice.h"
#include "web/learning.h"
#include "web/pages.h"
#include "web/programme.h"
#include "web/reviews.h"
#include "web/session.h"
#include "web/setup.h"
#include "web/structure.h"

/* clang-format off */
const struct route masa_routes[] = {
        ROUTE_INCLUDE(http_base_routes),
        ROUTE_INCLUDE(session_routes),
        ROUTE_INCLUDE(home_routes),
        ROUTE_INCLUDE(structure_routes),
        ROUTE_INCLUDE(documents_routes),
        ROUTE_INCLUDE(setup_routes),
        ROUTE_INCLUDE(meeting_routes),
        ROUTE_INCLUDE(programme_routes),
        ROUTE_INCLUDE(actions_routes),
        ROUTE_INCLUDE(calendar_routes),
        ROUTE_INCLUDE(papers_routes),
        ROUTE_INCLUDE(agenda_routes),
        ROUTE_INCLUDE(pages_routes),
        ROUTE_INCLUDE(circulate_routes),
        ROUTE_INCLUDE(reviews_routes),
        ROUTE_INCLUDE(practice_routes),
        ROUTE_INCLUDE(learning_routes),
        ROUTE_INCLUDE(api_incident_routes),
        ROUTE_INCLUDE(api_routes),
        ROUTE_INCLUDE(api_review_routes),
        ROUTE_INCLUDE(dashboards_routes),
        ROUTE_INCLUDE(child_deaths_routes),
        ROUTE_INCLUDE(api_child_deaths_routes),
        {0},
};
/* clang-format on */
