"""Reading the PDF reports in tests: the text fpdf2 wrote, without a PDF library."""

from __future__ import annotations

import re
import zlib

STREAM = re.compile(rb"(?<!end)stream\r?\n")


def pdf_text(content: bytes) -> str:
    """The content streams of an fpdf2 file, inflated (enough to find written text).

    Each stream is inflated from its start until zlib says it ends, not cut at the next
    "endstream": a compressed stream may itself end in a carriage return, which a pattern
    like ``\\r?\\nendstream`` would take away (the text was then silently missed)."""
    chunks = []
    for match in STREAM.finditer(content):
        start = match.end()
        try:
            chunks.append(zlib.decompressobj().decompress(content[start:]))
        except zlib.error:  # not compressed: up to the stream's end
            chunks.append(content[start : content.find(b"endstream", start)])
    return b"\n".join(chunks).decode("latin-1")
