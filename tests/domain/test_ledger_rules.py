"""The ledger's risk rules: the level is the highest rule that applies, every applying rule a reason in words."""

from heze_station.domain.ledger import LARGE_ARREARS_FEN, LedgerFacts, RiskLevel, assess


def words(facts: LedgerFacts) -> tuple[RiskLevel, list[str]]:
    risk = assess(facts)
    return risk.level, [reason.render() for reason in risk.reasons]


def test_nothing_outstanding_is_low_risk_without_reasons() -> None:
    assert words(LedgerFacts(recent_complaints=1)) == (RiskLevel.LOW, [])


def test_two_complaints_within_90_days_or_arrears_are_medium() -> None:
    assert words(LedgerFacts(recent_complaints=2)) == (RiskLevel.MEDIUM, ["2 complaints within 90 days"])
    assert words(LedgerFacts(arrears_fen=380000)) == (RiskLevel.MEDIUM, ["Arrears outstanding ¥3,800.00"])


def test_a_default_a_collective_dispute_or_large_arrears_are_high_and_every_reason_is_given() -> None:
    assert words(LedgerFacts(agreements_in_default=1)) == (RiskLevel.HIGH, ["Agreement in default, not performed"])
    assert words(LedgerFacts(open_collective_cases=1)) == (RiskLevel.HIGH, ["Collective dispute"])
    assert words(LedgerFacts(arrears_fen=LARGE_ARREARS_FEN)) == (
        RiskLevel.HIGH,
        ["Arrears outstanding ¥100,000.00"],
    )
    assert words(LedgerFacts(recent_complaints=3, agreements_in_default=1, arrears_fen=100)) == (
        RiskLevel.HIGH,
        ["Agreement in default, not performed", "Arrears outstanding ¥1.00", "3 complaints within 90 days"],
    )


def test_levels_sort_by_seriousness() -> None:
    levels = [RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.LOW]
    assert sorted(levels) == [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH]
