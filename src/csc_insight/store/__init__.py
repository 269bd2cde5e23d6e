"""The snapshot store: immutable DuckDB files, one per load, and the pointer to the current one."""
