from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Bahasa Indonesia unless the user chose another language (the cookie set by /i18n/setlang/).

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: a supervisor
    whose browser is set to English still gets the Indonesian screens and dates they expect.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
