#!/usr/bin/env python3
"""mkbrokenpdf.py - write the PDFs with broken text layers that the tests use

broken-caesar.pdf: one page of minutes whose font's ToUnicode map shifts
  every letter by 3, so the page shows "The Council" but pdftotext gives
  "Wkh Frxqflo" (the shape of a real subset font with offset codes).
broken-mixed.pdf: page 1 a clean text layer, page 2 the shifted font,
  page 3 a font whose ToUnicode maps every letter to U+FFFD.
The glyphs are Helvetica's (not embedded; poppler substitutes a sans font),
so a render of each page reads as the plain English text.  Run it from this
directory: python3 mkbrokenpdf.py
"""

CAESAR = [(0x41, 0x57, 0x44), (0x58, 0x5A, 0x41), (0x61, 0x77, 0x64),
          (0x78, 0x7A, 0x61), (0x20, 0x40, 0x20)]
FFFD = [(0x20, 0x40, 0x20)] + [(c, c, 0xFFFD) for c in range(0x41, 0x5B)] + \
       [(c, c, 0xFFFD) for c in range(0x61, 0x7B)]


def cmap(ranges):
    b = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
         "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n")
    for i in range(0, len(ranges), 100):
        chunk = ranges[i:i + 100]
        b += "%d beginbfrange\n" % len(chunk)
        for lo, hi, u in chunk:
            b += "<%02X> <%02X> <%04X>\n" % (lo, hi, u)
        b += "endbfrange\n"
    return b + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def stream(data):
    return "<< /Length %d >>\nstream\n%sendstream" % (len(data), data)


def text(lines):
    s = "BT /F1 13 Tf 60 740 Td 20 TL\n"
    for line in lines:
        s += "(%s) Tj T*\n" % line
    return s + "ET\n"


def pdf(path, pages):
    """pages: list of (lines, ranges or None)"""
    objs = [None, None]     # catalog, pages
    kids = []
    for lines, ranges in pages:
        font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
        n = len(objs)
        if ranges:
            font += " /ToUnicode %d 0 R" % (n + 4)
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    "/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (n + 2, n + 3))
        objs.append(font + " >>")
        objs.append(stream(text(lines)))
        if ranges:
            objs.append(stream(cmap(ranges)))
        kids.append("%d 0 R" % (n + 1))
    objs[0] = "<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), len(kids))
    out = "%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += "%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    xref = len(out)
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += "%010d 00000 n \n" % o
    out += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "w", encoding="ascii") as f:
        f.write(out)


CLEAN = ["ASHCOMBE PARISH COUNCIL",
         "MINUTES of the meeting of the Parish Council held in the Village Hall",
         "on Thursday 23rd May 2024 at 7.30pm.",
         "Present: Councillors Smith, Brown and Jones and the Clerk.",
         "1. Apologies for absence were received from Councillor Green.",
         "2. The minutes of the previous meeting were agreed and signed."]
SHIFTED = ["3. Planning applications",
           "The Council resolved to support the new playground on Mill Lane",
           "and asked the Clerk to write to the district council.",
           "4. Highways",
           "Residents reported potholes on Church Street near the school.",
           "The Clerk will report them to the county council."]
LOST = ["5. Finance",
        "The Council approved payments of 1250 pounds to the grounds",
        "contractor and agreed the quarterly accounts as presented.",
        "6. Date of next meeting: Thursday 27th June 2024."]

pdf("broken-caesar.pdf", [(CLEAN + SHIFTED, CAESAR)])
pdf("broken-mixed.pdf", [(CLEAN, None), (SHIFTED, CAESAR), (LOST, FFFD)])
