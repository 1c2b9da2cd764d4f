"""The workspace database: engine, sessions, declarative base and Alembic migrations. No Qt."""
