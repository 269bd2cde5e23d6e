"""WSGI entry point for gunicorn (`csc-insight serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csc_insight.web.settings")
application = get_wsgi_application()
