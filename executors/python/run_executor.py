#!/usr/bin/env python3
"""Runs Ordergate's MT5 executor: python run_executor.py --config executor.ini (see README.md)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ordergate_mt5.main import main  # noqa: E402 - after the path is set

if __name__ == "__main__":
    sys.exit(main())
