"""``python -m syriastats`` runs the command-line interface."""
from syriastats.cli import main

raise SystemExit(main())
