"""Plain parts every layer uses, with no knowledge of any return or page.

- `report`: the issue report (file, row, column, what was expected) that readers, imports
  and validation fill in;
- `values`: parsing dates, numbers, yes/no and codes from cells as councils write them;
- `xml_safety`, `xlsx_safety`: refusing XML entities and oversized or crafted archives;
- `calendar`: England's bank holidays and working days.
"""
