"""Settings of the demo site the tests share (`wsis.testing.demo_site`): the project's own, with static files served
from the app folders (no `collectstatic` in a test run) and a fast password hasher (the demo accounts sign in often)."""

from config.settings import *  # noqa: F403
from config.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher",
                    "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
