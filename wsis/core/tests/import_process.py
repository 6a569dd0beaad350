"""An activity import in a process of its own, against the test database (used by the kill test).

python -m wsis.core.tests.import_process DB_NAME DATA_DIR FILE USER PAUSE_AFTER

With PAUSE_AFTER > 0 it prints "writing" once that many activities are saved inside the import's transaction
and waits there, so that the test kills it at a known point in the middle of the write.
"""

import os
import sys
import time


def main(db_name: str, data_dir: str, path: str, user: str, pause_after: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["WSIS_DATA_DIR"] = data_dir
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.db.models.signals import post_save

    from wsis.stocktaking.models import Activity

    connections["default"].settings_dict["NAME"] = db_name
    saved = 0

    def hold(sender, **kwargs):
        nonlocal saved
        saved += 1
        if saved == int(pause_after):
            print("writing", flush=True)
            time.sleep(300)

    if int(pause_after):
        post_save.connect(hold, sender=Activity, weak=False)
    call_command("activities", "import", path, "--user", user)
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:6])
