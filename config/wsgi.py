import os

from django.core.wsgi import get_wsgi_application

from config.stack import with_stack_room

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Each request runs in a stack chunk of its own (config/stack.py).
application = with_stack_room(get_wsgi_application())
