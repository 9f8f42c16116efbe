from django.conf import settings


def site(request):
    return {"APP_VERSION": settings.VERSION}
