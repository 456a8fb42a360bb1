"""Use cases shared by the GUI and the headless CLI. Plain Python: no Qt here either."""
