#include "minutes/publish.h"
enum masa_err publish_pdf(const struct publish_meeting *m, struct buf *out,
                          struct masa_error *err)
{
	(void)m;
	(void)out;
	return masa_error_set(err, MASA_ERR_INVALID, "not yet");
}
