"""Every Qt import of the app goes through here, so the binding changes in one place.

A name is looked up in its Qt module when it is first imported from here (the module
``__getattr__`` below), not when this module loads: PySide6 builds a class's Python type
and its enums when the class is first named, 1–15 ms each (``Qt`` about 100 ms), so the
window pays before it shows only for the classes of the modules it has loaded.
"""
import importlib
import importlib.util as _importlib_util

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401 (loaded here; their names on first use)

_NAMES = {
    "PySide6.QtCore": """
        QAbstractItemModel QAbstractListModel QAbstractTableModel QByteArray QCoreApplication QDate QDateTime QEvent
        QItemSelectionModel QLibraryInfo QLocale QMargins QMimeData QModelIndex QObject QPersistentModelIndex
        QPoint QPointF QRect QRectF QRegularExpression
        QSettings QSize QSortFilterProxyModel QStandardPaths QStringListModel Qt QThread QTime
        QTimer QTranslator QUrl
        Signal Slot
    """,
    "PySide6.QtGui": """
        QAction QBrush QColor QDesktopServices QDragEnterEvent QDropEvent QImage QKeyEvent QFont QFontDatabase
        QFontMetrics QGuiApplication QIcon QKeySequence
        QPainter QPalette QPen QPixmap QRegularExpressionValidator QShortcut QStandardItem QStandardItemModel
        QTextCharFormat QTextCursor QTextDocument QTextFormat
    """,
    "PySide6.QtWidgets": """
        QAbstractItemView QApplication QCheckBox QComboBox QCompleter QDialog QDialogButtonBox QFileDialog
        QDoubleSpinBox QInputDialog QStyleOptionViewItem
        QFormLayout QFrame QGridLayout QGroupBox QHBoxLayout QHeaderView QLabel QLineEdit QListView
        QMainWindow QMenu QMessageBox QPlainTextEdit QProgressDialog QPushButton QScrollArea QSizePolicy
        QSpinBox QSplitter QStackedWidget QStatusBar QStyle QStyledItemDelegate QTableView QTabWidget
        QTextEdit QToolBar QToolButton QVBoxLayout QWidget
        QButtonGroup QProgressBar QRadioButton QTreeView
        QAbstractItemDelegate QCommandLinkButton
    """,
    # QtCharts ships with PySide6-Addons; without it the overview shows the numbers as text.
    "PySide6.QtCharts": """
        QChart QChartView QDateTimeAxis QLineSeries QScatterSeries QValueAxis QBarCategoryAxis QBarSeries QBarSet
    """,
    # Printing goes through Qt's own dialogs and painter (PySide6-Essentials), and QtPdf shows the
    # documents' preview and prints a PDF through Qt (since PySide6 6.12 the separate wheel
    # PySide6-Pdf; without it the preview says so and printing goes to the system). Both load
    # when the dossier pages first use them, not before the window shows: they are a good part
    # of the start-up.
    "PySide6.QtPrintSupport": "QAbstractPrintDialog QPrintDialog QPrinter",
    "PySide6.QtPdf": "QPdfDocument QPdfPageNavigator QPdfPageRenderer",
    "PySide6.QtPdfWidgets": "QPdfView",
}
_MODULE_OF = {name: module for module, names in _NAMES.items() for name in names.split()}

HAVE_CHARTS = _importlib_util.find_spec("PySide6.QtCharts") is not None
HAVE_PDF = (_importlib_util.find_spec("PySide6.QtPdf") is not None
            and _importlib_util.find_spec("PySide6.QtPdfWidgets") is not None)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
