from . import core_translations
