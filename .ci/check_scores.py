#!/usr/bin/env python3
"""Compare scorer output (its last line, --json) with the floors; exit 1 on a regression.

Usage: check_scores.py FLOORS.json MODE=SCORER_OUTPUT ...
"""
import json
import sys


def main():
    floors = json.load(open(sys.argv[1]))
    failed = []
    for arg in sys.argv[2:]:
        mode, path = arg.split("=", 1)
        lines = [l for l in open(path, encoding="utf-8") if l.startswith("{")]
        metrics = json.loads(lines[-1])
        for name, floor in floors[mode].items():
            value = metrics[name]
            ok = value >= floor
            print(f"{'ok  ' if ok else 'FAIL'} {mode:6s} {name:16s} {value:.4f} (floor {floor:.4f})")
            if not ok:
                failed.append(f"{mode}.{name}")
    if failed:
        print("quality gates failed: " + ", ".join(failed))
        return 1
    print("quality gates passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
