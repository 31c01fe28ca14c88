import os

import django

from careerplan.frames import RoomyWSGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerplan.settings")

# Django's get_wsgi_application(), with the handler that leaves each request room on the
# frame stack (careerplan/frames.py says why).
django.setup(set_prefix=False)
application = RoomyWSGIHandler()
