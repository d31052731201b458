"""A synthetic large knowledge base: the bundled rules renamed and perturbed into many jurisdictions.

Usage: .venv/bin/python benchmarks/synthetic.py OUT_DIR [--jurisdictions 100] [--documents 5]
writes OUT_DIR/sources/*.txt and OUT_DIR/manifest.toml (about 79 articles per document).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from assistant.config import Config
from assistant.ingest import manifest_entries

_STEMS = "青云松柏桃李杏梅兰竹菊泉溪河湖山岭峰川原野林森石金银铜铁玉宝安康宁平和顺丰盛兴隆昌荣华新"


def place_name(index: int) -> str:
    """A distinct, made-up city name: 两字 + 市 (not a real place)."""
    return f"{_STEMS[index % len(_STEMS)]}{_STEMS[(index * 7 + 3) % len(_STEMS)]}{index:03d}市"


def perturb(text: str, source: str, target: str, rng: random.Random) -> str:
    """Rename the jurisdiction and nudge the numbers a little, keeping the document's structure."""
    text = text.replace(source, target).replace(source[:-1], target[:-1])
    return re.sub(r"(?<=[^\d〔])([2-9])(?=\s*(?:次|日|天|个工作日))", lambda m: str(rng.randint(2, 9)), text)


def generate(out: Path, jurisdictions: int, documents: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    bundled = [(path, hints) for path, hints in manifest_entries(Config())]
    (out / "sources").mkdir(parents=True, exist_ok=True)
    entries = []
    for place_index in range(jurisdictions):
        place = place_name(place_index)
        for doc_index in range(documents):
            path, hints = bundled[(place_index + doc_index) % len(bundled)]
            text = perturb(path.read_text(encoding="utf-8"), hints.jurisdiction, place, rng)
            name = f"{place_index:03d}-{doc_index}.txt"
            (out / "sources" / name).write_text(text, encoding="utf-8")
            entries.append(f'[[documents]]\nfile = "sources/{name}"\njurisdiction = "{place}"\nlevel = "市"\n'
                           f'title = "{place}人民政府工作规则（第{doc_index + 1}部分）"\n'
                           f'doc_number = "模政发〔2026〕{place_index * documents + doc_index + 1}号"\n')
    (out / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
    return len(entries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--jurisdictions", type=int, default=100)
    parser.add_argument("--documents", type=int, default=5)
    args = parser.parse_args()
    print(f"{generate(args.out, args.jurisdictions, args.documents)} documents written to {args.out}")


if __name__ == "__main__":
    main()
