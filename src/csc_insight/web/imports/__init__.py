"""The Data pages: upload returns, see the validation report, load history, switch back."""
