"""Generate a synthetic corpus by recombining the bundled sample texts (kg/sample), deterministically from a seed.

Each generated text starts from one sample text (a plan, a decision article, a meeting report, a Party
program, an article about an unnamed province), then:

* moves it to another province (``kg.extraction.lang_vi.provinces.PROVINCES``), in both spellings
  (``Kon Tum`` and ``TỈNH KON TUM``);
* moves it to another year in 2020-2025 (every year in the text shifts by the same amount, so dates,
  periods and the yearly 01/NQ-CP stay consistent);
* gives the provincial document a new number and day of signature;
* rescales the figures of the targets (percentages and amounts) by a random factor;
* drops some ``-`` bullet lines and borrows bullet lines (tasks and solutions) from another sample text.

Usage: ``python benchmarks/gen_corpus.py --n 10000 --out /tmp/corpus10k --seed 1``
"""

from __future__ import annotations

import argparse
import random
import re
from decimal import Decimal
from pathlib import Path

from kg.build import sample_corpus
from kg.extraction.lang_vi.provinces import PROVINCES

# sample file -> (province as written, the text's own year, the provincial number's pattern)
TEMPLATES: dict[str, tuple[str | None, int, str]] = {
    "kon-tum-ke-hoach-2022.txt": ("Kon Tum", 2022, r"\b35(?=/KH-UBND)"),
    "binh-dinh-quyet-dinh-2023.txt": ("Bình Định", 2023, r"\b95(?=/QĐ-UBND)"),
    "ha-tinh-phien-hop-2024.txt": (None, 2024, r"$^"),
    "quang-ninh-chuong-trinh-2025.txt": ("Quảng Ninh", 2025, r"\b12(?=-CTr/TU)"),
    "unnamed-province-thong-bao.txt": (None, 2024, r"\b140(?=/KH-UBND)"),
}
YEAR_RE = re.compile(r"(?<![\d.,])(20[12]\d)(?![\d,])")
FIGURE_RE = re.compile(r"(?<![\d/.,])(\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?=\s?(?:%|tỷ đồng|triệu đồng|ha\b|triệu USD))")
DAY_RE = re.compile(r"(ngày )(\d{1,2})( tháng )")
BULLET_RE = re.compile(r"(?m)^- .*(?:\n(?![-\dIVX|]).*)*")


def load_templates() -> dict[str, str]:
    folder = sample_corpus()
    return {name: (folder / name).read_text(encoding="utf-8") for name in TEMPLATES}


def vn(value: Decimal, decimals: int) -> str:
    """A number written the Vietnamese way (thousands dot, decimal comma)."""
    q = round(value, decimals)
    whole, _, frac = f"{q:.{decimals}f}".partition(".")
    whole = f"{int(whole):,}".replace(",", ".")
    return whole + ("," + frac if frac else "")


def rescale(match: re.Match[str], rng: random.Random) -> str:
    text = match.group(1)
    decimals = len(text.split(",")[1]) if "," in text else 0
    value = Decimal(text.replace(".", "").replace(",", "."))
    return vn(value * Decimal(str(rng.uniform(0.8, 1.25))), decimals)


def generate_one(rng: random.Random, templates: dict[str, str]) -> tuple[str, str]:
    """One text and a file name for it."""
    name = rng.choice(sorted(templates))
    province, year, number_re = TEMPLATES[name]
    text = templates[name]
    new_province = rng.choice(PROVINCES)
    if province:
        text = text.replace(province, new_province).replace(province.upper(), new_province.upper())
    new_year = rng.randint(2020, 2025)
    shift = new_year - year
    text = YEAR_RE.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = re.sub(number_re, str(rng.randint(1, 400)), text)
    text = DAY_RE.sub(lambda m: f"{m.group(1)}{rng.randint(1, 28):02d}{m.group(3)}", text, count=1)
    text = FIGURE_RE.sub(lambda m: rescale(m, rng), text)
    bullets = BULLET_RE.findall(text)
    for b in bullets:
        if rng.random() < 0.2:
            text = text.replace(b + "\n", "", 1)
    donor = templates[rng.choice(sorted(templates))]
    borrowed = [b for b in BULLET_RE.findall(donor) if rng.random() < 0.3]
    if borrowed and bullets:
        anchor = next((b for b in bullets if b in text), None)
        if anchor:
            text = text.replace(anchor, anchor + "\n" + "\n".join(borrowed), 1)
    slug = re.sub(r"[^a-z0-9]+", "-", name.rsplit("-", 1)[0])
    return text, f"{slug}-{new_year}"


def generate(n: int, out: Path, seed: int = 1) -> list[Path]:
    """Write ``n`` texts into ``out`` (same seed, same corpus)."""
    rng = random.Random(seed)
    templates = load_templates()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text, stem = generate_one(rng, templates)
        path = out / f"{i:06d}-{stem}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of texts")
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
    args = ap.parse_args()
    paths = generate(args.n, args.out, args.seed)
    print(f"wrote {len(paths)} texts to {args.out}")


if __name__ == "__main__":
    main()
