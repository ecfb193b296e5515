"""``Engine._stages``: the kinds grouped by stage once, regrouped when the kinds change."""

from lint.engine.core import Engine


def test_stages_follow_the_kinds():
    engine = Engine()
    stages = engine._stages()
    assert [k for group in stages for k in group] == sorted(engine.kinds, key=lambda k: k.stage)
    assert engine._stages() is stages  # grouped once
    late = engine.kinds.pop(0)
    assert late not in [k for group in engine._stages() for k in group]
    engine.kinds.append(late)
    assert engine._stages()[-1][-1] is late or late.stage < max(k.stage for k in engine.kinds)


def test_a_changed_stage_is_regrouped():
    engine = Engine()
    kind = engine.kinds[0]
    kind.stage = 7  # an instance may say otherwise than its class
    try:
        assert engine._stages()[-1] == [kind]
    finally:
        del kind.stage
