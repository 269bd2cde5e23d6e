"""Committee papers in the browser: drafts whose narrative the author edits, previews, and
exports as DOCX, PDF and HTML; the meeting's agenda."""
