#!/usr/bin/env python3
"""Checks that every local link and image of a built site resolves: the file
exists and, for `page.html#id`, the page has an element with that id.
Absolute URLs (http:, mailto:) are not followed. Exits 1 on a broken one.

    python3 .ci/links.py site
"""
import html.parser
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def parse(path):
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def main(root):
    root = Path(root).resolve()
    pages = {p: parse(p) for p in sorted(root.rglob("*.html"))}
    broken = 0
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            ok = target.is_file() and (root in target.parents or target == root)
            if ok and parts.fragment and target.suffix == ".html":
                ok = parts.fragment in (pages.get(target) or parse(target)).ids
            if not ok:
                broken += 1
                print(f"{path.relative_to(root)}: broken link {link}")
    print(f"{len(pages)} pages, {sum(len(p.links) for p in pages.values())} links, {broken} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "site"))
