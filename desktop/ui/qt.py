"""Every Qt import of the app goes through here, so the binding changes in one place."""
from PySide6.QtCore import (  # noqa: F401
    QAbstractListModel, QAbstractTableModel, QByteArray, QCoreApplication, QDate, QEvent, QItemSelectionModel,
    QLibraryInfo, QLocale, QMimeData, QModelIndex, QObject, QPersistentModelIndex, QPoint, QPointF, QRect,
    QRunnable,
    QSettings, QSize, QSortFilterProxyModel, QStandardPaths, QStringListModel, Qt, QThread, QThreadPool, QTimer,
    QTranslator, QUrl,
    Signal, Slot,
)
from PySide6.QtGui import (  # noqa: F401
    QAction, QBrush, QColor, QDesktopServices, QDragEnterEvent, QDropEvent, QImage, QKeyEvent, QFont, QFontDatabase, QGuiApplication, QIcon, QKeySequence,
    QPainter, QPalette, QPixmap, QRegularExpressionValidator, QShortcut, QStandardItem, QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemView, QApplication, QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFileDialog,
    QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView,
    QMainWindow, QMenu, QMessageBox, QPlainTextEdit, QProgressDialog, QPushButton, QSizePolicy,
    QSpinBox, QSplitter, QStackedWidget, QStatusBar, QStyle, QStyledItemDelegate, QTableView, QTabWidget,
    QTextEdit, QToolBar, QToolButton, QVBoxLayout, QWidget,
)

