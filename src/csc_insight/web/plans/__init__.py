"""Improvement and action plans: headers, sections, RAG-rated actions and their history."""
