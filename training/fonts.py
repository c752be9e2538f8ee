"""Discovery of handwriting fonts (npm @fontsource and Debian fonts-*) and Hershey stroke fonts."""
import hashlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
DEBIAN_FONT_DIRS = ["bwht", "fifthhorseman", "femkeklaver", "breip", "rufscript", "humor-sans", "dancingscript", "comic-neue"]
HERSHEY_DIR = Path("/usr/share/hershey-fonts")
# Latin Hershey fonts whose glyphs are single strokes in ASCII order from 32.
HERSHEY_FONTS = ["futural", "futuram", "rowmans", "rowmand", "scripts", "cursive", "timesr", "timesi", "scriptc"]


def handwriting_fonts() -> list[dict]:
    """Each font: {name, family, path}. One regular weight per npm family; every Debian face."""
    fonts = []
    for d in sorted((ROOT / "node_modules" / "@fontsource").glob("*")):
        files = sorted(d.glob("files/*-latin-400-normal.woff"))
        if files:
            fonts.append({"name": d.name, "family": d.name, "path": str(files[0])})
    for sub in DEBIAN_FONT_DIRS:
        for base in (Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts/opentype")):
            for f in sorted((base / sub).glob("*.[ot]tf")):
                fonts.append({"name": f.stem, "family": sub, "path": str(f)})
    return fonts


def _mask_digest(font, ch) -> str:
    im = Image.new("L", (160, 160), 0)
    ImageDraw.Draw(im).text((20, 10), ch, font=font, fill=255)
    return hashlib.md5(im.tobytes()).hexdigest()


def covered_chars(path: str, chars: str) -> str:
    """Characters the font really draws (not the .notdef box, not blank)."""
    font = ImageFont.truetype(path, 96)
    notdef = {_mask_digest(font, c) for c in ("\uffff", "\U0010fffd")}
    blank = _mask_digest(font, " ")
    return "".join(c for c in chars if _mask_digest(font, c) not in notdef | {blank})


def _shape(font, ch) -> np.ndarray | None:
    im = Image.new("L", (200, 200), 0)
    ImageDraw.Draw(im).text((30, 20), ch, font=font, fill=255)
    box = im.getbbox()
    return None if box is None else np.asarray(im.crop(box).resize((24, 24), Image.BILINEAR)) > 100


def caps_only(path: str) -> bool:
    """True for fonts whose lower-case letters are capitals (permanent-marker, Humor Sans, the BWHT faces):
    their "a" would teach the model that an A is an a. Judged on letters whose two cases differ in shape
    in ordinary handwriting; size does not count, since the glyphs are cropped before comparing."""
    font = ImageFont.truetype(path, 96)
    overlaps = []
    for lower in "abdeghnqrt":
        a, b = _shape(font, lower), _shape(font, lower.upper())
        overlaps.append(0.0 if a is None or b is None else (a & b).sum() / max(1, (a | b).sum()))
    return float(np.median(overlaps)) >= 0.6


def parse_jhf(path: Path) -> dict[str, list[np.ndarray]]:
    """Hershey .jhf -> {char: [stroke (n,2) arrays]} for ASCII 32..126, y growing downwards."""
    text = path.read_text(encoding="latin-1").replace("\r", "")
    lines, glyphs, i = text.split("\n"), [], 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if len(line) < 10:
            continue
        n = int(line[5:8])
        body = line[8:]
        while len(body) < 2 * n and i < len(lines):
            body += lines[i]
            i += 1
        glyphs.append(body[2 : 2 * n])
    out = {}
    for code, body in enumerate(glyphs[:95], start=32):
        strokes, cur = [], []
        for k in range(0, len(body) - 1, 2):
            pair = body[k : k + 2]
            if pair == " R":
                if cur:
                    strokes.append(np.array(cur, np.float32))
                cur = []
            else:
                cur.append((ord(pair[0]) - ord("R"), ord(pair[1]) - ord("R")))
        if cur:
            strokes.append(np.array(cur, np.float32))
        if strokes:
            out[chr(code)] = strokes
    return out


def hershey_fonts() -> list[dict]:
    return [{"name": f"hershey-{n}", "family": f"hershey-{n}", "path": str(HERSHEY_DIR / f"{n}.jhf")}
            for n in HERSHEY_FONTS if (HERSHEY_DIR / f"{n}.jhf").exists()]
