import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lot_portal.settings.base")

from lot_portal.cms.cache import PageCacheWSGI  # noqa: E402

application = PageCacheWSGI(get_wsgi_application())
