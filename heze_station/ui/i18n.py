"""Translation: the interface's own catalogue (resources/i18n) plus Qt's, for standard buttons and dialogs.

Source strings are English; zh_CN is complete and the default. Domain messages are translated in the "Domain"
context, where pyside6-lupdate files them (see heze_station.domain.messages).
"""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import paths
from ..domain.messages import CONTEXT, Message

CATALOGUE = "heze_station"


def install(application: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the catalogues for ``language`` ("zh_CN" or "en"); English needs none."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English, QLocale.Country.China)
    )
    if language == "en":
        return []
    translators = []
    for name, folder in (
        (f"{CATALOGUE}_{language}", str(paths.resource("i18n"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(application)
        if translator.load(name, folder):
            application.installTranslator(translator)
            translators.append(translator)
    return translators


def domain_text(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def render(message: Message) -> str:
    return message.render(domain_text)
