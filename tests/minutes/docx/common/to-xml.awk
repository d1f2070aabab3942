# Turns a make-docx source (see tests/minutes/make-docx) into word/document.xml
# much as Word writes it: runs split at the first space, revision ids,
# proofing marks and a section at the end.
BEGIN {
	FS = "|"
	print "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	printf "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
	printf " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
	print " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"><w:body>"
	intable = 0
}
function esc(s) {
	gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
	return s
}
# The runs of text s: tabs and line breaks as Word writes them.
function runs(s, bold,    out, parts, n, i, rpr, head, tail, sp) {
	rpr = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : ""
	n = split(s, parts, /\\[tn]/)
	out = ""
	rest = s
	for (i = 1; i <= n; i++) {
		sp = index(parts[i], " ")
		if (sp > 0 && length(parts[i]) > 12) {
			head = substr(parts[i], 1, sp)
			tail = substr(parts[i], sp + 1)
			out = out "<w:r w:rsidRPr=\"00A1B2C3\">" rpr "<w:t xml:space=\"preserve\">" esc(head) "</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
			out = out "<w:r>" rpr "<w:t xml:space=\"preserve\">" esc(tail) "</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>"
		} else if (parts[i] != "") {
			out = out "<w:r>" rpr "<w:t xml:space=\"preserve\">" esc(parts[i]) "</w:t></w:r>"
		}
		if (i < n) {
			rest = substr(rest, length(parts[i]) + 1)
			if (substr(rest, 1, 2) == "\\t")
				out = out "<w:r>" rpr "<w:tab/></w:r>"
			else
				out = out "<w:r>" rpr "<w:br/></w:r>"
			rest = substr(rest, 3)
		}
	}
	return out
}
function endtable() {
	if (intable) print "</w:tbl>"
	intable = 0
}
function para(style, text, bold, num) {
	endtable()
	printf "<w:p w:rsidR=\"00C4D5E6\" w:rsidRDefault=\"00C4D5E6\">"
	if (style != "" || num != "") {
		printf "<w:pPr>"
		if (style != "") printf "<w:pStyle w:val=\"%s\"/>", style
		if (num != "") printf "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"1\"/></w:numPr>", num
		printf "</w:pPr>"
	}
	print runs(text, bold) "</w:p>"
}
function row(bold,    i) {
	if (!intable) {
		print "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
		intable = 1
	}
	printf "<w:tr>"
	for (i = 2; i <= NF; i++)
		printf "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr><w:p>%s</w:p></w:tc>", runs($i, bold)
	print "</w:tr>"
}
$0 == "" { para("", "", 0, ""); next }
$1 == "Title" { para("Title", $2, 0, ""); next }
$1 ~ /^H[1-6]$/ { para("Heading" substr($1, 2), $2, 0, ""); next }
$1 == "P" { para("", $2, 0, ""); next }
$1 == "B" { para("", $2, 1, ""); next }
$1 ~ /^L[1-9]$/ { para("ListParagraph", $2, 0, substr($1, 2) - 1); next }
$1 == "T" { row(0); next }
$1 == "TH" { row(1); next }
{ print "make-docx: line " NR ": unknown kind " $1 > "/dev/stderr"; exit 1 }
END {
	endtable()
	print "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\"/></w:sectPr></w:body></w:document>"
}
