"""The fault suite (`nox -s chaos`): its own Postgres cluster, several `ap-server serve`
processes, and faults under load; prints a table and fails on any lost or doubled run,
500, dropped connection, or recovery slower than the lease. See __main__.py."""
