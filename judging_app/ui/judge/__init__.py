"""Judge mode: the judge's own scoring screens (docs/judge-mode.md).

Two ways to judge, one set of widgets: a `JudgeSession` is either a judge working directly
on the secretariat's database (`DatabaseJudgeSession`) or a judge package opened on a
laptop with no other database (`PackageJudgeSession`, with a local autosave file).
Entry points: `launch.run_judge_gui` and `window.JudgeWindow`.
"""
