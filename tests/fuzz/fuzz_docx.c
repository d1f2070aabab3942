/*
 * fuzz_docx: libFuzzer target for the Word reader. The first byte chooses:
 * odd, the rest is a whole .docx (a zip file, unpacked from memory); even,
 * the rest is word/document.xml itself, walked as the reader walks a
 * document's body (with the part after the first NUL, if any, as
 * word/styles.xml).
 *   make fuzz
 */
#include <stdint.h>
#include <string.h>

#include "minutes/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source s;
	struct masa_error err;
	const char *xml, *styles = NULL, *nul;
	size_t xml_len, styles_len = 0;

	if (size < 1)
		return 0;
	source_init(&s, SOURCE_UNKNOWN);
	if (data[0] & 1) {
		(void)source_read_docx(data + 1, size - 1, &s, &err);
	} else {
		xml = (const char *)data + 1;
		xml_len = size - 1;
		nul = memchr(xml, '\0', xml_len);
		if (nul) {
			styles = nul + 1;
			styles_len = xml_len - (size_t)(styles - xml);
			xml_len = (size_t)(nul - xml);
		}
		(void)source_read_docx_xml(xml, xml_len, styles, styles_len, &s,
		                           &err);
	}
	source_free(&s);
	return 0;
}
