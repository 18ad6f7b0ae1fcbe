"""Ordergate's executor for real MetaTrader 5 terminals, on MetaQuotes' MetaTrader5 package (README.md)."""
