"""WSGI entry point for gunicorn and other servers."""

import os

from django.core.wsgi import get_wsgi_application

from wsis.core.files import restrict_umask

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
restrict_umask()
application = get_wsgi_application()
