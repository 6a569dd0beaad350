"""Casts votes from a separate process against the test database (used by the concurrency test)."""

import os


def cast(db_name: str, data_dir: str, pairs: list[tuple[int, int]], address_base: int) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["WSIS_DATA_DIR"] = data_dir
    import django

    django.setup()
    from django.db import connections

    connections["default"].settings_dict["NAME"] = db_name
    return cast_here(pairs, address_base)


def cast_here(pairs: list[tuple[int, int]], address_base: int) -> dict:
    from django.db import connection

    from wsis.accounts.models import User
    from wsis.core.errors import ServiceError
    from wsis.prizes.models import Submission
    from wsis.prizes.services import vote_cast

    out = {"ok": 0, "duplicate": 0, "other": []}
    try:
        for i, (user_id, submission_id) in enumerate(pairs):
            voter = User.objects.get(pk=user_id)
            sub = Submission.objects.select_related("contest").get(pk=submission_id)
            try:
                vote_cast(voter=voter, submission=sub, address=f"10.{address_base}.{i // 250}.{i % 250 + 1}")
                out["ok"] += 1
            except ServiceError as exc:
                if exc.code == "already_voted":
                    out["duplicate"] += 1
                else:
                    out["other"].append(exc.message)
    finally:
        connection.close()
    return out
