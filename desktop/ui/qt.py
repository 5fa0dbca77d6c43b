"""Every Qt import of the app goes through here, so the binding changes in one place."""
from PySide6.QtCore import (  # noqa: F401
    QAbstractListModel, QAbstractTableModel, QByteArray, QCoreApplication, QDate, QDateTime, QEvent,
    QItemSelectionModel, QLibraryInfo, QLocale, QMargins, QMimeData, QModelIndex, QObject, QPersistentModelIndex,
    QPoint, QPointF, QRect, QRectF, QRegularExpression,
    QSettings, QSize, QSortFilterProxyModel, QStandardPaths, QStringListModel, Qt, QThread, QTime,
    QTimer, QTranslator, QUrl,
    Signal, Slot,
)
from PySide6.QtGui import (  # noqa: F401
    QAction, QBrush, QColor, QDesktopServices, QDragEnterEvent, QDropEvent, QImage, QKeyEvent, QFont, QFontDatabase, QFontMetrics, QGuiApplication, QIcon, QKeySequence,
    QPainter, QPalette, QPen, QPixmap, QRegularExpressionValidator, QShortcut, QStandardItem, QStandardItemModel,
    QTextCharFormat, QTextCursor, QTextDocument, QTextFormat,
)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemView, QApplication, QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFileDialog,
    QDoubleSpinBox, QInputDialog, QStyleOptionViewItem,
    QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView,
    QMainWindow, QMenu, QMessageBox, QPlainTextEdit, QProgressDialog, QPushButton, QScrollArea, QSizePolicy,
    QSpinBox, QSplitter, QStackedWidget, QStatusBar, QStyle, QStyledItemDelegate, QTableView, QTabWidget,
    QTextEdit, QToolBar, QToolButton, QVBoxLayout, QWidget,
)

try:  # QtCharts ships with PySide6-Addons; without it the overview shows the numbers as text.
    from PySide6.QtCharts import (  # noqa: F401
        QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis,
    )
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet  # noqa: F401
    HAVE_CHARTS = True
except ImportError:  # pragma: no cover - the packaged app always has the add-ons
    HAVE_CHARTS = False

# Printing goes through Qt's own dialogs and painter (PySide6-Essentials), and QtPdf shows the
# documents' preview and prints a PDF through Qt (since PySide6 6.12 the separate wheel
# PySide6-Pdf; without it the preview says so and printing goes to the system). Both load
# when the dossier pages first use them (module __getattr__ below), not before the window
# shows: they are a good part of the start-up.
import importlib.util as _importlib_util  # noqa: E402

HAVE_PDF = (_importlib_util.find_spec("PySide6.QtPdf") is not None
            and _importlib_util.find_spec("PySide6.QtPdfWidgets") is not None)
_LAZY = {
    "QAbstractPrintDialog": "PySide6.QtPrintSupport", "QPrintDialog": "PySide6.QtPrintSupport",
    "QPrinter": "PySide6.QtPrintSupport",
    "QPdfDocument": "PySide6.QtPdf", "QPdfPageNavigator": "PySide6.QtPdf", "QPdfPageRenderer": "PySide6.QtPdf",
    "QPdfView": "PySide6.QtPdfWidgets",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


# The package pages (Gửi hồ sơ, Kiểm tra gói).
from PySide6.QtCore import QAbstractItemModel  # noqa: E402,F401
from PySide6.QtWidgets import QButtonGroup, QProgressBar, QRadioButton, QTreeView  # noqa: E402,F401

# The welcome's three ways in are command-link buttons; item editors are committed by hand there.
from PySide6.QtWidgets import QAbstractItemDelegate, QCommandLinkButton  # noqa: E402,F401
