"""`judging-app competition show`: a competition's setup in words, as the Setup view shows
it (names in the chosen language where the setup has them in both)."""

from __future__ import annotations

from judging_app.cli.say import language, say
from judging_app.core.messages import Message


def _name(name: str, name_en: str) -> str:
    return name_en if language() == "en" and name_en else name


def show(args) -> int:
    from judging_app.cli.access import read
    from judging_app.cli.tables import table
    from judging_app.core.enums import AdvancementKind, CompetitionStatus, RoundKind
    from judging_app.services import competitions

    db = read(args)
    setup = competitions.get_setup(db, args.competition)
    if args.json:
        from judging_app.exchange.competition_file import setup_to_json
        from judging_app.services.document_settings import get_document_settings

        print(setup_to_json(setup, get_document_settings(db, args.competition)))
        return 0
    summary = competitions.get_summary(db, args.competition)
    say(Message("cli_competition.title", code=summary.code, year=setup.year,
                name=_name(setup.name, setup.name_en),
                status=CompetitionStatus(summary.status)))
    say(Message("cli_show.categories"))
    table(None, [[c.code, _name(c.name, c.name_en)] for c in setup.categories], "  ")
    for number, rnd in enumerate(setup.rounds, start=1):
        say("")
        say(Message("cli_show.round", number=number, code=rnd.code,
                    name=_name(rnd.name, rnd.name_en), kind=rnd.kind))
        if rnd.kind != RoundKind.SCORED:
            continue
        rule = rnd.advancement
        if rule.kind == AdvancementKind.TOP_N:
            say(Message("cli_show.top_n", n=rule.top_n))
        elif rule.kind == AdvancementKind.THRESHOLD:
            say(Message("cli_show.threshold", threshold=rule.threshold))
        elif rule.kind == AdvancementKind.MANUAL:
            say(Message("cli_show.manual"))
        table(Message("cli_show.header"),
              [[c.code, c.weight,
                Message("cli_show.scale", low=c.scale_min, high=c.scale_max, step=c.scale_step),
                _name(c.name, c.name_en)] for c in rnd.criteria], "  ")
    say("")
    say(Message("cli_show.awards"))
    table(None, [[t.code, _name(t.label, t.label_en), _tier_rule(t)]
                 for t in setup.award_tiers], "  ")
    say(Message("cli_show.rules", method=setup.rules.aggregation,
                scope=Message("cli_show.per_category") if setup.rules.ranking_scope == "category"
                else Message("cli_show.overall")))
    return 0


def _tier_rule(tier) -> Message:
    from judging_app.core.enums import AwardKind

    if tier.kind == AwardKind.RANK:
        if tier.rank_from == tier.rank_to:
            return Message("cli_show.rank", rank=tier.rank_from)
        return Message("cli_show.ranks", first=tier.rank_from, last=tier.rank_to)
    return Message("cli_show.band", low=tier.min_score if tier.min_score is not None else "",
                   high=tier.max_score if tier.max_score is not None else "")
