"""Draw the app icon (a returning arrow around a parcel) into resources/icons/: app.png (256 px) and app.ico
(256 px, for the Windows build). Run again only to change the icon:  python resources/icons/make_icon.py"""

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1565c0"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    # the parcel
    p.setBrush(QColor("#ffca28"))
    p.drawRoundedRect(QRectF(92 * s, 96 * s, 72 * s, 64 * s), 6 * s, 6 * s)
    p.setBrush(QColor("#f57f17"))
    p.drawRect(QRectF(122 * s, 96 * s, 12 * s, 64 * s))
    # the returning arrow around it
    pen = QPen(QColor("white"), 20 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    arc = QRectF(48 * s, 48 * s, 160 * s, 160 * s)
    p.drawArc(arc, 120 * 16, 290 * 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    head = QPainterPath(QPointF(70 * s, 30 * s))
    head.lineTo(QPointF(110 * s, 78 * s))
    head.lineTo(QPointF(52 * s, 92 * s))
    head.closeSubpath()
    p.drawPath(head)
    p.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "app.png"))
    draw(256).save(str(OUT / "app.ico"))
    print(sorted(p.name for p in OUT.iterdir()))
