#!/usr/bin/env python3
"""The report as a browser shows it: writes a report with salesfab, renders it with Debian's
headless chromium to a PNG and checks that something was drawn (the expected size, many distinct
colours, the platforms' colours, ink on the page) and that the page refers to nothing outside it.

Usage: render_check.py SALESFAB [PNG]   (PNG: where to keep the screenshot; default a temporary
file). Exit status 0 passed, 1 failed, 77 skipped: /usr/bin/chromium is not installed.
Only python3's standard library: the PNG is decoded with zlib.
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

CHROMIUM = "/usr/bin/chromium"
SKIP = 77
WIDTH, HEIGHT = 1280, 2400
EXTERNAL = ["http://", "https://", "src=", "<link", "@import", "url(", "<script"]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def read_png(path):
    """(width, height, channels, rows): rows are bytes, one per image row, unfiltered."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + " is not a PNG")
    at, idat, header = 8, [], None
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        body = data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        at += 12 + length
    if header is None:
        fail("the PNG has no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        fail("unexpected PNG format: depth %d, colour type %d, interlace %d"
             % (depth, colour, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytes(stride)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        if kind == 1:  # sub
            for i in range(channels, stride):
                row[i] = (row[i] + row[i - channels]) & 0xFF
        elif kind == 2:  # up
            row = bytearray((a + b) & 0xFF for a, b in zip(row, previous))
        elif kind == 3:  # average
            for i in range(stride):
                left = row[i - channels] if i >= channels else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = row[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        elif kind != 0:
            fail("unknown PNG filter %d in row %d" % (kind, y))
        rows.append(bytes(row))
        previous = row
    return width, height, channels, rows


def near(pixel, colour, tolerance=40):
    return all(abs(p - c) <= tolerance for p, c in zip(pixel, colour))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    salesfab = sys.argv[1]
    keep = sys.argv[2] if len(sys.argv) > 2 else None
    if not os.path.exists(CHROMIUM):
        print("SKIP: %s is not installed (apt-get install chromium)" % CHROMIUM)
        return SKIP

    work = tempfile.mkdtemp(prefix="salesfab-render-")
    try:
        page = os.path.join(work, "report.html")
        run = subprocess.run(
            [salesfab, "report", "scenarios/basis.yaml", "--replications", "4",
             "--lang", "nl", "--out", page, "--quiet"],
            capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            fail("salesfab report exited with %d: %s" % (run.returncode, run.stderr))
        with open(page, encoding="utf-8") as f:
            html = f.read()
        for bad in EXTERNAL:
            if bad in html:
                fail("the page refers to something outside it: %r" % bad)

        png = os.path.join(work, "report.png")
        profile = os.path.join(work, "profile")
        os.mkdir(profile)
        shot = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + png,
             "--window-size=%d,%d" % (WIDTH, HEIGHT), "file://" + page],
            capture_output=True, text=True, timeout=180)
        if not os.path.exists(png):
            fail("chromium wrote no screenshot (exit %d): %s" % (shot.returncode, shot.stderr[-2000:]))
        if keep:
            shutil.copyfile(png, keep)

        width, height, channels, rows = read_png(png)
        if (width, height) != (WIDTH, HEIGHT):
            fail("the screenshot is %dx%d, expected %dx%d" % (width, height, WIDTH, HEIGHT))
        colours, ink, samples = set(), 0, 0
        platform_blue = platform_green = False
        for y in range(0, height, 2):
            row = rows[y]
            for x in range(0, width, 2):
                pixel = tuple(row[x * channels : x * channels + 3])
                colours.add(pixel)
                samples += 1
                if sum(pixel) < 3 * 230:
                    ink += 1
                platform_blue = platform_blue or near(pixel, (0x00, 0x72, 0xB2))
                platform_green = platform_green or near(pixel, (0x00, 0x9E, 0x73))
        share = ink / samples
        print("screenshot %dx%d: %d distinct colours, %.1f%% ink" % (width, height, len(colours),
                                                                  100 * share))
        if len(colours) < 32:
            fail("only %d distinct colours: the page looks blank" % len(colours))
        if share < 0.03:
            fail("only %.2f%% of the page has ink: it looks blank" % (100 * share))
        if not (platform_blue and platform_green):
            fail("the factory's platforms (blue and green outlines) are not on the screenshot")
        print("PASS")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
