"""Milestones and their action steps, edited in place on the goal page.

`answers` holds what every view answers with; `milestones` and `steps` hold the views.
"""
