"""`wsis search TEXT [--lang L] [--kind K] [--limit N] [--user NAME] [--json]`: the site search from the command line."""

import json

from django.core.management.base import BaseCommand
from django.utils import translation

from wsis.core.errors import ServiceError, command_error, command_user


class Command(BaseCommand):
    help = ("Search activities, economies, indicators, organisations, action lines and SDG targets, contributions "
            "and plan outputs, as the public sees them (or as --user sees them).")

    def add_arguments(self, parser):
        from wsis.search.selectors import KINDS, LIMIT_MAX, PAGE_LIMIT

        parser.add_argument("text", nargs="+", help="the words to find")
        parser.add_argument("--lang", default="en", help="language of the titles and links (ar, zh-hans, en, fr, ru, es)")
        parser.add_argument("--kind", action="append", choices=list(KINDS), default=[], help="only this kind; repeatable")
        parser.add_argument("--limit", type=int, default=PAGE_LIMIT, help=f"hits per group, 1–{LIMIT_MAX}")
        parser.add_argument("--user", help="search as this account (default: the public)")
        parser.add_argument("--json", action="store_true", help="print the API's JSON answer")

    def handle(self, *args, **opts):
        from wsis.core.i18n import language_param
        from wsis.search.selectors import search

        try:
            language = language_param(opts["lang"])
            viewer = command_user(opts["user"]) if opts["user"] else None
            answer = search(viewer, " ".join(opts["text"]), language=language, kinds=opts["kind"], limit=opts["limit"])
        except ServiceError as exc:
            raise command_error(exc) from exc
        if opts["json"]:
            from wsis.search.schemas import SearchAnswer

            self.stdout.write(json.dumps(SearchAnswer.model_validate(answer, from_attributes=True).model_dump(),
                                         ensure_ascii=False, indent=2))
            return
        with translation.override(language):
            if not answer["groups"]:
                self.stdout.write(f"Nothing found for {answer['q']!r}.")
            for g in answer["groups"]:
                self.stdout.write(f"{g.label} ({g.count})")
                for h in g.hits:
                    self.stdout.write(f"  {h.title}  [{h.context}]  {h.url}" if h.context else f"  {h.title}  {h.url}")
                if g.more_url:
                    self.stdout.write(f"  … {g.more_url}")
