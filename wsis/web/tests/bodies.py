"""The text a person could read in a response, whatever its format (HTML, JSON, CSV, XML or a zipped XLSX/DOCX)."""

import html
import io
import json
import zipfile


def body_text(resp) -> str:
    if getattr(resp, "streaming", False):
        data = b"".join(resp.streaming_content)
    else:
        data = resp.content
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels"))]
            # Cell text lives in XML: undo its escaping so "&amp;" compares as "&".
            return html.unescape("\n".join(parts))
        except zipfile.BadZipFile:
            pass
    text = data.decode("utf-8", "replace")
    if resp.get("Content-Type", "").startswith("application/json"):
        try:
            # JSON may escape non-ASCII text; compare the decoded strings.
            text += "\n" + json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return text + "\n" + html.unescape(text)
