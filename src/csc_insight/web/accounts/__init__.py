"""Users, roles, logging in and out, and the Administrator's user management."""
