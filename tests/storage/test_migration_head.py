from heze_station.storage import migrations


def test_head_constant_matches_the_newest_migration_script() -> None:
    # Start-up skips Alembic when a file is at HEAD; a forgotten bump would skip a new migration.
    assert migrations.script_head() == migrations.HEAD
