"""The trainer's half of the app: catalog workbench, cohort dashboard, assignments.

Each pane is a widget that loads its own data in a thread worker; the trainer screen
(:mod:`simulator.app.screens.trainer`) only arranges them in tabs.
"""
